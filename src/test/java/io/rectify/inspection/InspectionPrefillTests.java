package io.rectify.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.IntegrationTest;
import io.rectify.api.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** A new inspection form starts from the monitoring's latest stored results of the site, evidence and all. */
class InspectionPrefillTests extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aNewFormIsPrefilledFromTheLatestStoredResults() {
        Api nanchang = new Api(rest, "nc.office");
        String n = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toLowerCase();
        String url = "https://p" + n + ".nc.gov.cn/";
        Map<String, Object> site = new HashMap<>(Map.of("url", url, "name", "预填测试" + n, "orgCode", "NC-EDU"));
        Api.Response created = nanchang.as("admin").post("/api/admin/websites", site);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long websiteId = created.body().get("id").asLong();
        OffsetDateTime seen = OffsetDateTime.parse("2026-12-01T09:30:00+08:00");
        jdbc.update("""
                        insert into probe (website_id, purpose, url, fetched_at, status, elapsed_ms, body_sha256)
                        values (?, 'CHECK', ?, ?, 200, 120, ?)""", websiteId, url, seen, "a".repeat(64));
        long probe = jdbc.queryForObject("select max(id) from probe where website_id = ?", Long.class, websiteId);
        jdbc.update("insert into check_result (website_id, indicator, status, checked_at, detail, evidence) values (?, ?, ?, ?, ?, ?)",
                websiteId, "HOMEPAGE_STALE", "FAIL", seen, "首页最后更新于2026年11月1日", String.valueOf(probe));
        jdbc.update("insert into check_result (website_id, indicator, status, checked_at, detail, evidence) values (?, ?, ?, ?, ?, ?)",
                websiteId, "UNREACHABLE", "PASS", seen, "一周内探测均成功", null);
        jdbc.update("insert into check_result (website_id, indicator, status, checked_at, detail, evidence) values (?, ?, ?, ?, ?, ?)",
                websiteId, "BROKEN_LINKS", "FAIL", seen, "错链 7 处", String.valueOf(probe));

        Map<String, Object> campaign = new HashMap<>(Map.of("name", "预填测试" + n, "periodFrom", "2026-10-01",
                "periodTo", "2026-12-31", "samplingRatio", 1, "seed", 7));
        Api.Response started = nanchang.post("/api/inspections/campaigns", campaign);
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        long id = started.body().get("id").asLong();

        JsonNode form = nanchang.get("/api/inspections/campaigns/" + id + "/sites/" + websiteId).body();
        Map<String, JsonNode> items = new HashMap<>();
        form.get("items").forEach(item -> items.put(item.get("code").asText(), item));
        JsonNode stale = items.get("HOMEPAGE_STALE");
        assertThat(stale.get("prefilled").asBoolean()).isTrue();
        assertThat(stale.get("result").asText()).isEqualTo("FAIL");
        assertThat(stale.get("evidence").asText()).contains("首页最后更新于2026年11月1日").contains(url).contains("a".repeat(64));
        assertThat(stale.get("points").isNull()).as("a veto item deducts nothing").isTrue();
        JsonNode reachable = items.get("UNREACHABLE");
        assertThat(reachable.get("prefilled").asBoolean()).isTrue();
        assertThat(reachable.get("result").asText()).isEqualTo("PASS");
        assertThat(reachable.get("evidence").isNull()).isTrue();
        JsonNode links = items.get("LINK_AVAILABILITY");
        assertThat(links.get("result").asText()).isEqualTo("FAIL");
        assertThat(links.get("points")).as("a failed deduction item deducts its full points").isEqualTo(links.get("maxPoints"));
        assertThat(items.get("POLICY_COLUMN_STALE").get("prefilled").asBoolean()).as("no indicator, nothing prefilled").isFalse();
        assertThat(items.get("POLICY_COLUMN_STALE").get("result").isNull()).isTrue();
    }
}
