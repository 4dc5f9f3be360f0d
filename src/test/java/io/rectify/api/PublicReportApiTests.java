package io.rectify.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectify.IntegrationTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Public error reports through the API: the public intake and its refusals (nothing stored), the
 * lookup that never shows the contact, the office's triage paths, the body's reply and the review,
 * the import of the national platform's files (idempotent, every bad line named, all or nothing),
 * the contact masked for every role but the triaging office, and a case opened from a report.
 */
class PublicReportApiTests extends IntegrationTest {

    /** 赣州市教育局's site: the 赣州 office triages it, 赣州市教育局 replies. */
    static final String SITE = "https://jyj.ganzhou.gov.cn";
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();
    Api office;
    Api body;
    /** this test's own client address (X-Forwarded-For, believed from loopback), so no test meets another's throttle */
    String address;

    @BeforeEach
    void clients() {
        office = new Api(rest, "gz.office");
        body = office.as("gz.edu");
        address = "198.51.100." + ADDRESSES.getAndIncrement();
    }

    @Test
    void aReportFromThePublicGetsATrackingNumberAndTheLookupNeverShowsTheContact() {
        ResponseEntity<String> created = submit(report("首页“政务公开”栏目链接打不开", "13812345678"));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        String tracking = read(created).get("trackingNumber").asText();
        assertThat(tracking).startsWith("ZC");

        ResponseEntity<String> lookup = rest.getForEntity("/public/reports/" + tracking, String.class);
        assertThat(lookup.getStatusCode().value()).isEqualTo(200);
        JsonNode view = read(lookup);
        assertThat(view.get("trackingNumber").asText()).isEqualTo(tracking);
        assertThat(view.get("status").asText()).isEqualTo("RECEIVED");
        assertThat(view.get("reply").isNull()).isTrue();
        assertThat(view.has("repliedAt")).isTrue();
        assertThat(lookup.getBody()).doesNotContain("13812345678").doesNotContain("1381").doesNotContain("首页");

        assertThat(rest.getForEntity("/public/reports/ZCNOSUCHNUMBER", String.class).getStatusCode().value()).isEqualTo(404);
        // stored: what was typed, and nothing about the sender
        Map<String, Object> row = jdbc.queryForMap("select * from public_report where tracking_number = ?", tracking);
        assertThat(row.get("CONTACT") == null ? row.get("contact") : row.get("CONTACT")).isEqualTo("13812345678");
        assertThat(row.values()).noneMatch(value -> String.valueOf(value).contains(address));
    }

    @Test
    void badPublicReportsAreRefusedNamingTheFieldAndNothingIsStored() {
        int before = count();
        assertInvalid(submit(Map.of("siteUrl", "https://www.example.com", "pageUrl", SITE + "/a.html",
                "description", "错字")), "siteUrl");
        assertInvalid(submit(Map.of("siteUrl", SITE, "pageUrl", SITE + "/a.html", "description", "  ")), "description");
        assertInvalid(submit(Map.of("siteUrl", SITE, "pageUrl", SITE + "/a.html", "description", "错".repeat(20_000))),
                "description");
        assertInvalid(submit(Map.of("siteUrl", SITE, "pageUrl", "ftp://jyj.ganzhou.gov.cn/a", "description", "错字")),
                "pageUrl");
        assertInvalid(submit(Map.of("siteUrl", SITE, "pageUrl", "javascript:alert(1)", "description", "错字")), "pageUrl");
        assertInvalid(submit(Map.of("siteUrl", SITE, "pageUrl", SITE + "/a.html", "description", "错字",
                "contact", "1".repeat(201))), "contact");
        // the honeypot: a field people never see
        assertInvalid(submit(Map.of("siteUrl", SITE, "pageUrl", SITE + "/a.html", "description", "错字",
                "website", "http://spam.example")), "website");
        ResponseEntity<String> malformed = rest.exchange("/public/reports", HttpMethod.POST,
                new HttpEntity<>("{\"siteUrl\":", jsonHeaders()), String.class);
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aFloodFromOneAddressIsRefusedWith429AndNothingMoreIsStored() {
        for (int i = 0; i < 10; i++) {
            assertThat(submit(report("第 " + i + " 个错字", null)).getStatusCode().value()).isEqualTo(201);
        }
        int before = count();
        ResponseEntity<String> refused = submit(report("又一个错字", null));
        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(count()).isEqualTo(before);
        // another address is not concerned
        address = "198.51.100." + ADDRESSES.getAndIncrement();
        assertThat(submit(report("另一个地址的错字", null)).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void forwardedReportIsAnsweredByTheBodyAcceptedByTheOfficeAndThePublicReadsTheReply() {
        String tracking = read(submit(report("联系电话写错了", "reporter@example.com"))).get("trackingNumber").asText();
        String id = idOf(tracking);

        // the body sees nothing before forwarding
        body.get("/api/public-reports/" + id).isProblem(404);
        assertThat(office.get("/api/public-reports/" + id + "/steps").body())
                .extracting(s -> s.get("taskKey").asText()).containsExactly("triageReport");
        // the body may not triage
        body.post("/api/public-reports/" + id + "/steps/triageReport", Map.of("decision", "FORWARD")).isProblem(404);
        office.post("/api/public-reports/" + id + "/steps/triageReport", Map.of("decision", "SEND")).isInvalid("decision");

        step(office, id, "triageReport", Map.of("decision", "FORWARD"), "FORWARDED");
        assertThat(jdbc.queryForObject("select count(*) from notification where kind = 'PUBLIC_REPORT_FORWARDED'"
                + " and recipients = 'org:GZ-EDU' and dedup_key = ?", Integer.class, "PUBLIC_REPORT_FORWARDED:" + id))
                .isEqualTo(1);
        assertThat(status(tracking)).isEqualTo("FORWARDED");
        // the office may not reply for the body, and a step already done is a conflict
        office.post("/api/public-reports/" + id + "/steps/replyToReport", Map.of("reply", "已改")).isProblem(403);
        office.post("/api/public-reports/" + id + "/steps/triageReport", Map.of("decision", "FORWARD")).isProblem(409);
        body.post("/api/public-reports/" + id + "/steps/replyToReport", Map.of()).isInvalid("reply");

        step(body, id, "replyToReport", Map.of("reply", "第一次答复"), "REPLIED");
        office.post("/api/public-reports/" + id + "/steps/reviewReply", Map.of("accepted", false)).isInvalid("comment");
        step(office, id, "reviewReply", Map.of("accepted", false, "comment", "未说明何时更正"), "FORWARDED");
        step(body, id, "replyToReport", Map.of("reply", "已更正联系电话"), "REPLIED");
        assertThat(read(rest.getForEntity("/public/reports/" + tracking, String.class)).get("reply").isNull()).isTrue();
        step(office, id, "reviewReply", Map.of("accepted", true), "DONE");

        JsonNode view = read(rest.getForEntity("/public/reports/" + tracking, String.class));
        assertThat(view.get("status").asText()).isEqualTo("DONE");
        assertThat(view.get("reply").asText()).isEqualTo("已更正联系电话");
        assertThat(view.get("repliedAt").asText()).endsWith("+08:00");
        JsonNode seen = office.get("/api/public-reports/" + id).body();
        assertThat(seen.get("repliedOnTime").asBoolean()).isTrue();
        assertThat(seen.get("overdue").asBoolean()).isFalse();
        assertThat(office.get("/api/public-reports/" + id + "/steps").body()).isEmpty();
    }

    @Test
    void theOfficeRejectsAReportThatIsNoErrorOrMarksADuplicate() {
        String first = read(submit(report("栏目更新不及时", null))).get("trackingNumber").asText();
        String notAnError = read(submit(report("希望增加英文版", null))).get("trackingNumber").asText();
        String again = read(submit(report("栏目更新不及时（再次）", null))).get("trackingNumber").asText();

        office.post("/api/public-reports/" + idOf(notAnError) + "/steps/triageReport", Map.of("decision", "REJECT"))
                .isInvalid("note");
        step(office, idOf(notAnError), "triageReport", Map.of("decision", "REJECT", "note", "属于建议，不是网站错误"),
                "REJECTED");
        JsonNode rejected = read(rest.getForEntity("/public/reports/" + notAnError, String.class));
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("reply").asText()).isEqualTo("属于建议，不是网站错误");

        office.post("/api/public-reports/" + idOf(again) + "/steps/triageReport",
                Map.of("decision", "DUPLICATE", "duplicateOf", "ZCNOTHERE")).isInvalid("duplicateOf");
        step(office, idOf(again), "triageReport", Map.of("decision", "DUPLICATE", "duplicateOf", first), "DUPLICATE");
        assertThat(office.get("/api/public-reports/" + idOf(again)).body().get("duplicateOf").asText()).isEqualTo(first);
        assertThat(status(first)).isEqualTo("RECEIVED");
        // nothing was forwarded, so the body never sees them
        body.get("/api/public-reports/" + idOf(notAnError)).isProblem(404);
    }

    @Test
    void theContactIsReadOnlyByTheTriagingOfficeAndMaskedForEveryOtherRole() {
        String tracking = read(submit(report("办事指南附件无法下载", "13912345678"))).get("trackingNumber").asText();
        String id = idOf(tracking);
        step(office, id, "triageReport", Map.of("decision", "FORWARD"), "FORWARDED");

        assertThat(contactAs("gz.office", id)).isEqualTo("13912345678");
        // SUPERVISOR of the province: sees the report, not the contact
        assertThat(contactAs("jx.office", id)).isEqualTo("139****5678");
        // RESPONDER: the site's body
        assertThat(contactAs("gz.edu", id)).isEqualTo("139****5678");
        // SUPERVISION of the province (Ganzhou has no commission of its own in the demo)
        assertThat(contactAs("jx.supervision", id)).isEqualTo("139****5678");
        // another city's office and body do not see it at all
        office.as("nc.office").get("/api/public-reports/" + id).isProblem(404);
        office.as("nc.edu").get("/api/public-reports/" + id).isProblem(404);
        office.as("jx.edu").get("/api/public-reports/" + id).isProblem(404);
        // the three administrators do not read reports
        for (String administrator : List.of("admin", "security", "auditor")) {
            office.as(administrator).get("/api/public-reports/" + id).isProblem(403);
            office.as(administrator).get("/api/public-reports").isProblem(403);
        }
        // lists mask the same way
        assertThat(office.as("jx.office").get("/api/public-reports").text()).doesNotContain("13912345678");
        assertThat(office.as("gz.edu").get("/api/public-reports").text()).doesNotContain("13912345678");
        assertThat(office.get("/api/public-reports").text()).contains("13912345678");
        // the export never carries it unmasked, even for the triaging office
        Api.Response export = office.get("/api/public-reports/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.text()).contains(tracking).contains("139****5678").doesNotContain("13912345678")
                .contains("查询编号");
        // as XLSX, in English: the same row, the contact masked; every export audited
        HttpHeaders english = new HttpHeaders();
        english.setBasicAuth("gz.office", Api.PASSWORD);
        english.set(HttpHeaders.ACCEPT_LANGUAGE, "en");
        ResponseEntity<byte[]> xlsx = rest.exchange("/api/public-reports/export?format=xlsx", HttpMethod.GET,
                new HttpEntity<>(english), byte[].class);
        assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.getBody()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Tracking number");
            Row row = null;
            for (Row r : sheet) {
                if (tracking.equals(r.getCell(0).getStringCellValue())) {
                    row = r;
                }
            }
            assertThat(row).as("the report's row").isNotNull();
            assertThat(row.getCell(6).getStringCellValue()).isEqualTo("139****5678");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where actor = 'gz.office'"
                + " and action = 'PUBLIC_REPORTS_EXPORTED'", Integer.class)).isGreaterThanOrEqualTo(2);
        office.get("/api/public-reports/export?format=pdf").isInvalid("format");
    }

    @Test
    void importingTheSameNationalFileTwiceStoresEachMessageOnce() {
        String prefix = "N" + UUID.randomUUID().toString().substring(0, 8);
        String csv = "messageId,receivedAt,siteUrl,pageUrl,description,contact\n"
                + prefix + "-1,2026-11-02 09:30:00," + SITE + "," + SITE + "/zwgk/1.html,\"标题错字，\"\"教育\"\"写成\"\"教有\"\"\",13700001111\n"
                + prefix + "-2,2026-11-02T10:00:00+08:00," + SITE + "/," + SITE + "/2.html,页面空白,\n";
        Api.Response first = upload("messages.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.body().get("imported").asInt()).isEqualTo(2);
        Api.Response second = upload("messages.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(second.body().get("imported").asInt()).isZero();
        assertThat(second.body().get("alreadyImported").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from public_report where national_id like ?", Integer.class,
                prefix + "%")).isEqualTo(2);
        assertThat(jdbc.queryForObject("select description from public_report where national_id = ?", String.class,
                prefix + "-1")).isEqualTo("标题错字，\"教育\"写成\"教有\"");
        // each is triaged like a report from the page
        String id = jdbc.queryForObject("select id from public_report where national_id = ?", String.class, prefix + "-1");
        assertThat(office.get("/api/public-reports/" + id + "/steps").body()).hasSize(1);

        // JSON, with one message already known
        List<Map<String, String>> messages = List.of(
                Map.of("messageId", prefix + "-2", "receivedAt", "2026-11-02T10:00:00+08:00", "siteUrl", SITE,
                        "pageUrl", SITE + "/2.html", "description", "页面空白"),
                Map.of("messageId", prefix + "-3", "receivedAt", "2026-11-03T08:00:00+08:00", "siteUrl", SITE,
                        "pageUrl", SITE + "/3.html", "description", "图片不显示", "contact", "wang@example.com"));
        Api.Response fromJson = office.post("/api/public-reports/import", messages);
        assertThat(fromJson.status()).as(fromJson.text()).isEqualTo(200);
        assertThat(fromJson.body().get("imported").asInt()).isEqualTo(1);
        assertThat(fromJson.body().get("alreadyImported").asInt()).isEqualTo(1);
    }

    @Test
    void anXlsxFileIsImportedLikeACsvFile() throws IOException {
        String prefix = "X" + UUID.randomUUID().toString().substring(0, 8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("留言");
            String[][] rows = {
                    {"messageId", "receivedAt", "siteUrl", "pageUrl", "description", "contact"},
                    {prefix + "-1", "2026-11-04 14:00:00", SITE, SITE + "/x.html", "日期显示为 1970 年", "13600002222"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
        }
        Api.Response imported = upload("messages.xlsx", out.toByteArray());
        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(imported.body().get("imported").asInt()).isEqualTo(1);
        assertThat(upload("messages.xlsx", out.toByteArray()).body().get("alreadyImported").asInt()).isEqualTo(1);
    }

    @Test
    void aFileWithBadLinesIsRefusedWholeNamingEveryBadLine() {
        String prefix = "B" + UUID.randomUUID().toString().substring(0, 8);
        String csv = "messageId,receivedAt,siteUrl,pageUrl,description,contact\n"
                + prefix + "-1,2026-11-02 09:30:00," + SITE + "," + SITE + "/1.html,好的一行,\n"
                + prefix + "-2,2026-11-02 09:30:00,https://unknown.example.com," + SITE + "/2.html,未登记的网站,\n"
                + prefix + "-3,昨天," + SITE + ",ftp://x/3.html,,\n"
                + prefix + "-1,2026-11-02 09:30:00," + SITE + "," + SITE + "/1.html,同一编号又一行,\n"
                // a Nanchang site: not the Ganzhou office's to import
                + prefix + "-5,2026-11-02 09:30:00,https://jyj.nc.gov.cn,https://jyj.nc.gov.cn/5.html,辖区外,\n";
        Api.Response refused = upload("messages.csv", csv.getBytes(StandardCharsets.UTF_8));
        refused.isInvalid("lines[3].siteUrl");
        assertThat(refused.errorFields()).contains("lines[4].receivedAt", "lines[4].pageUrl", "lines[4].description",
                "lines[5].messageId", "lines[6].siteUrl").doesNotContain("lines[2].siteUrl");
        assertThat(jdbc.queryForObject("select count(*) from public_report where national_id like ?", Integer.class,
                prefix + "%")).isZero();

        upload("messages.csv", "id,what\n1,2\n".getBytes(StandardCharsets.UTF_8)).isInvalid("file");
        upload("messages.xlsx", "PK not a workbook".getBytes(StandardCharsets.UTF_8)).isInvalid("file");
        office.as("gz.edu").post("/api/public-reports/import", List.of()).isProblem(403);
    }

    @Test
    void theOfficeOpensARectificationCaseFromAReportWithTheReportAsEvidence() {
        String tracking = read(submit(report("招生信息仍为去年内容", "13812340000"))).get("trackingNumber").asText();
        String id = idOf(tracking);
        step(office, id, "triageReport", Map.of("decision", "FORWARD"), "FORWARDED");
        step(body, id, "replyToReport", Map.of("reply", "已更新招生信息"), "REPLIED");
        step(office, id, "reviewReply", Map.of("accepted", true), "DONE");

        body.post("/api/public-reports/" + id + "/case", Map.of("categoryCode", "A33-02")).isProblem(403);
        Api.Response opened = office.post("/api/public-reports/" + id + "/case", Map.of("categoryCode", "A33-02"));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        String caseId = opened.body().get("caseId").asText();
        JsonNode theCase = office.caseView(caseId);
        assertThat(theCase.get("source").asText()).isEqualTo("COMPLAINT");
        assertThat(theCase.get("respondentOrgCode").asText()).isEqualTo("GZ-EDU");
        Api.Response attachments = office.get("/api/cases/" + caseId + "/attachments");
        assertThat(attachments.text()).contains("public-report-" + tracking + ".txt");
        String attachmentId = attachments.body().get(0).get("id").asText();
        String evidence = new String(office.download(caseId, attachmentId).getBody(), StandardCharsets.UTF_8);
        assertThat(evidence).contains(tracking).contains("招生信息仍为去年内容").doesNotContain("13812340000");
        assertThat(office.get("/api/public-reports/" + id).body().get("caseId").asText()).isEqualTo(caseId);
        office.post("/api/public-reports/" + id + "/case", Map.of("categoryCode", "A33-02")).isProblem(409);
    }

    // helpers

    private Map<String, String> report(String description, String contact) {
        Map<String, String> report = new HashMap<>(Map.of("siteUrl", SITE, "pageUrl", SITE + "/zsks/index.html",
                "description", description));
        if (contact != null) {
            report.put("contact", contact);
        }
        return report;
    }

    ResponseEntity<String> submit(Map<String, ?> report) {
        return rest.exchange("/public/reports", HttpMethod.POST, new HttpEntity<>(report, jsonHeaders()), String.class);
    }

    private HttpHeaders jsonHeaders() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Forwarded-For", address);
        return headers;
    }

    private void assertInvalid(ResponseEntity<String> response, String field) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        assertThat(String.valueOf(response.getHeaders().getContentType())).startsWith("application/problem+json");
        assertThat(read(response).get("errors")).as(response.getBody())
                .anySatisfy(error -> assertThat(error.get("field").asText()).isEqualTo(field));
    }

    private Api.Response upload(String fileName, byte[] content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("gz.office", Api.PASSWORD);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        ResponseEntity<String> response = rest.exchange("/api/public-reports/import", HttpMethod.POST,
                new HttpEntity<>(parts, headers), String.class);
        return new Api.Response(response, read(response));
    }

    private void step(Api who, String id, String taskKey, Map<String, ?> values, String expectedStatus) {
        Api.Response done = who.post("/api/public-reports/" + id + "/steps/" + taskKey, values);
        assertThat(done.status()).as(done.text()).isEqualTo(200);
        assertThat(done.body().get("status").asText()).isEqualTo(expectedStatus);
    }

    private String contactAs(String user, String id) {
        Api.Response seen = office.as(user).get("/api/public-reports/" + id);
        assertThat(seen.status()).as(user + ": " + seen.text()).isEqualTo(200);
        return seen.body().get("contact").asText();
    }

    private String status(String tracking) {
        return read(rest.getForEntity("/public/reports/" + tracking, String.class)).get("status").asText();
    }

    private String idOf(String tracking) {
        return jdbc.queryForObject("select id from public_report where tracking_number = ?", String.class, tracking);
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from public_report", Integer.class);
    }

    private JsonNode read(ResponseEntity<String> response) {
        try {
            return response.getBody() == null ? json.nullNode() : json.readTree(response.getBody());
        } catch (IOException e) {
            return json.getNodeFactory().textNode(response.getBody());
        }
    }
}
