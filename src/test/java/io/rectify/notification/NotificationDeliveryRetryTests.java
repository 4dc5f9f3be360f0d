package io.rectify.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.IntegrationTest;
import io.rectify.api.Api;
import io.rectify.api.FreshBodies;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A delivery the receiver refuses: its job is tried six times, ten minutes apart, then waits as an
 * incident on the administrator's list with the notification's case, and the administrator's retry
 * delivers it once the receiver takes the message. The same for a delivery process an earlier
 * release left behind.
 */
class NotificationDeliveryRetryTests extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder passwords;
    @Autowired Notifications notifications;
    @Autowired RefusableChannel receiver;
    @Autowired PlatformTransactionManager transactions;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;

    Api office;
    String body;
    JsonNode opened;
    String caseId;

    @BeforeEach
    void aCaseOfANewBody() {
        body = new FreshBodies(jdbc, passwords).department("NC");
        office = new Api(rest, "nc.office");
        opened = office.openCase("A33-04", body);
        caseId = opened.get("id").asText();
    }

    @Test
    void aRefusedDeliveryIsRetriedOnItsCycleThenWaitsForTheAdministrator() {
        String key = "REFUSED:" + caseId;
        receiver.refuse(key);
        new TransactionTemplate(transactions).executeWithoutResult(
                tx -> notifications.send(caseId, "REMINDER", "org:" + body, key));
        long id = jdbc.queryForObject("select id from notification where dedup_key = ?", Long.class, key);
        String jobId = "notification-" + id + "-delivery-" + testDelivery(key);

        // the job executor's first attempt, at once after the commit: refused, the next one in 10 minutes
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> job(jobId).getExceptionMessage() != null);
        Job afterFirst = job(jobId);
        assertThat(afterFirst.getRetries()).as("attempts left of six").isEqualTo(5);
        assertThat(afterFirst.getExceptionMessage()).contains("refused notification " + id);
        assertThat(Duration.between(Instant.now(), afterFirst.getDuedate().toInstant()))
                .isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10));

        // the five attempts left, run now rather than ten minutes apart
        for (int left = 4; left >= 0; left--) {
            assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("refused notification " + id);
            assertThat(job(jobId).getRetries()).isEqualTo(left);
        }
        assertThat(history.createHistoricJobLogQuery().jobId(jobId).failureLog().count()).isEqualTo(6);
        assertThat(runtime.createIncidentQuery().configuration(jobId).singleResult())
                .as("the incident of the exhausted job").isNotNull();
        assertThat(unsent(key)).isTrue();

        Api admin = office.as("admin");
        JsonNode failure = listedFailure(admin, jobId);
        assertThat(failure).as("the failed delivery on the administrator's list").isNotNull();
        assertThat(failure.get("caseId").asText()).isEqualTo(caseId);
        assertThat(failure.get("caseNumber").asText()).isEqualTo(opened.get("caseNumber").asText());
        assertThat(failure.get("activityId").asText()).isEqualTo(jobId);
        assertThat(failure.get("retryable").asBoolean()).isTrue();

        receiver.accept(key);
        assertThat(admin.post("/api/admin/jobs/" + jobId + "/retry", null).status()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !unsent(key));
        assertThat(management.createJobQuery().jobId(jobId).count()).as("the delivered job is gone").isZero();
        assertThat(runtime.createIncidentQuery().configuration(jobId).count()).as("its incident resolved").isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'JOB_RETRIED' and case_id = ?",
                Integer.class, caseId)).as("the administrator's retry, audited with the case").isEqualTo(1);
    }

    @Test
    void aFailedDeliveryProcessOfAnEarlierReleaseIsListedWithItsCase() {
        String key = "REFUSED-BEFORE-UPGRADE:" + caseId;
        receiver.refuse(key);
        // as an earlier release left it at the upgrade: the message, and its delivery process instead of a job
        jdbc.update("insert into notification (case_id, kind, recipients, created_at, dedup_key) "
                + "values (?, 'REMINDER', ?, current_timestamp, ?)", caseId, "org:" + body, key);
        long id = jdbc.queryForObject("select id from notification where dedup_key = ?", Long.class, key);
        String process = runtime.createProcessInstanceByKey("notificationDelivery").businessKey("notification-" + id)
                .setVariable("notificationId", id).execute().getId();

        // the process fans the message out and ends; the delivery that the receiver refuses is a job of its own
        String jobId = "notification-" + id + "-delivery-" + testDelivery(key);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> job(jobId).getExceptionMessage() != null);
        for (int left = 4; left >= 0; left--) {
            assertThatThrownBy(() -> management.executeJob(jobId)).hasMessageContaining("refused notification " + id);
        }
        assertThat(job(jobId).getRetries()).isZero();

        Api admin = office.as("admin");
        JsonNode failure = listedFailure(admin, jobId);
        assertThat(failure).as("the failed delivery on the administrator's list").isNotNull();
        assertThat(failure.get("caseId").asText()).as("the notification's case").isEqualTo(caseId);
        assertThat(failure.get("caseNumber").asText()).isEqualTo(opened.get("caseNumber").asText());

        receiver.accept(key);
        assertThat(admin.post("/api/admin/jobs/" + jobId + "/retry", null).status()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !unsent(key));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(process).count()).as("the process ended").isZero();
    }

    /** The administrator's list entry of the failed job, or null. */
    private static JsonNode listedFailure(Api admin, String jobId) {
        for (JsonNode listed : admin.get("/api/admin/incidents").body()) {
            if (jobId.equals(listed.path("jobId").asText())) {
                return listed;
            }
        }
        return null;
    }

    /** The delivery of the message on the test's channel, once the message was fanned out. */
    private long testDelivery(String key) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject("select count(*) "
                + "from notification_delivery d join notification n on n.id = d.notification_id "
                + "where n.dedup_key = ? and d.channel = 'TEST'", Integer.class, key) == 1);
        return jdbc.queryForObject("select d.id from notification_delivery d join notification n "
                + "on n.id = d.notification_id where n.dedup_key = ? and d.channel = 'TEST'", Long.class, key);
    }

    private Job job(String jobId) {
        return management.createJobQuery().jobId(jobId).singleResult();
    }

    private boolean unsent(String key) {
        return jdbc.queryForObject("select count(*) from notification_delivery d join notification n "
                + "on n.id = d.notification_id where n.dedup_key = ? and d.channel = 'TEST' and d.status = 'PENDING'",
                Integer.class, key) == 1;
    }
}
