package io.rectify.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.PageTest;
import io.rectify.api.Api;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The demo fleet watched end to end through API.md "Websites and monitoring": run-due runs the due
 * probes, each site's checks show their distance to the veto line, jurisdiction decides who sees
 * and runs what, and a failed check leaves the module as a CheckFailed event.
 */
@RecordApplicationEvents
class MonitoringApiTests extends PageTest {

    @org.springframework.beans.factory.annotation.Autowired
    ApplicationEvents events;

    @org.springframework.beans.factory.annotation.Autowired
    SiteChecks siteChecks;

    @Test
    void runDueProbesTheDemoFleetAndTheChecksShowTheVetoDistance() {
        Api admin = api("admin");
        Api.Response ran = admin.post("/api/admin/monitoring/run-due", null);
        assertThat(ran.status()).as(ran.text()).isEqualTo(200);
        assertThat(ran.body().get("executed").asInt()).isGreaterThanOrEqualTo(10);

        Api office = api("jx.office");
        JsonNode sites = office.get("/api/websites").body();
        Map<String, JsonNode> byCode = new HashMap<>();
        sites.forEach(s -> byCode.put(s.path("siteCode").asText(), s));
        assertThat(byCode).containsKeys("3600000001", "3601000002", "3600000003", "3607000004", "3601000005");
        assertThat(byCode.get("3601000002").get("health").asText()).isEqualTo("FAILING");

        JsonNode stale = checks(office, byCode.get("3601000002"));
        JsonNode homepage = indicator(stale, "HOMEPAGE_STALE");
        assertThat(homepage.get("status").asText()).isEqualTo("FAIL");
        assertThat(homepage.get("veto").get("measure").asInt()).isEqualTo(20);
        assertThat(homepage.get("veto").get("limit").asInt()).isEqualTo(14);
        assertThat(homepage.get("veto").get("unit").asText()).isEqualTo("days");
        assertThat(homepage.get("detail").asText()).contains("已 20 天未更新，14 天即否决");
        assertThat(indicator(stale, "COLUMNS_STALE").get("status").asText()).isEqualTo("FAIL");

        assertThat(indicator(checks(office, byCode.get("3600000003")), "IDENTITY_MISSING").get("status").asText()).isEqualTo("FAIL");
        assertThat(indicator(checks(office, byCode.get("3600000003")), "BROKEN_LINKS").get("status").asText()).isEqualTo("FAIL");
        assertThat(indicator(checks(office, byCode.get("3607000004")), "BLANK_COLUMNS").get("status").asText()).isEqualTo("FAIL");
        JsonNode unanswered = indicator(stale, "INTERACTION_UNANSWERED");
        assertThat(unanswered.get("status").asText()).as(unanswered.toString()).isEqualTo("FAIL");
        assertThat(unanswered.get("veto").get("measure").asInt()).isEqualTo(120);
        assertThat(unanswered.get("veto").get("limit").asInt()).isEqualTo(90);
        JsonNode kept = checks(office, byCode.get("3600000001"));
        for (String indicator : List.of("HOMEPAGE_STALE", "COLUMNS_STALE", "BLANK_COLUMNS", "BROKEN_LINKS", "IDENTITY_MISSING", "TLS",
                "INTERACTION_UNANSWERED")) {
            assertThat(indicator(kept, indicator).get("status").asText()).as(indicator + " " + kept).isEqualTo("PASS");
        }
        // the SiteChecks bean of the contract: results stored and returned, each failure published as CheckFailed
        List<CheckResult> results = siteChecks.runNow(byCode.get("3601000002").get("id").asLong());
        assertThat(results).filteredOn(CheckResult::failed).extracting(CheckResult::indicator)
                .contains(Indicator.HOMEPAGE_STALE, Indicator.COLUMNS_STALE);
        assertThat(events.stream(CheckFailed.class).map(e -> e.result().indicator()))
                .contains(Indicator.HOMEPAGE_STALE, Indicator.COLUMNS_STALE);
        assertThat(events.stream(CheckFailed.class).filter(e -> e.result().indicator() == Indicator.HOMEPAGE_STALE)
                .findFirst().orElseThrow().result().evidence()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.sha256()).hasSize(64));

        // nothing more is due by the same clock
        assertThat(admin.post("/api/admin/monitoring/run-due", null).body().get("executed").asInt()).isZero();
    }

    @Test
    void eachSeesTheSitesOfTheirJurisdictionAndSupervisorsRunChecks() {
        Api office = api("jx.office");
        long jxEdu = idOf(office, "3600000001");
        long ncEdu = idOf(office, "3601000002");
        assertThat(codes(api("nc.office"))).contains("3601000002", "3601000005").doesNotContain("3600000001", "3607000004");
        assertThat(codes(api("jx.edu"))).contains("3600000001").doesNotContain("3601000002", "3600000003");
        assertThat(codes(office.as("jx.office").anonymous())).isEmpty();
        api("jx.supervision").get("/api/websites").isProblem(403);
        assertThat(office.get("/api/websites?orgCode=NC-EDU").body().findValuesAsText("orgCode")).containsOnly("NC-EDU");

        api("nc.office").get("/api/websites/" + jxEdu + "/checks").isProblem(404);
        api("nc.office").post("/api/websites/" + jxEdu + "/checks/run", null).isProblem(404);
        api("jx.edu").post("/api/websites/" + jxEdu + "/checks/run", null).isProblem(403);
        api("jx.edu").get("/api/websites/x/checks").isProblem(404);

        Api.Response ran = api("nc.office").post("/api/websites/" + ncEdu + "/checks/run", null);
        assertThat(ran.status()).as(ran.text()).isEqualTo(200);
        assertThat(ran.body().findValuesAsText("indicator"))
                .contains("UNREACHABLE", "HOMEPAGE_STALE", "COLUMNS_STALE", "BLANK_COLUMNS", "BROKEN_LINKS", "IDENTITY_MISSING", "TLS");
        assertThat(indicator(ran.body(), "HOMEPAGE_STALE").get("veto").get("limit").asInt()).isEqualTo(14);
    }

    private static JsonNode checks(Api api, JsonNode site) {
        Api.Response checks = api.get("/api/websites/" + site.get("id").asLong() + "/checks");
        assertThat(checks.status()).as(checks.text()).isEqualTo(200);
        return checks.body();
    }

    private static JsonNode indicator(JsonNode checks, String indicator) {
        for (JsonNode check : checks) {
            if (check.get("indicator").asText().equals(indicator)) {
                return check;
            }
        }
        throw new AssertionError(indicator + " not in " + checks);
    }

    private static long idOf(Api api, String siteCode) {
        for (JsonNode site : api.get("/api/websites").body()) {
            if (site.path("siteCode").asText().equals(siteCode)) {
                return site.get("id").asLong();
            }
        }
        throw new AssertionError(siteCode);
    }

    private static List<String> codes(Api api) {
        Api.Response response = api.get("/api/websites");
        if (response.status() != 200) {
            return List.of();
        }
        return response.body().findValuesAsText("siteCode");
    }
}
