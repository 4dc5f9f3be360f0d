package io.rectify.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Sanctions recorded by the supervision authority, several of one person per 政务处分法 Art. 15. */
class SanctionRecordingApiTests extends IntegrationTest {

    /** decided the day the case is opened: a decision cannot be older than its case */
    static final LocalDate DECIDED = LocalDate.now(AccessRulesApiTests.SHANGHAI);


    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void aCaseFlaggedSeriousAtOpeningGoesToSupervisionWithItsReason() {
        Api office = new Api(rest, "nc.office");
        String body = new FreshBodies(jdbc, passwords).department("NC");
        Api.Response opened = office.post("/api/cases", Map.of("categoryCode", "A33-05", "respondentOrgCode", body,
                "title", "限制政民互动", "description", "留言功能被关闭", "source", "COMPLAINT",
                "serious", true, "seriousReason", "群众投诉集中，影响恶劣"));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        assertThat(opened.body().get("escalated").asBoolean()).isTrue();
        assertThat(opened.body().get("escalationReason").asText()).isEqualTo("FLAGGED");
        assertThat(opened.body().get("caseNumber").asText()).startsWith("洪府办整改〔");

        // Nanchang's own commission reviews it; the province's may too
        assertThat(office.as("nc.supervision").taskOf(opened.body().get("id").asText(), "reviewEscalation")).isNotBlank();
        assertThat(office.as("jx.supervision").taskOf(opened.body().get("id").asText(), "reviewEscalation")).isNotBlank();
    }

    @Test
    void severalSanctionsOfOnePersonExecuteTheHeaviestAndIdenticalOnesAddUp() {
        Api office = new Api(rest, "nc.office");
        String body = new FreshBodies(jdbc, passwords).department("NC");
        String caseId = reviewedForSanctions(office, body);
        Api supervision = office.as("nc.supervision");
        supervision.complete(caseId, "recordSanctions", Map.of("sanctions", List.of(
                line("王五", "WARNING", body), line("王五", "DEMERIT", body),
                line("赵六", "WARNING", body), line("赵六", "WARNING", body))));

        JsonNode sanctions = supervision.get("/api/cases/" + caseId).body().get("sanctions");
        assertThat(sanctions).hasSize(4);
        assertThat(sanctions).filteredOn(s -> s.get("personName").asText().equals("王五") && s.get("executed").asBoolean())
                .singleElement().satisfies(s -> {
                    assertThat(s.get("type").asText()).isEqualTo("DEMERIT");
                    assertThat(s.get("periodEnds").asText()).isEqualTo(DECIDED.plusMonths(12).toString());
                });
        assertThat(sanctions).filteredOn(s -> s.get("personName").asText().equals("王五") && !s.get("executed").asBoolean())
                .singleElement().satisfies(s -> assertThat(s.get("periodEnds").isNull()).isTrue());
        // two warnings: between 6 and 12 months, recorded at the longest
        assertThat(sanctions).filteredOn(s -> s.get("personName").asText().equals("赵六") && s.get("executed").asBoolean())
                .singleElement().satisfies(s -> assertThat(s.get("periodEnds").asText()).isEqualTo(DECIDED.plusMonths(12).toString()));
        assertThat(office.get("/api/cases/" + caseId).body().get("sanctions")).isEmpty();
        assertThat(office.get("/api/sanctions").status()).isEqualTo(403);
        assertThat(office.as("nc.supervision").get("/api/sanctions?orgCode=" + body).body()).hasSize(4);
    }

    @Test
    void sanctionsStayWithinTheCaseAndTheSupervisionBodysRegion() {
        Api office = new Api(rest, "nc.office");
        String body = new FreshBodies(jdbc, passwords).department("NC");
        String caseId = reviewedForSanctions(office, body);
        Api supervision = office.as("nc.supervision");
        String task = supervision.taskOf(caseId, "recordSanctions");

        supervision.post("/api/tasks/" + task + "/complete", Map.of("sanctions", List.of(
                        line("外地人", "WARNING", "GZ-EDU"), line("无关人", "WARNING", "JX-HEALTH"))))
                .isInvalid("sanctions[0].orgCode").isInvalid("sanctions[1].orgCode");
        Map<String, String> early = new HashMap<>(line("王五", "WARNING", body));
        early.put("decisionDate", DECIDED.minusDays(1).toString());
        supervision.post("/api/tasks/" + task + "/complete", Map.of("sanctions", List.of(early)))
                .isInvalid("sanctions[0].decisionDate");

        // the respondent and the office that opened the case answer for it
        supervision.complete(caseId, "recordSanctions", Map.of("sanctions", List.of(
                line("王五", "WARNING", body), line("赵六", "WARNING", "NC-GOV-OFFICE"))));
        assertThat(supervision.get("/api/cases/" + caseId).body().get("sanctions")).hasSize(2);
    }

    /** A serious case against {@code body}, opened by Nanchang's office and reviewed by its commission: sanctions to record. */
    private static String reviewedForSanctions(Api office, String body) {
        String caseId = office.post("/api/cases", Map.of("categoryCode", "A33-08", "respondentOrgCode", body,
                "title", "变相收费", "description", "网站办事强制收费", "source", "INSPECTION",
                "serious", true, "seriousReason", "多次收费")).body().get("id").asText();
        office.as("nc.supervision").complete(caseId, "reviewEscalation", Map.of("decision", "SANCTION", "findings", "查实"));
        return caseId;
    }

    private static Map<String, String> line(String person, String type, String org) {
        return Map.of("personName", person, "post", "科长", "orgCode", org, "responsibility", "STAFF", "type", type,
                "decisionNumber", "洪监〔2025〕8号", "decisionDate", DECIDED.toString());
    }
}
