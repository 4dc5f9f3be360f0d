package io.rectify.workflow.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

import io.rectify.finding.FindingCategories;
import io.rectify.monitoring.Indicator;
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
 * The category of a finding from the decision table {@code bpmn/finding-category.dmn}, as
 * {@link DmnDeadlinePolicy} reads the default periods: the latest deployed version, parsed once per
 * node after its startup deployed, evaluated on a DMN engine of its own, so that a failed check (in
 * the monitoring's transaction) writes no decision history.
 */
@Component
class DmnFindingCategories implements FindingCategories {

    static final String INDICATOR = "indicator";

    private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final Supplier<DmnDecision> table;

    DmnFindingCategories(RepositoryService repository) {
        this.table = SingletonSupplier.of(() -> latestTable(repository));
    }

    @Override
    public String categoryOf(Indicator indicator) {
        DmnDecisionTableResult result = dmn.evaluateDecisionTable(table.get(),
                Variables.putValue(INDICATOR, indicator.name()));
        if (result.getSingleResult() == null) {
            throw new IllegalStateException("the finding-category table has no rule for " + indicator);
        }
        return result.getSingleEntry();
    }

    private DmnDecision latestTable(RepositoryService repository) {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery()
                .decisionDefinitionKey(CaseProcess.DECISION_FINDING_CATEGORY).latestVersion().singleResult();
        try (InputStream model = repository.getResourceAsStream(latest.getDeploymentId(), latest.getResourceName())) {
            return dmn.parseDecision(latest.getKey(), model);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the deployed " + latest.getResourceName(), e);
        }
    }
}
