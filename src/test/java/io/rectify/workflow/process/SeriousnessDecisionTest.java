package io.rectify.workflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The decision {@code seriousness} (情节严重认定): DOMAIN.md's default seriousness rules, any one
 * is enough, and a case is escalated only once.
 */
@ExtendWith(ProcessEngineExtension.class)
@Deployment(resources = "bpmn/seriousness.dmn")
class SeriousnessDecisionTest {

    ProcessEngine processEngine;

    private Map<String, Object> facts;

    @BeforeEach
    void anOrdinaryCase() {
        facts = new HashMap<>();
        facts.put("categoryCode", "A33-04");
        facts.put("overdue", false);
        facts.put("rejectionCount", 0);
        facts.put("repeatViolation", false);
        facts.put("flaggedSerious", false);
        facts.put("escalated", false);
    }

    @Test
    void ordinaryCaseIsNotSerious() {
        assertNotEscalated("NOT_SERIOUS");
    }

    @Test
    void categoryA33_07IsSerious() {
        facts.put("categoryCode", "A33-07");
        assertEscalated("CATEGORY");
    }

    @Test
    void overdueOrderIsSerious() {
        facts.put("overdue", true);
        assertEscalated("OVERDUE");
    }

    @Test
    void oneRejectionIsNotSerious() {
        facts.put("rejectionCount", 1);
        assertNotEscalated("NOT_SERIOUS");
    }

    @Test
    void secondRejectionIsSerious() {
        facts.put("rejectionCount", 2);
        assertEscalated("REJECTED_TWICE");
    }

    @Test
    void furtherRejectionsStaySerious() {
        facts.put("rejectionCount", 3);
        assertEscalated("REJECTED_TWICE");
    }

    @Test
    void repeatViolationIsSerious() {
        facts.put("repeatViolation", true);
        assertEscalated("REPEAT");
    }

    @Test
    void supervisorFlagIsSerious() {
        facts.put("flaggedSerious", true);
        assertEscalated("FLAGGED");
    }

    @Test
    void alreadyEscalatedCaseIsNotEscalatedAgainWhateverElseHolds() {
        facts.put("escalated", true);
        facts.put("categoryCode", "A33-07");
        facts.put("overdue", true);
        facts.put("rejectionCount", 2);
        facts.put("repeatViolation", true);
        facts.put("flaggedSerious", true);
        assertNotEscalated("ALREADY_ESCALATED");
    }

    @Test
    void firstMatchingRuleGivesTheReason() {
        facts.put("overdue", true);
        facts.put("flaggedSerious", true);
        assertEscalated("OVERDUE");
    }

    private void assertEscalated(String reason) {
        assertThat(evaluate()).containsEntry("escalate", true).containsEntry("reason", reason);
    }

    private void assertNotEscalated(String reason) {
        assertThat(evaluate()).containsEntry("escalate", false).containsEntry("reason", reason);
    }

    private DmnDecisionResultEntries evaluate() {
        return processEngine.getDecisionService().evaluateDecisionByKey("seriousness").variables(facts).evaluate().getSingleResult();
    }
}
