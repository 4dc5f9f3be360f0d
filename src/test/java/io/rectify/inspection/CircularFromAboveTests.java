package io.rectify.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.IntegrationTest;
import io.rectify.api.Api;
import io.rectify.document.Poppler;
import io.rectify.monitoring.CheckFailed;
import io.rectify.monitoring.CheckResult;
import io.rectify.monitoring.CheckStatus;
import io.rectify.monitoring.Indicator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A 通报 from above: its list imported by an office (every line a finding or a case on its site,
 * all lines or none), followed, and answered once by the reply that names every line's case and
 * the sanctions recorded on them.
 */
class CircularFromAboveTests extends IntegrationTest {

    private static final String HEAD = "网站标识码,网站名称,问题类型,问题,文号,通报日期,回复期限\n";

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    Api nanchang;
    String n;
    /** two sites of the Nanchang education bureau and one of Ganzhou's: codes and names of this test's own */
    String codeA;
    String nameA;
    String nameB;
    String codeGz;

    @BeforeEach
    void sites() {
        nanchang = new Api(rest, "nc.office");
        n = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        codeA = code("A");
        nameA = "南昌通报测试甲" + n;
        nameB = "南昌通报测试乙" + n;
        codeGz = code("G");
        register("https://a" + n.toLowerCase() + ".nc.gov.cn/", nameA, "NC-EDU", codeA);
        register("https://b" + n.toLowerCase() + ".nc.gov.cn/", nameB, "NC-EDU", code("B"));
        register("https://g" + n.toLowerCase() + ".ganzhou.gov.cn/", "赣州通报测试" + n, "GZ-EDU", codeGz);
    }

    @Test
    void aCsvOpensAFindingOnEachNamedSiteWithTheCircularAsItsSource() {
        String number = "国办函〔2026〕" + n + "号";
        String csv = HEAD + codeA + ",,首页长期不更新,首页超过两周未更新," + number + ",2026-11-02,2026-12-31\n"
                + "," + nameB + ",BROKEN_LINKS,\"存在错链，共12处\"," + number + ",2026-11-02,2026-12-31\n";
        Api.Response imported = nanchang.postFile("/api/inspections/circulars", "tongbao.csv",
                csv.getBytes(StandardCharsets.UTF_8), Map.of("issuer", "国务院办公厅"));
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        JsonNode lines = imported.body().get("lines");
        assertThat(lines).hasSize(2);
        assertThat(imported.body().get("number").asText()).isEqualTo(number);
        assertThat(imported.body().get("replyDue").asText()).isEqualTo("2026-12-31");
        assertThat(lines.get(0).get("websiteName").asText()).isEqualTo(nameA);
        assertThat(lines.get(0).get("indicator").asText()).isEqualTo("HOMEPAGE_STALE");
        assertThat(lines.get(1).get("defect").asText()).isEqualTo("存在错链，共12处");
        for (JsonNode line : lines) {
            assertThat(line.get("caseId").isNull()).as("findings only: a supervisor confirms them").isTrue();
            JsonNode finding = nanchang.get("/api/findings/" + line.get("findingId").asText()).body();
            assertThat(finding.get("status").asText()).isEqualTo("OPEN");
            assertThat(finding.get("origin").asText()).isEqualTo("CIRCULAR");
            assertThat(finding.get("indicator").asText()).isEqualTo(line.get("indicator").asText());
            assertThat(finding.toString()).contains(number).contains(line.get("defect").asText());
        }
        nanchang.postFile("/api/inspections/circulars", "tongbao.csv", csv.getBytes(StandardCharsets.UTF_8),
                Map.of("issuer", "国务院办公厅")).isProblem(409);
    }

    @Test
    void anXlsxOpensCasesAtOnceAndALineOfTheSameSiteAndDefectJoinsTheOpenCase() throws IOException {
        long id = importCases("XLSX");
        JsonNode lines = nanchang.get("/api/inspections/circulars/" + id).body().get("lines");
        assertThat(lines).hasSize(3);
        String caseA = lines.get(0).get("caseId").asText();
        assertThat(lines.get(0).get("caseNumber").asText()).isNotBlank();
        assertThat(lines.get(1).get("caseId").asText()).as("the same site and defect: one case").isEqualTo(caseA);
        assertThat(lines.get(2).get("caseId").asText()).isNotEqualTo(caseA);
        assertThat(jdbc.queryForObject("select count(*) from rectification_case where id in (?, ?)", Integer.class,
                caseA, lines.get(2).get("caseId").asText())).isEqualTo(2);
        assertThat(nanchang.caseView(caseA).get("websiteUrl").asText()).startsWith("https://a" + n.toLowerCase());
        // a 通报 is the result of a higher authority's inspection: its cases count as the inspections'
        assertThat(nanchang.caseView(caseA).get("source").asText()).isEqualTo("INSPECTION");
        assertThat(nanchang.caseView(caseA).get("description").asText()).as("the order says who found it")
                .startsWith("上级通报问题：").doesNotContain("监测情况");
        assertThat(nanchang.caseView(lines.get(2).get("caseId").asText()).get("source").asText()).isEqualTo("INSPECTION");
    }

    @Test
    void aLineThatFollowsTheMonitoringsOpenFindingOpensTheMonitoringsCase() {
        long siteB = jdbc.queryForObject("select id from website where name = ?", Long.class, nameB);
        Instant now = Instant.now();
        transactions.executeWithoutResult(tx -> events.publishEvent(new CheckFailed(new CheckResult(siteB,
                Indicator.BROKEN_LINKS, CheckStatus.FAIL, now, "错链 12 处", List.of()))));
        String monitored = jdbc.queryForObject("select id from finding where website_id = ? and status = 'OPEN'",
                String.class, siteB);

        JsonNode lines = nanchang.get("/api/inspections/circulars/" + importCases("CSV")).body().get("lines");

        // the monitoring saw the failure first: the line confirms its finding, and the case is the monitoring's
        assertThat(lines.get(2).get("findingId").asText()).isEqualTo(monitored);
        assertThat(nanchang.get("/api/findings/" + monitored).body().get("origin").asText()).isEqualTo("MONITORING");
        assertThat(nanchang.caseView(lines.get(2).get("caseId").asText()).get("source").asText()).isEqualTo("MONITOR");
        assertThat(nanchang.caseView(lines.get(0).get("caseId").asText()).get("source").asText()).isEqualTo("INSPECTION");
    }

    @Test
    void everyBadLineIsNamedAndNothingIsImported() {
        String number = "国办函〔2026〕" + n + "号";
        String csv = HEAD
                + "9999999999,,首页长期不更新,首页超过两周未更新," + number + ",2026-11-02,2026-12-31\n"
                + codeGz + ",,首页长期不更新,首页超过两周未更新," + number + ",2026-11-02,2026-12-31\n"
                + codeA + ",,网站太丑,首页超过两周未更新," + number + ",2026-11-02,2026-12-31\n"
                + "," + nameB + ",BROKEN_LINKS,," + number + ",2026-11-02,2026-12-31\n"
                + codeA + ",,TLS,证书过期," + number + ",2026-11-02,明年\n"
                + codeA + ",,TLS,证书过期," + number + ",2026-11-02,2026-12-31\n";
        Api.Response refused = nanchang.postFile("/api/inspections/circulars", "tongbao.csv",
                csv.getBytes(StandardCharsets.UTF_8), Map.of("issuer", "国务院办公厅"));
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactlyInAnyOrder("line 2: siteCode", "line 3: siteCode",
                "line 4: indicator", "line 5: defect", "line 6: replyDue");
        assertThat(refused.text()).contains("不在本单位管辖范围");
        assertThat(jdbc.queryForObject("select count(*) from circular_from_above where number = ?", Integer.class, number))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from finding f join website w on w.id = f.website_id "
                + "where w.site_code = ?", Integer.class, codeA)).as("the good line is not imported either").isZero();
        nanchang.postFile("/api/inspections/circulars", "tongbao.csv", csv.getBytes(StandardCharsets.UTF_8), Map.of())
                .isInvalid("issuer");
    }

    @Test
    void aLineAfterADefectWrittenOnTwoLinesIsNamedByTheLineItStartsOnInTheFile() {
        String number = "国办函〔2026〕" + n + "L号";
        String twoLines = HEAD + codeA + ",,首页长期不更新,\"首页超过两周未更新，\n通知公告停更\"," + number + ",2026-11-02,2026-12-31\n";
        Api.Response refused = nanchang.postFile("/api/inspections/circulars", "tongbao.csv",
                (twoLines + "," + nameB + ",网站太丑,存在错链," + number + ",2026-11-02,2026-12-31\n").getBytes(StandardCharsets.UTF_8),
                Map.of("issuer", "国务院办公厅"));
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("line 4: indicator");

        Api.Response imported = nanchang.postFile("/api/inspections/circulars", "tongbao.csv",
                (twoLines + "," + nameB + ",BROKEN_LINKS,存在错链," + number + ",2026-11-02,2026-12-31\n").getBytes(StandardCharsets.UTF_8),
                Map.of("issuer", "国务院办公厅"));
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        JsonNode lines = imported.body().get("lines");
        assertThat(lines.get(0).get("defect").asText()).isEqualTo("首页超过两周未更新，\n通知公告停更");
        assertThat(lines.findValuesAsText("line")).containsExactly("2", "4");
    }

    @Test
    void onlyAnOfficesSupervisorImportsAndACityOfficeSeesOnlyItsOwn() {
        long id = importCases("CSV");
        String path = "/api/inspections/circulars/" + id;
        assertThat(nanchang.get(path).status()).isEqualTo(200);
        assertThat(nanchang.as("jx.office").get(path).status()).as("the province sees its cities'").isEqualTo(200);
        assertThat(nanchang.as("gz.office").get(path).status()).isEqualTo(404);
        assertThat(nanchang.as("gz.office").get("/api/inspections/circulars").body().toString()).doesNotContain(n);
        assertThat(nanchang.get("/api/inspections/circulars").body().toString()).contains(n);
        assertThat(nanchang.as("nc.edu").get(path).status()).isEqualTo(404);
        assertThat(nanchang.as("nc.supervision").get(path).status()).isEqualTo(404);
        String csv = HEAD + codeA + ",,TLS,证书过期,国办函〔2026〕" + n + "9号,2026-11-02,2026-12-31\n";
        for (String user : List.of("nc.edu", "nc.supervision", "admin")) {
            nanchang.as(user).postFile("/api/inspections/circulars", "t.csv", csv.getBytes(StandardCharsets.UTF_8),
                    Map.of("issuer", "国务院办公厅")).isProblem(403);
        }
        nanchang.as("gz.office").post(path + "/reply", Map.of()).isProblem(404);
        nanchang.as("jx.office").post(path + "/reply", Map.of()).isProblem(403);
    }

    @Test
    void theReplyNamesEveryLinesCaseAndOutcomeAndTheSanctionsAndIsIssuedOnce() throws Exception {
        long id = importCases("CSV");
        String path = "/api/inspections/circulars/" + id;
        JsonNode lines = nanchang.get(path).body().get("lines");
        String closedCase = lines.get(0).get("caseId").asText();
        String openCase = lines.get(2).get("caseId").asText();
        jdbc.update("update rectification_case set status = 'CLOSED', outcome = 'RECTIFIED', closed_at = ? where id = ?",
                OffsetDateTime.parse("2026-12-04T10:00:00+08:00"), closedCase);
        jdbc.update("""
                        insert into sanction (case_id, person_name, post, org_code, responsibility, type, decision_number,
                            decision_date, executed, recorded_by, recorded_at) values (?, '王小明', '网站办主任', 'NC-EDU', 'LEADER',
                            'WARNING', '洪监〔2026〕8号', date '2026-12-03', true, 'nc.supervision', current_timestamp)""",
                closedCase);
        JsonNode after = nanchang.get(path).body().get("lines");
        assertThat(after.get(0).get("done").asBoolean()).isTrue();
        assertThat(after.get(2).get("done").asBoolean()).isFalse();
        assertThat(new Api(rest, "nc.office").download(path + "/reply.pdf").getStatusCode().value()).as("not issued yet").isEqualTo(404);

        Api.Response issued = nanchang.post(path + "/reply", Map.of());
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        assertThat(issued.body().get("number").asText()).matches(".+报〔\\d{4}〕\\d+号");
        nanchang.post(path + "/reply", Map.of()).isProblem(409);

        byte[] pdf = new Api(rest, "nc.office").pdf(path + "/reply.pdf");
        assertThat(new Api(rest, "jx.office").pdf(path + "/reply.pdf")).as("the same bytes on every download").isEqualTo(pdf);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)))
                .isEqualTo(issued.body().get("sha256").asText());
        String text = Poppler.text(pdf).replaceAll("\\s+", "");
        assertThat(text).contains("整改情况").contains("问责情况").contains("国务院办公厅")
                .contains(after.get(0).get("caseNumber").asText()).contains(after.get(2).get("caseNumber").asText())
                .contains("案件编号" + after.get(0).get("caseNumber").asText() + "，已整改，2026年12月4日办结")
                .contains("案件编号" + after.get(2).get("caseNumber").asText() + "，整改中")
                .contains("网站办主任").contains("王＊＊").doesNotContain("王小明").contains("警告").contains("洪监〔2026〕8号")
                .contains("直接负责的主管人员");
        assertThat(nanchang.get(path).body().get("reply").get("sha256").asText()).isEqualTo(issued.body().get("sha256").asText());
        assertThat(openCase).isNotEqualTo(closedCase);
    }

    /** A 通报 of three lines opening cases: site A twice with the same defect, site B once. */
    private long importCases(String format) {
        String number = "国办函〔2026〕" + n + format + "号";
        List<List<String>> rows = List.of(List.of("网站标识码", "网站名称", "问题类型", "问题"),
                List.of(codeA, "", "首页长期不更新", "首页超过两周未更新"),
                List.of(codeA, "", "HOMEPAGE_STALE", "首页“通知公告”停更"),
                List.of("", nameB, "BROKEN_LINKS", "存在错链12处"));
        byte[] file = format.equals("XLSX") ? xlsx(rows) : csv(rows).getBytes(StandardCharsets.UTF_8);
        Map<String, String> fields = new HashMap<>(Map.of("issuer", "国务院办公厅", "number", number,
                "issuedOn", "2026-11-02", "replyDue", "2026-12-31", "opens", "CASE"));
        Api.Response imported = nanchang.postFile("/api/inspections/circulars", "tongbao." + format.toLowerCase(), file, fields);
        assertThat(imported.status()).as(imported.text()).isEqualTo(201);
        return imported.body().get("id").asLong();
    }

    private static String csv(List<List<String>> rows) {
        StringBuilder text = new StringBuilder();
        rows.forEach(row -> text.append(String.join(",", row)).append('\n'));
        return text.toString();
    }

    private static byte[] xlsx(List<List<String>> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet();
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String code(String letter) {
        return (letter + n + "0000000000").substring(0, 10);
    }

    private void register(String url, String name, String orgCode, String siteCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("name", name);
        body.put("orgCode", orgCode);
        body.put("siteCode", siteCode);
        Api.Response created = nanchang.as("admin").post("/api/admin/websites", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
    }
}
