package io.rectify.workflow;

import static org.assertj.core.api.Assertions.assertThat;


import io.rectify.IntegrationTest;
import io.rectify.api.Api;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.entitymanager.DbEntityManager;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultFailedJobCommandFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The engine settings the brief fixes (no expressions in ad-hoc queries, no Java serialization of
 * variables), and the engine's own classes where the product once replaced them.
 */
class EngineSettingsTests extends IntegrationTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    TestRestTemplate rest;

    @Test
    void expressionsInQueriesAndJavaSerializationAreOff() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.isEnableExpressionsInAdhocQueries()).isFalse();
        assertThat(configuration.isEnableExpressionsInStoredQueries()).isFalse();
        assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
        assertThat(configuration.getHistoryLevel().getName()).isEqualTo("full");
        // history is removable by its instance's end time, so no removal time is rewritten when a case closes
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("endTimeBased");
        assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("none");
    }

    @Test
    void decisionsAreEvaluatedByTheEnginesOwnFeelEngine() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getDmnEngineConfiguration().getFeelEngine().getClass()).isEqualTo(ScalaFeelEngine.class);
    }

    @Test
    void everyCommandUsesTheEnginesOwnEntityManager() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        Class<?> used = configuration.getCommandExecutorTxRequired()
                .execute(context -> context.getDbEntityManager().getClass());
        assertThat(used).isEqualTo(DbEntityManager.class);
    }

    @Test
    void aFailedJobIsHandledByTheEnginesOwnCommandWhateverItsKind() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        // a notification's delivery job included: its retries are the engine's (NotificationDeliveryRetryTests)
        assertThat(configuration.getFailedJobCommandFactory().getClass()).isEqualTo(DefaultFailedJobCommandFactory.class);
    }

    @Test
    void noEngineEventIsPublishedToTheApplicationContext() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        // the Spring eventing bridge adds a history handler and parse listeners; nothing here listens to it
        assertThat(configuration.getCustomHistoryEventHandlers()).noneMatch(handler ->
                handler.getClass().getSimpleName().equals("PublishHistoryEventHandler"));
        assertThat(configuration.getCustomPreBPMNParseListeners()).noneMatch(listener ->
                listener.getClass().getSimpleName().equals("PublishDelegateParseListener"));
        assertThat(configuration.getCustomPostBPMNParseListeners()).noneMatch(listener ->
                listener.getClass().getSimpleName().equals("PublishDelegateParseListener"));
    }

    @Test
    void aCaseProcessStoresNoSerializedJavaObjects() {
        String caseId = new Api(rest, "jx.office").openCase("A33-07", "JX-HEALTH").get("id").asText();
        HistoryService history = engine.getHistoryService();
        var variables = history.createHistoricVariableInstanceQuery().disableCustomObjectDeserialization().list().stream()
                .filter(v -> caseId.equals(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(v.getProcessInstanceId()).singleResult().getBusinessKey()))
                .toList();
        assertThat(variables).isNotEmpty();
        assertThat(variables).extracting(HistoricVariableInstance::getTypeName)
                .allMatch(type -> !type.equals("object") && !type.equals("serializable"), "primitive types only");
        assertThat(variables).extracting(HistoricVariableInstance::getName).contains("caseId", "categoryCode", "escalated");
    }
}
