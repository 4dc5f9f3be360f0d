package io.rectify.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Supplier;

import io.rectify.IntegrationTest;
import io.rectify.api.Api;
import io.rectify.api.FreshBodies;
import org.awaitility.Awaitility;
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
                        + "and sent_at is not null and delivered_via = 'log'", Integer.class, key) == 1);
        assertThat(deliveryProcesses(key)).isEqualTo(1);

        long id = jdbc.queryForObject("select id from notification where dedup_key = ?", Long.class, key);
        assertThat(notifications.deliver(id)).as("a second delivery of a sent message").isFalse();
    }

    @Test
    void theSameMessageIsWrittenOnceAndDeliveredOnce() {
        String key = "TWICE:" + caseId;
        assertThat(inTransaction(() -> notifications.send(caseId, "REMINDER", "org:NC-EDU", key))).isTrue();
        assertThat(inTransaction(() -> notifications.send(caseId, "REMINDER", "org:NC-EDU", key))).isFalse();

        assertThat(jdbc.queryForObject("select count(*) from notification where dedup_key = ?", Integer.class, key))
                .isEqualTo(1);
        assertThat(deliveryProcesses(key)).isEqualTo(1);
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
        assertThat(jdbc.queryForObject("select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'notificationDelivery' "
                + "and BUSINESS_KEY_ not in (select 'notification-' || id from notification)", Integer.class))
                .as("delivery processes without their message").isZero();
    }

    @Test
    void aMessageIsOnlyWrittenInsideTheDecidingTransaction() {
        assertThatThrownBy(() -> notifications.send(caseId, "REMINDER", "org:NC-EDU", "NO-TX:" + caseId))
                .hasMessageContaining("transaction");
    }

    private int deliveryProcesses(String key) {
        long id = jdbc.queryForObject("select id from notification where dedup_key = ?", Long.class, key);
        return jdbc.queryForObject("select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = 'notificationDelivery' "
                + "and BUSINESS_KEY_ = ?", Integer.class, "notification-" + id);
    }

    private <T> T inTransaction(Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(status -> work.get());
    }
}
