package io.rectify.workflow.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.rectify.category.DeadlinePolicy;
import io.rectify.workflow.CaseProcess;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Default periods come from the deadline-policy decision table, editable without code. The
 * latest deployed version of the table is evaluated on a DMN engine of its own: looking a period
 * up (for the category list or for an order, which records the period it used) writes no
 * decision history, so it also works inside read-only transactions.
 */
@Component
class DmnDeadlinePolicy implements DeadlinePolicy {

    private final RepositoryService repository;
    private final DmnEngine dmn = engine();
    /** parsed tables by decision definition id: a redeployed table gets a new id */
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

    DmnDeadlinePolicy(RepositoryService repository) {
        this.repository = repository;
    }

    private static DmnEngine engine() {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        ParsedOnceFeelEngine.useFor(configuration);
        return configuration.buildEngine();
    }

    @Override
    public int defaultPeriodWorkingDays(String categoryCode) {
        DmnDecisionTableResult result = dmn.evaluateDecisionTable(latestTable(),
                Variables.putValue(CaseProcess.VAR_CATEGORY, categoryCode));
        if (result.getSingleResult() == null) {
            throw new IllegalArgumentException("the deadline policy has no period for " + categoryCode);
        }
        return ((Number) result.getSingleEntry()).intValue();
    }

    private DmnDecision latestTable() {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(CaseProcess.DECISION_DEADLINE_POLICY).latestVersion().singleResult();
        return parsed.computeIfAbsent(latest.getId(), id -> {
            try (InputStream model = repository.getResourceAsStream(latest.getDeploymentId(), latest.getResourceName())) {
                return dmn.parseDecision(latest.getKey(), model);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the deployed " + latest.getResourceName(), e);
            }
        });
    }
}
