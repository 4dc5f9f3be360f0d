package io.rectify.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Sanction records name officials (personal information): read by the supervision bodies over the
 * case's region and by no one else — the administrators see only in the audit record that reads
 * happened; a supervision body of another region reads none. Exports follow the same rules, are
 * audited, and are limited per user.
 */
class SanctionPrivacyApiTests extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void onlySupervisionBodiesReadTheRegistryTheAdministratorsSeeOnlyThatReadsHappened() {
        String person = "王" + UUID.randomUUID().toString().substring(0, 6);
        caseWithSanction("nc.office", "NC-EDU", "nc.supervision", person);

        JsonNode full = only(api("nc.supervision").get("/api/sanctions?orgCode=NC-EDU&personName=" + person));
        assertThat(full.get("personName").asText()).isEqualTo(person);

        for (String administrator : List.of("admin", "auditor", "security")) {
            Api.Response refused = api(administrator).get("/api/sanctions?personName=" + person).isProblem(403);
            assertThat(refused.text()).as("not even whether the person was sanctioned").doesNotContain(person, "王*");
            api(administrator).get("/api/sanctions/export?personName=" + person).isProblem(403);
        }
        assertThat(api("auditor").get("/api/audit?actor=nc.supervision&action=SANCTIONS_READ").text())
                .as("the audit administrator sees that the read happened").contains("registry search person=" + person);
    }

    @Test
    void aSupervisionBodyOfAnotherRegionReadsNoneOfTheRecords() {
        String person = "赵" + UUID.randomUUID().toString().substring(0, 6);
        String caseId = caseWithSanction("jx.office", "JX-HEALTH", "jx.supervision", person);

        Api other = api("nc.supervision");
        assertThat(other.get("/api/sanctions?personName=" + person).body()).isEmpty();
        assertThat(other.get("/api/sanctions").text()).doesNotContain(person);
        Api.Response export = other.get("/api/sanctions/export?personName=" + person);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.text()).doesNotContain(person);
        other.get("/api/cases/" + caseId).isProblem(404);
        assertThat(api("jx.supervision").get("/api/sanctions/export?personName=" + person).text()).contains(person);
    }

    @Test
    void theExportIsCsvWithTheSameAccessAndMaskingAndIsAudited() {
        String person = "钱" + UUID.randomUUID().toString().substring(0, 6);
        caseWithSanction("nc.office", "NC-EDU", "nc.supervision", person);

        Api.Response full = api("nc.supervision").get("/api/sanctions/export?personName=" + person);
        assertThat(full.status()).isEqualTo(200);
        assertThat(full.contentType()).startsWith("text/csv");
        assertThat(full.entity().getHeaders().getFirst("Content-Disposition")).startsWith("attachment");
        List<String> lines = full.text().lines().toList();
        assertThat(lines.get(0)).contains("personName", "caseNumber", "decisionNumber");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("\"" + person + "\"", "\"NC-EDU\"", "\"WARNING\"");

        for (String refused : List.of("jx.office", "nc.edu", "admin", "security", "auditor")) {
            api(refused).get("/api/sanctions/export").isProblem(403);
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where actor = 'nc.supervision' and action = 'SANCTIONS_READ'"
                + " and detail like ?", Long.class, "registry export person=" + person + "%")).isEqualTo(1);
    }

    @Test
    void exportsAreLimitedPerUserButOrdinaryCallsAreNot() {
        Api reader = api(new FreshBodies(jdbc, passwords).user("SUPERVISION", "NC-SUPERVISION"));
        for (int i = 0; i < 10; i++) {
            assertThat(reader.get("/api/sanctions/export?orgCode=NONE").status()).as("export " + (i + 1)).isEqualTo(200);
        }
        Api.Response refused = reader.get("/api/sanctions/export?orgCode=NONE").isProblem(429);
        long wait = Long.parseLong(refused.entity().getHeaders().getFirst("Retry-After"));
        assertThat(wait).isBetween(1L, 60L);

        assertThat(api("jx.supervision").get("/api/sanctions/export?orgCode=NONE").status()).as("another user").isEqualTo(200);
        for (int i = 0; i < 60; i++) {
            assertThat(reader.get("/api/sanctions?orgCode=NONE").status()).as("the registry itself").isEqualTo(200);
        }
    }

    private Api api(String user) {
        return new Api(rest, user);
    }

    private String caseWithSanction(String officeUser, String respondent, String supervisionUser, String person) {
        String caseId = api(officeUser).openCase("A33-07", respondent).get("id").asText();
        Api supervision = api(supervisionUser);
        supervision.complete(caseId, "reviewEscalation", Map.of("decision", "SANCTION", "findings", "未及时撤下不当信息"));
        supervision.complete(caseId, "recordSanctions", Map.of("sanctions", List.of(AccessRulesApiTests.sanction(person, respondent))));
        return caseId;
    }

    private static JsonNode only(Api.Response registry) {
        assertThat(registry.status()).as(registry.text()).isEqualTo(200);
        assertThat(registry.body()).as(registry.text()).hasSize(1);
        return registry.body().get(0);
    }

}
