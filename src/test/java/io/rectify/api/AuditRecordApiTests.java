package io.rectify.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.IntegrationTest;
import io.rectify.audit.AuditEntry;
import io.rectify.audit.AuditLog;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The full record and its verification: the audit administrator alone, every read audited. */
class AuditRecordApiTests extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    AuditLog audit;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void theAuditAdministratorVerifiesTheChainAndTheVerificationIsAudited() {
        Api auditor = new Api(rest, "auditor");
        JsonNode verification = auditor.get("/api/audit/verification").body();
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();
        assertThat(verification.get("checked").asLong()).isPositive();
        assertThat(verification.get("firstBroken").isNull()).isTrue();
        assertThat(audit.ofAction("AUDIT_VERIFIED")).extracting(AuditEntry::actor).contains("auditor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "security", "jx.office", "jx.edu", "jx.supervision"})
    void nobodyElseReadsTheFullRecord(String user) {
        Api other = new Api(rest, user);
        other.get("/api/audit/verification").isProblem(403);
        other.get("/api/audit").isProblem(403);
        other.get("/api/audit?caseId=x").isProblem(403);
    }

    @Test
    void theRecordIsFilteredAndPagedNewestFirstAndEveryReadIsAudited() {
        Api office = new Api(rest, "jx.office");
        String body = new FreshBodies(jdbc, passwords).department("JX");
        String caseId = office.openCase("A33-02", body).get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "限期整改"));

        Api auditor = new Api(rest, "auditor");
        List<String> actions = new ArrayList<>();
        List<Long> sequences = new ArrayList<>();
        String after = "";
        for (int page = 0; page < 5; page++) {
            JsonNode found = auditor.get("/api/audit?caseId=" + caseId + "&size=1" + after).body();
            found.get("entries").forEach(e -> {
                actions.add(e.get("action").asText());
                sequences.add(e.get("sequence").asLong());
                assertThat(e.get("hash").asText()).hasSize(64);
            });
            if (found.get("next").isNull()) {
                break;
            }
            after = "&after=" + found.get("next").asLong();
        }
        // the order is issued as a document too, in the same step
        assertThat(actions).containsExactly("DOCUMENT_ISSUED", "ORDER_ISSUED", "CASE_OPENED");
        assertThat(sequences.get(0)).isGreaterThan(sequences.get(1));

        JsonNode byActor = auditor.get("/api/audit?actor=jx.office&action=CASE_OPENED&from=2000-01-01&to=2999-12-31").body();
        assertThat(byActor.get("entries")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.get("action").asText()).isEqualTo("CASE_OPENED"));
        assertThat(auditor.get("/api/audit?from=2999-01-01").body().get("entries")).isEmpty();

        assertThat(audit.ofAction("AUDIT_READ")).extracting(AuditEntry::actor, AuditEntry::detail)
                .anySatisfy(read -> assertThat(read.toList()).containsExactly("auditor",
                        "audit search caseId=" + caseId + ": 1 entry"));
    }

    @Test
    void aFilterThatCannotBeReadIsA400NamingTheField() {
        Api auditor = new Api(rest, "auditor");
        auditor.get("/api/audit?from=yesterday").isInvalid("from");
        auditor.get("/api/audit?to=2026-13-01").isInvalid("to");
        auditor.get("/api/audit?size=0").isInvalid("size");
        auditor.get("/api/audit?size=many").isInvalid("size");
        auditor.get("/api/audit?after=-3").isInvalid("after");
    }

    @Test
    void movingTheClockIsAudited() {
        Api admin = new Api(rest, "admin");
        assertThat(admin.post("/api/admin/clock", Map.of("now", "2026-09-18T10:00:00+08:00")).status()).isEqualTo(200);
        assertThat(admin.post("/api/admin/jobs/run-due", null).status()).isEqualTo(200);
        assertThat(admin.delete("/api/admin/clock").status()).isEqualTo(200);
        assertThat(audit.ofAction("CLOCK_SET")).extracting(AuditEntry::actor, AuditEntry::detail)
                .anySatisfy(e -> assertThat(e.toList()).containsExactly("admin", "clock set to 2026-09-18T02:00:00Z"));
        // entries made while the demo's clock stood elsewhere carry the real time
        assertThat(audit.ofAction("DUE_JOBS_RUN")).last().satisfies(e -> assertThat(e.occurredAt())
                .isCloseTo(Instant.now(), within(5, ChronoUnit.MINUTES)));
        assertThat(audit.ofAction("DUE_JOBS_RUN")).extracting(AuditEntry::actor).contains("admin");
        assertThat(audit.ofAction("CLOCK_RESET")).extracting(AuditEntry::actor).contains("admin");
    }
}
