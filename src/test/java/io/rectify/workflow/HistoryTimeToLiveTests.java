package io.rectify.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.IntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine's history lives at least as long as the audit record must: 180 days. */
class HistoryTimeToLiveTests extends IntegrationTest {

    static final int AUDIT_RETENTION_DAYS = 180;

    @Autowired
    RepositoryService repository;

    @Test
    void everyDeployedProcessAndDecisionKeepsItsHistoryForAtLeast180Days() {
        var processes = repository.createProcessDefinitionQuery().list();
        var decisions = repository.createDecisionDefinitionQuery().list();
        assertThat(processes).extracting(ProcessDefinition::getKey).contains("rectification", "supervisionReview");
        assertThat(decisions).extracting(DecisionDefinition::getKey).contains("seriousness", "deadline-policy");
        assertThat(processes).allSatisfy(p -> assertThat(p.getHistoryTimeToLive()).as(p.getKey())
                .isNotNull().isGreaterThanOrEqualTo(AUDIT_RETENTION_DAYS));
        assertThat(decisions).allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey())
                .isNotNull().isGreaterThanOrEqualTo(AUDIT_RETENTION_DAYS));
    }
}
