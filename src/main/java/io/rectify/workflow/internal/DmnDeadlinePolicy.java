package io.rectify.workflow.internal;

import io.rectify.category.DeadlinePolicy;
import io.rectify.workflow.CaseProcess;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Default periods come from the deadline-policy decision table, editable without code. */
@Component
class DmnDeadlinePolicy implements DeadlinePolicy {

    private final DecisionService decisions;

    DmnDeadlinePolicy(DecisionService decisions) {
        this.decisions = decisions;
    }

    @Override
    public int defaultPeriodWorkingDays(String categoryCode) {
        DmnDecisionRuleResult result = decisions.evaluateDecisionTableByKey(CaseProcess.DECISION_DEADLINE_POLICY)
                .variables(Variables.putValue(CaseProcess.VAR_CATEGORY, categoryCode))
                .evaluate()
                .getSingleResult();
        if (result == null) {
            throw new IllegalArgumentException("the deadline policy has no period for " + categoryCode);
        }
        return ((Number) result.getSingleEntry()).intValue();
    }
}
