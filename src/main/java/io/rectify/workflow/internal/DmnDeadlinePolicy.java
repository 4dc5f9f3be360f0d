package io.rectify.workflow.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

import io.rectify.category.DeadlinePolicy;
import io.rectify.process.CaseVariables;
import io.rectify.workflow.CaseProcess;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Default periods come from the deadline-policy decision table, editable without code. The
 * latest deployed version of the table is evaluated on a DMN engine of its own: looking a period
 * up (for the category list or for an order, which records the period it used) writes no
 * decision history, so it also works inside read-only transactions.
 * <p>
 * The table is the latest version when the node first asks for a period, after it deployed its
 * own models at startup, as {@link ProcessStarter} does for the case process: only a node's
 * startup deploys, so the version stays this node's own until it restarts. Looking the latest
 * version up at every order was a query of its own and 3% of a lifecycle's time.
 */
@Component
class DmnDeadlinePolicy implements DeadlinePolicy {

    private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final Supplier<DmnDecision> table;

    DmnDeadlinePolicy(RepositoryService repository) {
        this.table = SingletonSupplier.of(() -> latestTable(repository));
    }

    @Override
    public int defaultPeriodWorkingDays(String categoryCode) {
        DmnDecisionTableResult result = dmn.evaluateDecisionTable(table.get(),
                Variables.putValue(CaseVariables.CATEGORY.name(), categoryCode));
        if (result.getSingleResult() == null) {
            throw new IllegalArgumentException("the deadline policy has no period for " + categoryCode);
        }
        return ((Number) result.getSingleEntry()).intValue();
    }

    private DmnDecision latestTable(RepositoryService repository) {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(CaseProcess.DECISION_DEADLINE_POLICY).latestVersion().singleResult();
        try (InputStream model = repository.getResourceAsStream(latest.getDeploymentId(), latest.getResourceName())) {
            return dmn.parseDecision(latest.getKey(), model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the deployed " + latest.getResourceName(), e);
        }
    }
}
