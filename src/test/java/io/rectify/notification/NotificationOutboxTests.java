package io.rectify.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import io.rectify.IntegrationTest;
import io.rectify.api.Api;
import io.rectify.api.FreshBodies;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox: a notification and its delivery job are written together or not at all, the job
 * executor delivers each once after the commit, and a second delivery of the same message sends nothing.
 */
class NotificationOutboxTests extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    Notifications notifications;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    HistoryService history;

    @Autowired
    RuntimeService runtime;

    String caseId;

    @BeforeEach
    void aCase() {
        String body = new FreshBodies(jdbc, passwords).department("NC");
        caseId = new Api(rest, "nc.office").openCase("A33-04", body).get("id").asText();
    }

    @Test
    void writtenNotificationIsDeliveredOnceByTheJobExecutorAfterItsTransactionCommits() {
        String key = "TEST:" + caseId;
        boolean written = inTransaction(() -> notifications.send(caseId, "REMINDER", "org:NC-EDU, org:JX-EDU", key));

        assertThat(written).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject("select count(*) from notification where dedup_key = ? "
                        + "and sent_at is not null and delivered_via = 'in_app'", Integer.class, key) == 1);
        assertThat(jdbc.queryForList("select d.recipient from notification_delivery d join notification n "
                        + "on n.id = d.notification_id where n.dedup_key = ? and d.channel = 'IN_APP' and d.status = 'SENT'",
                String.class, key)).as("each user of the two bodies, in their centre")
                .contains("user:nc.edu", "user:jx.edu");
        assertThat(deliveryJobLog(key)).as("the delivery job: created, then run once")
                .containsExactly("created", "successful");
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_PROCINST where BUSINESS_KEY_ = ?", Integer.class,
                "notification-" + id(key))).as("no delivery process any more").isZero();

        long id = jdbc.queryForObject("select id from notification where dedup_key = ?", Long.class, key);
        assertThat(notifications.fanOut(id)).as("a second fan-out of a sent message").isEmpty();
    }

    @Test
    void theSameMessageIsWrittenOnceAndDeliveredOnce() {
        String key = "TWICE:" + caseId;
        assertThat(inTransaction(() -> notifications.send(caseId, "REMINDER", "org:NC-EDU", key))).isTrue();
        assertThat(inTransaction(() -> notifications.send(caseId, "REMINDER", "org:NC-EDU", key))).isFalse();

        assertThat(jdbc.queryForObject("select count(*) from notification where dedup_key = ?", Integer.class, key))
                .isEqualTo(1);
        assertThat(deliveryJobLog(key)).as("one delivery job").startsWith("created").containsOnlyOnce("created");
    }

    @Test
    void aRolledBackDecisionLeavesNeitherMessageNorDelivery() {
        String key = "ROLLED-BACK:" + caseId;
        assertThatThrownBy(() -> inTransaction(() -> {
            notifications.send(caseId, "ESCALATED", "org:JX-SUPERVISION", key);
            throw new IllegalStateException("the deciding transaction fails after writing its message");
        })).hasMessageContaining("deciding transaction fails");

        assertThat(jdbc.queryForObject("select count(*) from notification where dedup_key = ?", Integer.class, key))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from ACT_RU_JOB where ID_ like 'notification-%' "
                + "and ID_ not in (select 'notification-' || id from notification)", Integer.class))
                .as("delivery jobs without their message").isZero();
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_JOB_LOG where JOB_ID_ like 'notification-%' "
                + "and JOB_ID_ not in (select 'notification-' || id from notification)", Integer.class))
                .as("delivery jobs ever created without their message").isZero();
    }

    @Test
    void aDeliveryProcessAnEarlierReleaseStartedStillDelivers() {
        // as an earlier release left it at the upgrade: the message, and its delivery process instead of a job
        String key = "BEFORE-UPGRADE:" + caseId;
        jdbc.update("insert into notification (case_id, kind, recipients, created_at, dedup_key) "
                + "values (?, 'REMINDER', 'org:NC-EDU', current_timestamp, ?)", caseId, key);
        runtime.createProcessInstanceByKey("notificationDelivery").businessKey("notification-" + id(key))
                .setVariable("notificationId", id(key)).execute();

        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject("select count(*) from notification where dedup_key = ? "
                        + "and sent_at is not null", Integer.class, key) == 1);
        assertThat(deliveryJobLog(key)).as("no delivery job of its own").isEmpty();
    }

    @Test
    void aMessageIsOnlyWrittenInsideTheDecidingTransaction() {
        assertThatThrownBy(() -> notifications.send(caseId, "REMINDER", "org:NC-EDU", "NO-TX:" + caseId))
                .hasMessageContaining("transaction");
    }

    private long id(String key) {
        return jdbc.queryForObject("select id from notification where dedup_key = ?", Long.class, key);
    }

    /** What the engine's job log holds of the message's delivery job, in order. */
    private List<String> deliveryJobLog(String key) {
        return history.createHistoricJobLogQuery().jobId("notification-" + id(key)).orderPartiallyByOccurrence().asc()
                .list().stream()
                .map(log -> log.isCreationLog() ? "created" : log.isFailureLog() ? "failed"
                        : log.isSuccessLog() ? "successful" : "deleted")
                .toList();
    }

    private <T> T inTransaction(Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(status -> work.get());
    }
}
