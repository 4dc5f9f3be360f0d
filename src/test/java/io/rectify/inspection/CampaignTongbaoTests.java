package io.rectify.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.IntegrationTest;
import io.rectify.api.Api;
import io.rectify.document.Poppler;
import io.rectify.finding.Findings;
import io.rectify.finding.InspectedFailure;
import io.rectify.monitoring.Indicator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The end of a campaign: its 通报 (issued once, frozen, saying what the results say), the results as
 * XLSX, and the failed items of its final inspections as findings, once.
 */
class CampaignTongbaoTests extends IntegrationTest {

    private static final String NAME = "2026年第四季度政府网站抽查";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Findings findings;

    Api nanchang;

    @BeforeEach
    void signIn() {
        nanchang = new Api(rest, "nc.office");
    }

    /**
     * A campaign of the Nanchang office over all its sites: the first fails a veto item and two
     * deduction items (one of them judged by no monitoring indicator), the others pass every item.
     */
    private long finishedCampaign(long seed) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", NAME);
        body.put("periodFrom", "2026-10-01");
        body.put("periodTo", "2026-12-31");
        body.put("samplingRatio", 1);
        body.put("seed", seed);
        Api.Response started = nanchang.post("/api/inspections/campaigns", body);
        assertThat(started.status()).as(started.text()).isEqualTo(201);
        long id = started.body().get("id").asLong();
        JsonNode sample = started.body().get("sample");
        assertThat(sample.size()).as("the test needs a failing and a passing site").isGreaterThanOrEqualTo(2);
        for (int i = 0; i < sample.size(); i++) {
            finalise(id, sample.get(i).asLong(), i == 0);
        }
        return id;
    }

    private void finalise(long campaign, long site, boolean failing) {
        String path = "/api/inspections/campaigns/" + campaign + "/sites/" + site;
        if (failing) {
            // whatever an earlier test left open on this site and indicator, this inspection's failure is its own
            jdbc.update("update finding set status = 'DISMISSED', open_key = null where open_key in (?, ?, ?)",
                    site + ":" + Indicator.IDENTITY_MISSING.name(), site + ":" + Indicator.HOMEPAGE_STALE.name(),
                    site + ":" + Indicator.POLICY_STALE.name());
        }
        List<Map<String, Object>> answers = new ArrayList<>();
        nanchang.get(path).body().get("items").forEach(item -> {
            String code = item.get("code").asText();
            if (failing && code.equals("HOMEPAGE_STALE")) {
                answers.add(Map.of("itemCode", code, "result", "FAIL", "evidence", "首页最后更新于2026年9月1日"));
            } else if (failing && code.equals("FUNCTION_DESIGN")) {
                answers.add(Map.of("itemCode", code, "result", "FAIL", "points", 3, "evidence", "首页缺少网站标识码"));
            } else if (failing && code.equals("POLICY_COLUMN_STALE")) {
                answers.add(Map.of("itemCode", code, "result", "FAIL", "points", 5, "evidence", "政策文件栏目最后更新于2026年3月1日"));
            } else if (!item.get("part").asText().equals("BONUS")) {
                answers.add(Map.of("itemCode", code, "result", "PASS"));
            }
        });
        Api.Response saved = nanchang.exchange(HttpMethod.PUT, path, Map.of("answers", answers));
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        Api.Response finalised = nanchang.post(path + "/finalise", Map.of());
        assertThat(finalised.status()).as(finalised.text()).isEqualTo(200);
    }

    @Test
    void theTongbaoIsIssuedOnceAfterTheCampaignClosesAndSaysWhatTheResultsSay() throws Exception {
        long id = finishedCampaign(21);
        String base = "/api/inspections/campaigns/" + id;
        nanchang.post(base + "/tongbao", Map.of()).isProblem(409);
        assertThat(new Api(rest, "nc.office").download(base + "/tongbao.pdf").getStatusCode().value()).as("not issued yet").isEqualTo(404);
        assertThat(nanchang.post(base + "/close", Map.of()).status()).isEqualTo(200);

        Api.Response issued = nanchang.post(base + "/tongbao", Map.of());
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        String number = issued.body().get("number").asText();
        assertThat(number).matches(".+通报〔\\d{4}〕\\d+号");
        nanchang.post(base + "/tongbao", Map.of()).isProblem(409);

        byte[] pdf = new Api(rest, "nc.office").pdf(base + "/tongbao.pdf");
        assertThat(new Api(rest, "jx.office").pdf(base + "/tongbao.pdf")).as("the same bytes on every download").isEqualTo(pdf);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)))
                .isEqualTo(issued.body().get("sha256").asText());
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'DOCUMENT_ISSUED' and detail like ?",
                Integer.class, "campaign " + id + " TONGBAO%")).isEqualTo(1);

        JsonNode campaign = nanchang.get(base).body();
        int checked = 0;
        int qualified = 0;
        for (JsonNode r : campaign.get("results")) {
            checked++;
            qualified += r.get("qualified").asBoolean() ? 1 : 0;
        }
        String rate = new BigDecimal(qualified * 100).divide(BigDecimal.valueOf(checked), 2, java.math.RoundingMode.HALF_UP)
                .toPlainString() + "%";
        String text = Poppler.text(pdf).replaceAll("\\s", "");
        assertThat(text).contains(number, "关于" + NAME + "情况的通报", "完成检查" + checked + "个",
                "合格" + qualified + "个", "不合格" + (checked - qualified) + "个", "总体合格率为" + rate,
                "单项否决", "首页不更新（首页最后更新于2026年9月1日）", "首页缺少网站标识码", "政策文件类一级栏目", "附件",
                "抽查网站检查结果", "书面报送");
        JsonNode failing = campaign.get("results").get(0);
        String failingName = jdbc.queryForObject("select name from website where id = ?", String.class,
                failing.get("websiteId").asLong());
        assertThat(text).contains(failingName.replaceAll("\\s", ""));
        assertThat(Poppler.fontRows(pdf)).isNotEmpty()
                .allSatisfy(row -> assertThat(row).matches(".*\\byes\\s+yes\\s+yes\\s+\\d+\\s+\\d+\\s*$"));
        // page 1 for a person to look at
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/sample-tongbao.pdf"), pdf);
        ImageIO.write(Poppler.page1(pdf, 60), "png", Path.of("target/sample-tongbao-page1.png").toFile());
    }

    @Test
    void anotherOfficeNeitherSeesNorIssuesTheTongbao() {
        long id = finishedCampaign(22);
        String base = "/api/inspections/campaigns/" + id;
        assertThat(nanchang.post(base + "/close", Map.of()).status()).isEqualTo(200);
        // the province sees the city's campaign but does not issue its 通报; another city does not see it at all
        nanchang.as("jx.office").post(base + "/tongbao", Map.of()).isProblem(403);
        nanchang.as("gz.office").post(base + "/tongbao", Map.of()).isProblem(404);
        assertThat(nanchang.post(base + "/tongbao", Map.of()).status()).isEqualTo(201);
        assertThat(new Api(rest, "gz.office").download(base + "/tongbao.pdf").getStatusCode().value()).isEqualTo(404);
        assertThat(new Api(rest, "gz.office").download(base + "/results.xlsx").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theResultsWorkbookHoldsEverySampledSiteAsTheResultsShowIt() throws IOException {
        long id = finishedCampaign(23);
        String base = "/api/inspections/campaigns/" + id;
        ResponseEntity<byte[]> file = new Api(rest, "nc.office").download(base + "/results.xlsx");
        assertThat(file.getStatusCode().value()).isEqualTo(200);
        assertThat(file.getHeaders().getContentType().toString()).contains("spreadsheetml");
        JsonNode results = nanchang.get(base).body().get("results");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.getBody()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("网站");
            assertThat(sheet.getLastRowNum()).isEqualTo(results.size());
            for (int i = 0; i < results.size(); i++) {
                JsonNode r = results.get(i);
                Row row = sheet.getRow(i + 1);
                String name = jdbc.queryForObject("select name from website where id = ?", String.class, r.get("websiteId").asLong());
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(name);
                if (r.get("score").isNull()) {
                    assertThat(row.getCell(6)).as("a vetoed site has no score").isNull();
                } else {
                    assertThat(BigDecimal.valueOf(row.getCell(6).getNumericCellValue()))
                            .isEqualByComparingTo(r.get("score").decimalValue());
                }
                assertThat(row.getCell(7).getStringCellValue()).isEqualTo(r.get("vetoed").asBoolean() ? "是" : "否");
                assertThat(row.getCell(8).getStringCellValue()).isEqualTo(r.get("qualified").asBoolean() ? "合格" : "不合格");
            }
        }
    }

    @Test
    void aFinalInspectionsFailedItemsBecomeFindingsOnce() {
        long id = finishedCampaign(24);
        JsonNode failing = nanchang.get("/api/inspections/campaigns/" + id).body().get("results").get(0);
        long site = failing.get("websiteId").asLong();
        long inspection = jdbc.queryForObject("select id from inspection where campaign_id = ? and website_id = ?",
                Long.class, id, site);

        // every failed item becomes a finding of its indicator's category, the stale policy column, which only
        // an inspector judges, as well as those the monitoring judges too
        List<Map<String, Object>> found = jdbc.queryForList("""
                select indicator, category_code, status, detail, inspection_item from finding
                where inspection_id = ? order by inspection_item""", inspection);
        assertThat(found).hasSize(3);
        assertThat(found.get(0)).containsEntry("INDICATOR", "IDENTITY_MISSING").containsEntry("CATEGORY_CODE", "A33-02")
                .containsEntry("STATUS", "OPEN").containsEntry("INSPECTION_ITEM", "FUNCTION_DESIGN");
        assertThat((String) found.get(0).get("DETAIL")).contains(NAME, "首页缺少网站标识码");
        assertThat(found.get(1)).containsEntry("INDICATOR", "HOMEPAGE_STALE").containsEntry("CATEGORY_CODE", "A33-04")
                .containsEntry("INSPECTION_ITEM", "HOMEPAGE_STALE");
        assertThat(found.get(2)).containsEntry("INDICATOR", "POLICY_STALE").containsEntry("CATEGORY_CODE", "A33-04")
                .containsEntry("INSPECTION_ITEM", "POLICY_COLUMN_STALE");
        JsonNode listed = nanchang.get("/api/findings?websiteId=" + site).body();
        assertThat(listed.toString()).contains("首页缺少网站标识码");

        // an inspector judged it, so the case it opens is one of the inspection's, not the monitoring's
        String stale = jdbc.queryForObject("select id from finding where inspection_id = ? and inspection_item = ?",
                String.class, inspection, "HOMEPAGE_STALE");
        assertThat(nanchang.get("/api/findings/" + stale).body().get("origin").asText()).isEqualTo("INSPECTION");
        // the failing site may be the city office's own: the province's office opens cases against it
        Api.Response confirmed = nanchang.as("jx.office").post("/api/findings/" + stale + "/confirm", null);
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(201);
        assertThat(confirmed.body().get("source").asText()).isEqualTo("INSPECTION");
        assertThat(confirmed.body().get("description").asText()).as("the order says who found it")
                .startsWith("检查发现问题：").doesNotContain("监测", "证据（访问地址");

        // finalising again is refused, closing adds nothing; and once decided, the same failure reported again opens nothing
        nanchang.post("/api/inspections/campaigns/" + id + "/sites/" + site + "/finalise", Map.of()).isProblem(409);
        assertThat(nanchang.post("/api/inspections/campaigns/" + id + "/close", Map.of()).status()).isEqualTo(200);
        String findingId = jdbc.queryForObject("select id from finding where inspection_id = ? and inspection_item = ?",
                String.class, inspection, "FUNCTION_DESIGN");
        assertThat(nanchang.post("/api/findings/" + findingId + "/dismiss", Map.of("reason", "已核实")).status()).isEqualTo(200);
        int opened = findings.record(List.of(new InspectedFailure(id, NAME, inspection, "FUNCTION_DESIGN", "功能设计", site,
                Indicator.IDENTITY_MISSING, "首页缺少网站标识码", null, java.time.Instant.now(), "nc.office")));
        assertThat(opened).isZero();
        assertThat(jdbc.queryForObject("select count(*) from finding where inspection_id = ?", Integer.class, inspection))
                .isEqualTo(3);
    }
}
