package io.rectify.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.IntegrationTest;
import io.rectify.api.Api;
import io.rectify.api.FreshBodies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Spot-check campaigns through the API: the sample, its seed, bad input, the form to its final score, who sees what. */
class CampaignApiTests extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    Api province;

    @BeforeEach
    void signIn() {
        province = new Api(rest, "jx.office");
    }

    private static Map<String, Object> campaign(Object ratio, Object seed) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "2026年第四季度政府网站抽查");
        body.put("periodFrom", "2026-10-01");
        body.put("periodTo", "2026-12-31");
        body.put("samplingRatio", ratio);
        if (seed != null) {
            body.put("seed", seed);
        }
        return body;
    }

    private JsonNode start(Api as, Map<String, Object> body) {
        Api.Response r = as.post("/api/inspections/campaigns", body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body();
    }

    @Test
    void theSameSeedOverTheSameSitesGivesTheSameSample() {
        JsonNode first = start(province, campaign(0.5, 42));
        JsonNode second = start(province, campaign(0.5, 42));
        assertThat(first.get("seed").asLong()).isEqualTo(42);
        assertThat(first.get("sample")).isNotEmpty().isEqualTo(second.get("sample"));
        int population = first.get("population").asInt();
        assertThat(first.get("sample").size()).isEqualTo((int) Math.ceil(population * 0.5));
    }

    @Test
    void aCampaignWithoutSeedStoresTheOneItDrew() {
        JsonNode started = start(province, campaign(null, null));
        assertThat(started.get("samplingRatio").decimalValue()).isEqualByComparingTo("0.3");
        JsonNode again = start(province, campaign(0.3, started.get("seed").asLong()));
        assertThat(again.get("sample")).isEqualTo(started.get("sample"));
        JsonNode read = province.get("/api/inspections/campaigns/" + started.get("id").asLong()).body();
        assertThat(read.get("status").asText()).isEqualTo("OPEN");
        assertThat(read.get("sample")).isEqualTo(started.get("sample"));
        assertThat(read.get("results")).hasSize(started.get("sample").size());
    }

    @Test
    void aRatioOutsideZeroToOneIsRefusedNamingIt() {
        province.post("/api/inspections/campaigns", campaign(0, null)).isInvalid("samplingRatio");
        province.post("/api/inspections/campaigns", campaign(1.2, null)).isInvalid("samplingRatio");
        province.post("/api/inspections/campaigns", campaign("lots", null)).isInvalid("samplingRatio");
    }

    @Test
    void aSampleLargerThanThePopulationIsRefusedNamingIt() {
        Map<String, Object> body = campaign(0.3, 1);
        body.put("sampleSize", 100000);
        province.post("/api/inspections/campaigns", body).isInvalid("sampleSize");
    }

    @Test
    void sitesOfAnotherJurisdictionAreRefusedNamingTheRegion() {
        Map<String, Object> body = campaign(0.3, 1);
        body.put("regionCode", "GZ");
        province.as("nc.office").post("/api/inspections/campaigns", body).isInvalid("regionCode");
        body.put("regionCode", "JX");
        province.as("nc.office").post("/api/inspections/campaigns", body).isInvalid("regionCode");
    }

    @Test
    void missingDatesAndNameAreNamed() {
        Map<String, Object> body = new HashMap<>();
        body.put("periodFrom", "2026-13-01");
        Api.Response r = province.post("/api/inspections/campaigns", body);
        r.isInvalid("periodFrom");
        body.put("periodFrom", "2026-10-01");
        body.put("periodTo", "2026-09-01");
        r = province.post("/api/inspections/campaigns", body).isInvalid("periodTo");
        assertThat(r.errorFields()).contains("name");
    }

    @Test
    void onlyASupervisorStartsACampaign() {
        assertThat(province.as("jx.edu").post("/api/inspections/campaigns", campaign(0.3, 1)).status()).isEqualTo(403);
    }

    @Test
    void aCityOfficeSeesOnlyItsCampaigns() {
        long provinceCampaign = start(province, campaign(0.3, 7)).get("id").asLong();
        long nanchang = start(province.as("nc.office"), campaign(1, 7)).get("id").asLong();
        assertThat(province.as("nc.office").get("/api/inspections/campaigns/" + provinceCampaign).status()).isEqualTo(404);
        assertThat(province.as("gz.office").get("/api/inspections/campaigns/" + nanchang).status()).isEqualTo(404);
        assertThat(province.as("nc.edu").get("/api/inspections/campaigns/" + nanchang).status()).isEqualTo(404);
        assertThat(province.get("/api/inspections/campaigns/" + nanchang).status()).isEqualTo(200);
        List<Long> seenByNanchang = new ArrayList<>();
        province.as("nc.office").get("/api/inspections/campaigns").body().forEach(c -> seenByNanchang.add(c.get("id").asLong()));
        assertThat(seenByNanchang).contains(nanchang).doesNotContain(provinceCampaign);
        List<Long> seenByGanzhou = new ArrayList<>();
        province.as("gz.office").get("/api/inspections/campaigns").body().forEach(c -> seenByGanzhou.add(c.get("id").asLong()));
        assertThat(seenByGanzhou).doesNotContain(nanchang, provinceCampaign);
    }

    @Test
    void aSiteIsInspectedDraftedReviewedAndFinalisedOnce() {
        JsonNode started = start(province, campaign(1, 3));
        long id = started.get("id").asLong();
        long site = started.get("sample").get(0).asLong();
        String path = "/api/inspections/campaigns/" + id + "/sites/" + site;

        JsonNode form = province.get(path).body();
        assertThat(form.get("items")).hasSizeGreaterThan(10);
        assertThat(form.get("checklistVersion").asText()).isEqualTo("2019");

        // a failed item without evidence, points above an item's cap, a veto item with points: each named
        Api.Response noEvidence = province.exchange(HttpMethod.PUT, path, Map.of("answers",
                List.of(Map.of("itemCode", "POLICY_COLUMN_STALE", "result", "FAIL", "points", 3))));
        noEvidence.isInvalid("answers[0].evidence");
        province.exchange(HttpMethod.PUT, path, Map.of("answers",
                List.of(Map.of("itemCode", "POLICY_COLUMN_STALE", "result", "FAIL", "points", 6, "evidence", "政策文件栏目最后更新于2026-03-01"))))
                .isInvalid("answers[0].points");
        province.exchange(HttpMethod.PUT, path, Map.of("answers",
                List.of(Map.of("itemCode", "SECURITY", "result", "FAIL", "points", 5, "evidence", "x"))))
                .isInvalid("answers[0].points");
        province.exchange(HttpMethod.PUT, path, Map.of("answers", List.of(Map.of("itemCode", "NO_SUCH", "result", "PASS"))))
                .isInvalid("answers[0].itemCode");

        // half entered: a draft, read back as it was left
        Api.Response saved = province.exchange(HttpMethod.PUT, path, Map.of("answers",
                List.of(Map.of("itemCode", "POLICY_COLUMN_STALE", "result", "FAIL", "points", 5, "evidence", "政策文件栏目最后更新于2026-03-01"))));
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        JsonNode draft = province.get(path).body();
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
        assertThat(item(draft, "POLICY_COLUMN_STALE").get("evidence").asText()).contains("2026-03-01");
        assertThat(draft.get("preview").get("score").decimalValue()).isEqualByComparingTo(
                draft.get("level").asText().equals("PORTAL") ? "95" : "95");

        // unjudged items keep it from being final
        province.post(path + "/finalise", Map.of()).isInvalid("answers.SECURITY.result");

        List<Map<String, Object>> rest = new ArrayList<>();
        draft.get("items").forEach(item -> {
            if (!item.get("part").asText().equals("BONUS") && !item.get("code").asText().equals("POLICY_COLUMN_STALE")) {
                rest.add(Map.of("itemCode", item.get("code").asText(), "result", "PASS"));
            }
        });
        assertThat(province.exchange(HttpMethod.PUT, path, Map.of("answers", rest)).status()).isEqualTo(200);

        // calibration by a second supervisor of the office; the one who entered it does not review it
        assertThat(province.post(path + "/review", Map.of("note", "同意")).status()).isEqualTo(403);
        String second = new FreshBodies(jdbc, passwords).user("SUPERVISOR", "JX-GOV-OFFICE");
        province.as(second).post(path + "/review", Map.of()).isInvalid("note");
        Api.Response reviewed = province.as(second).post(path + "/review", Map.of("note", "扣分核实无误，改扣4分",
                "answers", List.of(Map.of("itemCode", "POLICY_COLUMN_STALE", "result", "FAIL", "points", 4, "evidence", "政策文件栏目最后更新于2026-03-01"))));
        assertThat(reviewed.status()).as(reviewed.text()).isEqualTo(200);
        assertThat(reviewed.body().get("reviewer").asText()).isEqualTo(second);

        Api.Response finalised = province.post(path + "/finalise", Map.of());
        assertThat(finalised.status()).as(finalised.text()).isEqualTo(200);
        assertThat(finalised.body().get("score").decimalValue()).isEqualByComparingTo("96");
        assertThat(finalised.body().get("qualified").asBoolean()).isTrue();
        province.post(path + "/finalise", Map.of()).isProblem(409);
        province.exchange(HttpMethod.PUT, path, Map.of("answers", rest)).isProblem(409);

        JsonNode result = null;
        for (JsonNode r : province.get("/api/inspections/campaigns/" + id).body().get("results")) {
            if (r.get("websiteId").asLong() == site) {
                result = r;
            }
        }
        assertThat(result).isNotNull();
        assertThat(result.get("score").decimalValue()).isEqualByComparingTo("96");
        assertThat(result.get("vetoed").asBoolean()).isFalse();
        assertThat(result.get("qualified").asBoolean()).isTrue();

        JsonNode failed = province.get("/api/inspections/campaigns/" + id + "/failed-items").body();
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).get("itemCode").asText()).isEqualTo("POLICY_COLUMN_STALE");

        assertThat(province.post("/api/inspections/campaigns/" + id + "/close", Map.of()).status()).isEqualTo(200);
        province.post("/api/inspections/campaigns/" + id + "/close", Map.of()).isProblem(409);
        assertThat(province.get("/api/inspections/campaigns/" + id).body().get("status").asText()).isEqualTo("CLOSED");
    }

    @Test
    void aVetoedSiteIsNotQualifiedAndHasNoScore() {
        JsonNode started = start(province, campaign(1, 5));
        long id = started.get("id").asLong();
        long site = started.get("sample").get(0).asLong();
        String path = "/api/inspections/campaigns/" + id + "/sites/" + site;
        List<Map<String, Object>> answers = new ArrayList<>();
        province.get(path).body().get("items").forEach(item -> {
            String code = item.get("code").asText();
            if (code.equals("HOMEPAGE_STALE")) {
                answers.add(Map.of("itemCode", code, "result", "FAIL", "evidence", "首页最后更新于2026-09-01"));
            } else if (!item.get("part").asText().equals("BONUS")) {
                answers.add(Map.of("itemCode", code, "result", "PASS"));
            }
        });
        assertThat(province.exchange(HttpMethod.PUT, path, Map.of("answers", answers)).status()).isEqualTo(200);
        JsonNode result = province.post(path + "/finalise", Map.of()).body();
        assertThat(result.get("vetoed").asBoolean()).isTrue();
        assertThat(result.get("qualified").asBoolean()).isFalse();
        assertThat(result.get("score").isNull()).isTrue();
    }

    @Test
    void anInspectorIsASupervisorOfTheOffice() {
        JsonNode started = start(province, campaign(1, 9));
        String path = "/api/inspections/campaigns/" + started.get("id").asLong() + "/sites/" + started.get("sample").get(0).asLong();
        province.post(path + "/assign", Map.of("inspector", "nc.office")).isInvalid("inspector");
        Api.Response assigned = province.post(path + "/assign", Map.of("inspector", "jx.office"));
        assertThat(assigned.status()).as(assigned.text()).isEqualTo(200);
        List<Long> mine = new ArrayList<>();
        province.get("/api/inspections/mine").body().forEach(s -> mine.add(s.get("websiteId").asLong()));
        assertThat(mine).contains(started.get("sample").get(0).asLong());
    }

    @Test
    void theAdministratorLoadsANewYearsChecklistBesideTheOld() {
        Api admin = province.as("admin");
        Map<String, Object> document = Map.of("version", "2027-test-" + System.nanoTime() % 100000, "title", "测试指标",
                "items", List.of(Map.of("code", "SECURITY", "part", "VETO", "title", "安全、泄密事故等严重问题"),
                        Map.of("code", "LINKS", "part", "DEDUCTION", "title", "链接可用性")));
        Api.Response loaded = admin.post("/api/admin/inspections/checklists", document);
        assertThat(loaded.status()).as(loaded.text()).isEqualTo(201);
        assertThat(loaded.body().get("items").get(1).get("editable").asBoolean()).isTrue();
        admin.post("/api/admin/inspections/checklists", document).isProblem(409);
        assertThat(province.post("/api/admin/inspections/checklists", document).status()).isEqualTo(403);
        Api.Response set = admin.exchange(HttpMethod.PUT, "/api/admin/inspections/checklists/" + document.get("version")
                + "/items/LINKS", Map.of("maxPoints", 4));
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        admin.exchange(HttpMethod.PUT, "/api/admin/inspections/checklists/" + document.get("version") + "/items/SECURITY",
                Map.of("maxPoints", 4)).isInvalid("code");
        admin.post("/api/admin/inspections/checklists", Map.of("version", "bad version!", "items", List.of()))
                .isInvalid("version");
        // loaded beside the old, not yet in use: a new campaign still starts with 2019
        JsonNode started = start(province, campaign(1, 11));
        String path = "/api/inspections/campaigns/" + started.get("id").asLong() + "/sites/" + started.get("sample").get(0).asLong();
        assertThat(province.get(path).body().get("checklistVersion").asText()).isEqualTo("2019");
        List<String> versions = new ArrayList<>();
        province.get("/api/inspections/checklists").body().forEach(c -> versions.add(c.get("version").asText()));
        assertThat(versions).contains("2019", (String) document.get("version"));
    }

    private static JsonNode item(JsonNode form, String code) {
        for (JsonNode item : form.get("items")) {
            if (item.get("code").asText().equals(code)) {
                return item;
            }
        }
        throw new AssertionError("no item " + code);
    }
}
