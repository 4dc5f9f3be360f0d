package io.rectify.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decision {@code deadline-policy} (整改期限): DOMAIN.md's default rectification period of
 * each category, in working days.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "bpmn/deadline-policy.dmn")
class DeadlinePolicyDecisionTest {

    ProcessEngine processEngine;

    @ParameterizedTest(name = "{0} has {1} working day(s)")
    @CsvSource({
        "A33-07, 1",
        "A33-03, 5", "A33-04, 5", "A33-05, 5", "A33-08, 5",
        "A33-01, 15", "A33-02, 15", "A33-06, 15", "A33-09, 15",
        "A33-10, 10", "A34-01, 10", "A34-02, 10"
    })
    void everyCategoryHasItsDefaultPeriod(String categoryCode, int workingDays) {
        DmnDecisionResult result = evaluate(categoryCode);

        assertThat(result).hasSize(1);
        assertThat(result.getSingleResult()).containsEntry("periodWorkingDays", workingDays);
    }

    @Test
    void unknownCategoryHasNoDefaultPeriod() {
        assertThat(evaluate("A35-01")).isEmpty();
    }

    private DmnDecisionResult evaluate(String categoryCode) {
        return processEngine.getDecisionService().evaluateDecisionByKey("deadline-policy")
                .variables(Map.of("categoryCode", categoryCode))
                .evaluate();
    }
}
