package io.rectify.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;

import io.rectify.monitoring.Indicator;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decision {@code finding-category}: which category of Art. 33 a failure of each monitoring
 * indicator becomes, every rule with the reason a person reads when changing it.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "bpmn/finding-category.dmn")
class FindingCategoryDecisionTest {

    ProcessEngine processEngine;

    @ParameterizedTest(name = "{0} is a case of {1}")
    @CsvSource({
        "UNREACHABLE, A33-10",
        "HOMEPAGE_STALE, A33-04", "COLUMNS_STALE, A33-04", "BLANK_COLUMNS, A33-04",
        "INTERACTION_UNANSWERED, A33-05",
        "IDENTITY_MISSING, A33-02",
        "UNREGISTERED_SITE, A33-01",
        "NOT_GOV_DOMAIN, A33-09",
        "BROKEN_LINKS, A33-10",
        "TLS, A33-10",
        "SECURITY_INCIDENT, A33-06", "SERVICE_UNUSABLE, A33-05", "POLICY_STALE, A33-04", "SERVICE_STATS_STALE, A33-04",
        "REPLY_STALE, A33-05"
    })
    void everyIndicatorHasItsCategory(String indicator, String categoryCode) {
        DmnDecisionResult result = evaluate(indicator);

        assertThat(result).hasSize(1);
        assertThat(result.getSingleResult()).containsEntry("categoryCode", categoryCode);
    }

    @Test
    void everyIndicatorOfTheMonitoringHasExactlyOneRule() {
        Arrays.stream(Indicator.values()).forEach(indicator -> assertThat(evaluate(indicator.name()))
                .as(indicator.name()).hasSize(1));
    }

    @Test
    void everyRuleSaysWhy() {
        DecisionDefinition table = processEngine.getRepositoryService().createDecisionDefinitionQuery()
                .decisionDefinitionKey("finding-category").singleResult();
        DmnModelInstance model = Dmn.readModelFromStream(processEngine.getRepositoryService()
                .getResourceAsStream(table.getDeploymentId(), table.getResourceName()));
        assertThat(model.getModelElementsByType(Rule.class)).hasSize(Indicator.values().length)
                .allSatisfy(rule -> assertThat(rule.getDescription()).isNotNull()
                        .satisfies(d -> assertThat(d.getTextContent()).contains("第三十三条")));
    }

    @Test
    void anUnknownIndicatorHasNoCategory() {
        assertThat(evaluate("SECURITY")).isEmpty();
    }

    private DmnDecisionResult evaluate(String indicator) {
        return processEngine.getDecisionService().evaluateDecisionByKey("finding-category")
                .variables(Map.of("indicator", indicator))
                .evaluate();
    }
}
