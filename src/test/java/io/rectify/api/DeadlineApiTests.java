package io.rectify.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.audit.AuditEntry;
import io.rectify.audit.AuditLog;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deadlines in working days, driven by the clock control of API.md with the job executor on:
 * the reminder, the overdue order that escalates, the supervision review with sanctions, the
 * extension that moves the deadline and its timers.
 */
class DeadlineApiTests extends FreshDepartmentOnTheDemoClock {

    /** Friday 18 September 2026; Sunday the 20th is a 调休 working day, the National Day week follows. */
    static final String FRIDAY_BEFORE_ADJUSTED_SUNDAY = "2026-09-18T10:00:00+08:00";

    @Autowired
    AuditLog audit;

    @Override
    String startsAt() {
        return FRIDAY_BEFORE_ADJUSTED_SUNDAY;
    }

    @Test
    void theDeadlineCountsTheAdjustedSundayAsAWorkingDay() {
        String caseId = office.openCase("A33-04", body).get("id").asText();
        JsonNode ordered = office.complete(caseId, "issueOrder", Map.of("requirements", "发布预算信息"));
        // five working days after Friday 18 Sep: Sun 20 (调休), Mon 21 … Thu 24
        assertThat(ordered.get("deadline").asText()).isEqualTo("2026-09-24");
        assertThat(respondent.get("/api/tasks").body())
                .anySatisfy(task -> assertThat(task.get("due").asText()).isEqualTo("2026-09-25T00:00:00+08:00"));
    }

    @Test
    void overdueOrderIsRemindedThenEscalatedAndTheSupervisionRecordsSanctions() {
        String caseId = office.openCase("A33-03", body).get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "公开应公开的信息", "periodWorkingDays", 3));
        // three working days: Sun 20 (调休), Mon 21, Tue 22

        setClock("2026-09-22T09:30:00+08:00");
        // the reminder timer and the delivery its notification makes due: run here, or by the job executor,
        // which also watches the clock (so how many run-due itself executed is not the point)
        runDueJobs();
        assertThat(actions(caseId)).contains("REMINDER_SENT").doesNotContain("ORDER_OVERDUE");
        awaitDelivered(caseId, "REMINDER to org:" + body + " via in_app");

        setClock("2026-09-23T00:00:01+08:00");
        runDueJobs();
        awaitDelivered(caseId, "REMINDER to org:" + body + " via in_app", "ESCALATED to org:JX-SUPERVISION via in_app");
        JsonNode overdue = office.get("/api/cases/" + caseId).body();
        assertThat(overdue.get("overdue").asBoolean()).isTrue();
        assertThat(overdue.get("escalated").asBoolean()).isTrue();
        assertThat(overdue.get("escalationReason").asText()).isEqualTo("OVERDUE");
        assertThat(overdue.get("reviewStatus").asText()).isEqualTo("PENDING");
        assertThat(overdue.get("openTasks")).extracting(t -> t.get("taskKey").asText())
                .containsExactlyInAnyOrder("respond", "reviewEscalation");

        // Ganzhou has no supervision commission of its own in the demo: the province's reviews
        Api supervision = office.as("jx.supervision");
        supervision.complete(caseId, "reviewEscalation", Map.of("decision", "SANCTION", "findings", "逾期未整改"));
        supervision.complete(caseId, "recordSanctions", Map.of("sanctions", List.of(
                Map.of("personName", "张三", "post", "局长", "orgCode", body, "responsibility", "LEADER",
                        "type", "WARNING", "decisionNumber", "赣监〔2026〕1号", "decisionDate", "2026-09-23"),
                Map.of("personName", "李四", "post", "网站管理员", "orgCode", body, "responsibility", "STAFF",
                        "type", "DEMERIT", "decisionNumber", "赣监〔2026〕2号", "decisionDate", "2026-09-23"))));

        JsonNode seenBySupervision = supervision.get("/api/cases/" + caseId).body();
        assertThat(seenBySupervision.get("reviewStatus").asText()).isEqualTo("DECIDED");
        assertThat(seenBySupervision.get("sanctions")).extracting(s -> s.get("periodEnds").asText())
                .containsExactlyInAnyOrder("2027-03-23", "2027-09-23");
        assertThat(office.get("/api/cases/" + caseId).body().get("sanctions")).isEmpty();
        assertThat(supervision.get("/api/sanctions?personName=张三").body())
                .singleElement().satisfies(s -> assertThat(s.get("caseId").asText()).isEqualTo(caseId));
        assertThat(actions(caseId)).contains("SANCTIONS_READ");

        // a sanction never replaces the duty to rectify: the order is still open, and closes the case
        respondent.complete(caseId, "respond", ResponseValues.of("A33-03"));
        JsonNode closed = office.complete(caseId, "verify", Map.of("accepted", true));
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("outcome").asText()).isEqualTo("RECTIFIED");
    }

    @Test
    void grantedExtensionMovesTheDeadlineAndItsTimer() {
        String caseId = office.openCase("A33-05", body).get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "恢复在线服务", "periodWorkingDays", 3));
        Api.Response asked = respondent.post("/api/cases/" + caseId + "/extension-request",
                Map.of("reason", "需采购服务器", "days", 2));
        assertThat(asked.status()).as(asked.text()).isEqualTo(200);

        JsonNode extended = office.complete(caseId, "decideExtension", Map.of("granted", true));
        // Tue 22 plus two working days: Wed 23, Thu 24
        assertThat(extended.get("deadline").asText()).isEqualTo("2026-09-24");

        setClock("2026-09-23T00:00:01+08:00");
        runDueJobs();
        JsonNode stillInTime = office.get("/api/cases/" + caseId).body();
        assertThat(stillInTime.get("overdue").asBoolean()).isFalse();
        assertThat(stillInTime.get("escalated").asBoolean()).isFalse();

        setClock("2026-09-25T00:00:01+08:00");
        runDueJobs();
        assertThat(office.get("/api/cases/" + caseId).body().get("escalated").asBoolean()).isTrue();
    }

    @Test
    void refusedExtensionKeepsTheDeadline() {
        String caseId = office.openCase("A33-08", body).get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "停止收费并退费", "periodWorkingDays", 3));
        respondent.post("/api/cases/" + caseId + "/extension-request", Map.of("reason", "退费需时间", "days", 5));
        JsonNode refused = office.complete(caseId, "decideExtension", Map.of("granted", false, "comment", "期限足够"));
        assertThat(refused.get("deadline").asText()).isEqualTo("2026-09-22");
        assertThat(refused.get("extensionUsed").asBoolean()).isTrue();
    }

    private int runDueJobs() {
        Api.Response r = admin.post("/api/admin/jobs/run-due", null);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body().get("executed").asInt();
    }

    /** Waits for the case's notifications that left the outbox to be these, oldest first (a job may still be delivering). */
    private void awaitDelivered(String caseId, String... notifications) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(deliveredNotifications(caseId)).containsExactly(notifications));
    }

    /** The case's reminders and escalations that left the outbox, oldest first (its other notices aside). */
    private List<String> deliveredNotifications(String caseId) {
        return jdbc.queryForList("select kind, recipients, delivered_via from notification "
                        + "where case_id = ? and sent_at is not null and kind in ('REMINDER', 'ESCALATED') order by id",
                        caseId).stream()
                .map(n -> n.get("kind") + " to " + n.get("recipients") + " via " + n.get("delivered_via")).toList();
    }

    private List<String> actions(String caseId) {
        return audit.ofCase(caseId).stream().map(AuditEntry::action).toList();
    }
}
