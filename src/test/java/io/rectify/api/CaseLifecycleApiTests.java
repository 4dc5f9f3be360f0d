package io.rectify.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.IntegrationTest;
import io.rectify.audit.AuditEntry;
import io.rectify.audit.AuditLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Every category through open → order → respond → verify → close, through the HTTP API alone. */
class CaseLifecycleApiTests extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    PasswordEncoder passwords;

    Api office;
    /** a department with no earlier case, and its user */
    String body;
    Api respondent;

    @BeforeEach
    void signIn() {
        office = new Api(rest, "jx.office");
        body = new FreshBodies(jdbc, passwords).department("JX");
        respondent = office.as(body.toLowerCase());
    }

    @ParameterizedTest
    @ValueSource(strings = {"A33-01", "A33-02", "A33-03", "A33-04", "A33-05", "A33-06", "A33-08", "A33-09",
            "A33-10", "A34-01", "A34-02"})
    void everyCategoryGoesFromOpeningToClosing(String category) {
        // Article 34 cases target an office below; every walk of an office adds to its history
        boolean article34 = category.startsWith("A34");
        Api responder = article34 ? office.as("nc.office") : respondent;

        JsonNode opened = office.openCase(category, article34 ? "NC-GOV-OFFICE" : body);
        String caseId = opened.get("id").asText();
        assertThat(opened.get("status").asText()).isEqualTo("DETECTED");
        assertThat(opened.get("caseNumber").asText()).matches("赣府办整改〔\\d{4}〕\\d+号");
        assertThat(opened.get("openTasks")).extracting(t -> t.get("taskKey").asText()).containsExactly("issueOrder");

        JsonNode ordered = office.complete(caseId, "issueOrder", Map.of("requirements", "限期整改"));
        assertThat(ordered.get("status").asText()).isEqualTo("ORDERED");
        assertThat(ordered.get("deadline").isNull()).isFalse();

        JsonNode responded = responder.complete(caseId, "respond", ResponseValues.of(category));
        assertThat(responded.get("status").asText()).isEqualTo("RESPONDED");

        JsonNode closed = office.complete(caseId, "verify", Map.of("accepted", true));
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("outcome").asText()).isEqualTo("RECTIFIED");
        assertThat(closed.get("openTasks")).isEmpty();
        assertThat(closed.get("escalated").asBoolean()).isFalse();
    }

    @Test
    void improperInformationIsEscalatedAtOnceAndClosesAfterTheReview() {
        JsonNode opened = office.openCase("A33-07", body);
        String caseId = opened.get("id").asText();
        assertThat(opened.get("escalated").asBoolean()).isTrue();
        assertThat(opened.get("reviewStatus").asText()).isEqualTo("PENDING");

        JsonNode ordered = office.complete(caseId, "issueOrder", Map.of("requirements", "立即撤下不当信息"));
        assertThat(ordered.get("deadline").asText()).isNotEmpty();
        respondent.complete(caseId, "respond", ResponseValues.of("A33-07"));
        JsonNode accepted = office.complete(caseId, "verify", Map.of("accepted", true));
        assertThat(accepted.get("status").asText()).as("waits for the supervision review").isNotEqualTo("CLOSED");

        Api supervision = office.as("jx.supervision");
        supervision.complete(caseId, "reviewEscalation", Map.of("decision", "NO_SANCTION", "findings", "已及时整改"));
        JsonNode closed = office.get("/api/cases/" + caseId).body();
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("reviewStatus").asText()).isEqualTo("DECIDED");
    }

    @Test
    void aSiteLawfullyShutDownEndsWaived() {
        String caseId = office.openCase("A33-01", body).get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "补办备案或关停"));
        respondent.complete(caseId, "respond", Map.of("report", "网站已关停", "resolution", "SHUT_DOWN",
                "closureDate", "2026-01-05"));
        JsonNode closed = office.complete(caseId, "verify", Map.of("accepted", true));
        assertThat(closed.get("outcome").asText()).isEqualTo("WAIVED");
    }

    @Test
    void anA33_01ReportNeedsTheFilingNumberOrTheClosureDateOfItsResolution() {
        String caseId = office.openCase("A33-01", body).get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "补办备案或关停"));
        String task = respondent.taskOf(caseId, "respond");

        respondent.post("/api/tasks/" + task + "/complete", Map.of("report", "已备案", "resolution", "FILED"))
                .isInvalid("filingNumber");
        respondent.post("/api/tasks/" + task + "/complete", Map.of("report", "网站已关停", "resolution", "SHUT_DOWN"))
                .isInvalid("closureDate");
        assertThat(office.caseView(caseId).get("status").asText()).as("nothing was recorded").isEqualTo("ORDERED");

        respondent.complete(caseId, "respond", ResponseValues.of("A33-01"));
        assertThat(office.caseView(caseId).get("status").asText()).isEqualTo("RESPONDED");
    }

    @Test
    void aReportRejectedTwiceGetsANewDeadlineEachTimeAndEscalates() {
        String caseId = office.openCase("A33-10", body).get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "按规定整改"));
        respondent.complete(caseId, "respond", ResponseValues.of("A33-10"));
        JsonNode first = office.complete(caseId, "verify", Map.of("accepted", false, "comment", "证明材料不全"));
        assertThat(first.get("status").asText()).isEqualTo("ORDERED");
        assertThat(first.get("rejectionCount").asInt()).isEqualTo(1);
        assertThat(first.get("escalated").asBoolean()).isFalse();
        assertThat(first.get("openTasks")).extracting(t -> t.get("taskKey").asText()).containsExactly("respond");

        respondent.complete(caseId, "respond", ResponseValues.of("A33-10"));
        JsonNode second = office.complete(caseId, "verify", Map.of("accepted", false, "comment", "仍未整改到位"));
        assertThat(second.get("escalated").asBoolean()).isTrue();
        assertThat(second.get("escalationReason").asText()).isEqualTo("REJECTED_TWICE");
        assertThat(second.get("openTasks")).extracting(t -> t.get("taskKey").asText())
                .containsExactlyInAnyOrder("respond", "reviewEscalation");
    }

    @Test
    void theSameViolationWithinAYearOfAClosedCaseIsARepeatAndEscalatesAtOnce() {
        closedCase("A33-09");

        JsonNode again = office.openCase("A33-09", body);
        assertThat(again.get("escalated").asBoolean()).isTrue();
        assertThat(again.get("escalationReason").asText()).isEqualTo("REPEAT");
        assertThat(office.openCase("A33-02", body).get("escalated").asBoolean()).as("another category").isFalse();
    }

    @Test
    void aCaseClosedMoreThanAYearAgoMakesNoRepeat() {
        String first = closedCase("A33-09");

        closedDaysAgo(first, 366);
        assertThat(office.openCase("A33-09", body).get("escalated").asBoolean()).as("closed 366 days ago").isFalse();
        closedDaysAgo(first, 364);
        assertThat(office.openCase("A33-09", body).get("escalationReason").asText()).as("closed 364 days ago")
                .isEqualTo("REPEAT");
    }

    /** A case of the category opened against the body and taken to its end: ordered, answered, accepted. */
    private String closedCase(String category) {
        String caseId = office.openCase(category, body).get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "限期整改"));
        respondent.complete(caseId, "respond", ResponseValues.of(category));
        assertThat(office.complete(caseId, "verify", Map.of("accepted", true)).get("status").asText()).isEqualTo("CLOSED");
        return caseId;
    }

    private void closedDaysAgo(String caseId, int days) {
        jdbc.update("update rectification_case set closed_at = ? where id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(days))), caseId);
    }

    @Test
    void caseNumbersCountUpPerIssuingBodyAndYear() {
        int first = number(office.openCase("A33-02", body));
        int second = number(office.openCase("A33-03", body));
        assertThat(second).isEqualTo(first + 1);
    }

    @Test
    void everyStepOfACaseIsInItsAuditRecordWithWhoDidIt() {
        String caseId = closedCase("A33-06");

        assertThat(audit.ofCase(caseId)).extracting(AuditEntry::action, AuditEntry::actor).containsExactly(
                tuple("CASE_OPENED", "jx.office"),
                tuple("ORDER_ISSUED", "jx.office"),
                tuple("DOCUMENT_ISSUED", "jx.office"), // the order as an official document
                tuple("RESPONSE_SUBMITTED", body.toLowerCase()),
                tuple("RESPONSE_ACCEPTED", "jx.office"),
                tuple("DOCUMENT_ISSUED", "jx.office"), // the verification opinion
                tuple("CASE_CLOSED", "system"));
    }

    private static int number(JsonNode view) {
        String caseNumber = view.get("caseNumber").asText();
        return Integer.parseInt(caseNumber.substring(caseNumber.indexOf('〕') + 1, caseNumber.indexOf('号')));
    }
}
