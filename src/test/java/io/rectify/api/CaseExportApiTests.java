package io.rectify.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.IntegrationTest;
import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.casefile.CaseService;
import io.rectify.system.web.ExportSettings;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The case list as XLSX and CSV: the rows of {@code GET /api/cases} with the same filters for the
 * same user, in the same order, with nothing a spreadsheet would run, the header in the caller's
 * language, every export audited, and a list longer than one file refused. Each test exports as a user of its own: exports are
 * throttled per user.
 */
class CaseExportApiTests extends IntegrationTest {

    private static final Map<String, String> STATUS = Map.of("DETECTED", "已立案", "ORDERED", "整改中",
            "RESPONDED", "待核查", "CLOSED", "已结案");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    CaseService cases;

    @Autowired
    ApplicationContext context;

    @Test
    void theWorkbookHoldsTheFilteredListRowByRowAsTheApiGivesIt() throws IOException {
        FreshBodies fresh = new FreshBodies(jdbc, passwords);
        String department = fresh.department("NC");
        String office = fresh.user("SUPERVISOR", "NC-GOV-OFFICE");
        Api nc = new Api(rest, "nc.office");
        String ordered = nc.openCase("A33-04", department).get("id").asText();
        nc.openCase("A33-09", department);
        nc.openCase("A33-02", department);
        nc.complete(ordered, "issueOrder", Map.of("requirements", "三日内更新栏目", "periodWorkingDays", 10));

        String filter = "respondentOrgCode=" + department;
        List<JsonNode> listed = list(new Api(rest, office), filter);
        assertThat(listed).hasSize(3);
        ResponseEntity<byte[]> file = download(office, "/api/cases/export?format=xlsx&" + filter, Locale.SIMPLIFIED_CHINESE);
        assertThat(file.getStatusCode().value()).isEqualTo(200);
        assertThat(String.valueOf(file.getHeaders().getContentType()))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment").contains(".xlsx");

        List<List<Object>> rows = xlsx(file.getBody());
        assertThat(rows.get(0)).containsExactly("案件编号", "标题", "类别", "整改单位", "网站", "状态", "责令整改日期", "整改期限",
                "剩余工作日（负数为逾期）", "移送监察", "结果", "结案日期");
        assertThat(rows).hasSize(listed.size() + 1);
        LocalDate today = cases.today();
        for (int i = 0; i < listed.size(); i++) {
            JsonNode item = listed.get(i);
            List<Object> row = rows.get(i + 1);
            String at = "row " + (i + 1) + " " + row;
            assertThat(row.get(0)).as(at).isEqualTo(item.get("caseNumber").asText());
            assertThat(row.get(1)).as(at).isEqualTo(item.get("title").asText());
            assertThat((String) row.get(2)).as(at).startsWith(item.get("categoryCode").asText() + " ");
            assertThat(row.get(3)).as(at).isEqualTo("测试单位" + department);
            assertThat(row.get(5)).as(at).isEqualTo(STATUS.get(item.get("status").asText()));
            assertThat(row.get(9)).as(at).isEqualTo(item.get("escalated").asBoolean() ? "是" : "否");
            if (item.get("deadline").isNull()) {
                assertThat(row.get(7)).as(at).isNull();
                assertThat(row.get(8)).as(at).isNull();
                assertThat(row.get(6)).as(at).as("no order, no order date").isNull();
            } else {
                LocalDate deadline = LocalDate.parse(item.get("deadline").asText());
                assertThat(row.get(7)).as(at).isEqualTo(deadline);
                assertThat(row.get(8)).as(at).isEqualTo((double) calendar.workingDaysUntil(today, deadline));
                assertThat(row.get(6)).as(at).isEqualTo(today);
            }
            assertThat(row.get(10)).as(at).isNull();
            assertThat(row.get(11)).as(at).isNull();
        }
    }

    @Test
    void aCityOfficeExportsOnlyItsCityAndExactlyWhatItsListShows() throws IOException {
        String office = new FreshBodies(jdbc, passwords).user("SUPERVISOR", "NC-GOV-OFFICE");
        String province = new Api(rest, "jx.office").openCase("A33-03", "JX-HEALTH").get("caseNumber").asText();
        String otherCity = new Api(rest, "gz.office").openCase("A33-03", "GZ-EDU").get("caseNumber").asText();
        String city = new Api(rest, "nc.office").openCase("A33-03", "NC-EDU").get("caseNumber").asText();

        List<String> listed = list(new Api(rest, office), "").stream().map(c -> c.get("caseNumber").asText()).toList();
        List<String> exported = xlsx(download(office, "/api/cases/export?format=xlsx", Locale.SIMPLIFIED_CHINESE).getBody())
                .stream().skip(1).map(row -> (String) row.get(0)).toList();

        assertThat(exported).containsExactlyElementsOf(listed).contains(city).doesNotContain(province, otherCity);
        assertThat(csv(download(office, "/api/cases/export?format=csv", Locale.SIMPLIFIED_CHINESE).getBody()))
                .hasSize(listed.size() + 1);
        // a body that sees no case at all gets the header alone
        assertThat(xlsx(download("admin", "/api/cases/export?format=xlsx", Locale.SIMPLIFIED_CHINESE).getBody())).hasSize(1);
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreNeutralisedInBothFormats() throws IOException {
        String department = new FreshBodies(jdbc, passwords).department("NC");
        String office = new FreshBodies(jdbc, passwords).user("SUPERVISOR", "NC-GOV-OFFICE");
        List<String> titles = List.of("=HYPERLINK(\"http://127.0.0.1/x\",\"点击\")", "+1+1", "-2+3", "@SUM(A1)");
        Api nc = new Api(rest, "nc.office");
        for (String title : titles) {
            Api.Response opened = nc.post("/api/cases", Map.of("categoryCode", "A33-09", "respondentOrgCode", department,
                    "title", title, "description", "网站存在违规情形", "source", "INSPECTION"));
            assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        }
        String filter = "&respondentOrgCode=" + department;

        List<Object> exportedTitles = xlsx(download(office, "/api/cases/export?format=xlsx" + filter, Locale.SIMPLIFIED_CHINESE)
                .getBody()).stream().skip(1).map(row -> row.get(1)).toList();
        assertThat(exportedTitles).containsExactlyInAnyOrderElementsOf(titles.stream().map(t -> "'" + t).toList());

        byte[] csv = download(office, "/api/cases/export?format=csv" + filter, Locale.SIMPLIFIED_CHINESE).getBody();
        String text = new String(csv, StandardCharsets.UTF_8);
        for (String title : titles) {
            assertThat(text).contains(",\"'" + title.replace("\"", "\"\"") + "\",");
        }
        assertThat(text).doesNotContain(",\"=", ",\"+", ",\"-", ",\"@", ",=", ",+", ",@");
    }

    @Test
    void theCsvIsUtf8WithAByteOrderMarkAndTheHeaderSpeaksTheCallersLanguage() throws IOException {
        String office = new FreshBodies(jdbc, passwords).user("SUPERVISOR", "GZ-GOV-OFFICE");
        new Api(rest, "gz.office").openCase("A33-05", "GZ-EDU");

        ResponseEntity<byte[]> csv = download(office, "/api/cases/export?format=csv&respondentOrgCode=GZ-EDU", Locale.ENGLISH);
        assertThat(csv.getStatusCode().value()).isEqualTo(200);
        assertThat(String.valueOf(csv.getHeaders().getContentType())).startsWith("text/csv").contains("UTF-8");
        assertThat(csv.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment").contains(".csv");
        byte[] bytes = csv.getBody();
        assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = csv(bytes);
        assertThat(lines.get(0)).isEqualTo("\uFEFF\"Case number\",\"Title\",\"Category\",\"Responsible body\",\"Website\","
                + "\"Status\",\"Order issued on\",\"Deadline\",\"Working days left (negative: overdue)\",\"Escalated\","
                + "\"Outcome\",\"Closed on\"");
        assertThat(lines.get(1)).contains("\"Opened\"", "\"No\"", "\"A33-05 ");

        List<List<Object>> english = xlsx(download(office, "/api/cases/export?format=xlsx&respondentOrgCode=GZ-EDU",
                Locale.ENGLISH).getBody());
        assertThat(english.get(0).get(0)).isEqualTo("Case number");
        List<List<Object>> chinese = xlsx(download(office, "/api/cases/export?format=xlsx&respondentOrgCode=GZ-EDU",
                Locale.SIMPLIFIED_CHINESE).getBody());
        assertThat(chinese.get(0).get(0)).isEqualTo("案件编号");
        assertThat(chinese.get(1).get(5)).isEqualTo("已立案");
    }

    @Test
    void everyExportIsAuditedAndThrottledAndABadFormatOrFilterIsA400NamingIt() {
        String office = new FreshBodies(jdbc, passwords).user("SUPERVISOR", "NC-GOV-OFFICE");
        Api api = new Api(rest, office);

        api.get("/api/cases/export?format=pdf").isInvalid("format");
        api.get("/api/cases/export").isInvalid("format");
        api.get("/api/cases/export?format=csv&status=SOMETIMES").isInvalid("status");
        api.get("/api/cases/export?format=csv&overdue=perhaps").isInvalid("overdue");

        assertThat(download(office, "/api/cases/export?format=csv&categoryCode=A33-07&escalated=false",
                Locale.SIMPLIFIED_CHINESE).getStatusCode().value()).isEqualTo(200);
        assertThat(jdbc.queryForList("select detail from audit_entry where actor = ? and action = 'CASES_EXPORTED'",
                String.class, office)).singleElement().asString()
                .startsWith("csv [categoryCode=A33-07 escalated=false]: ").endsWith(" row(s)");

        for (int i = 1; i < 10; i++) {
            assertThat(download(office, "/api/cases/export?format=xlsx", Locale.SIMPLIFIED_CHINESE).getStatusCode().value())
                    .as("export " + (i + 1)).isEqualTo(200);
        }
        Api.Response refused = api.get("/api/cases/export?format=xlsx").isProblem(429);
        assertThat(refused.entity().getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(api.get("/api/cases?size=5").status()).as("the list itself is not throttled").isEqualTo(200);
        assertThat(new Api(rest, "anyone").anonymous().get("/api/cases/export?format=csv").status()).isEqualTo(401);
    }

    /**
     * A list longer than one file may hold ({@code rectify.export.max-rows}, here set to 2 on the
     * running controller: a second application context cannot run beside the first's engine) is
     * refused with a 400 that says so before anything is written, never cut off, and not audited.
     */
    @Test
    void moreRowsThanOneFileHoldsIsA400SayingSoNotATruncatedFile() throws Exception {
        FreshBodies fresh = new FreshBodies(jdbc, passwords);
        String department = fresh.department("GZ");
        String user = fresh.user("SUPERVISOR", "GZ-GOV-OFFICE");
        Api office = new Api(rest, user);
        Api gz = new Api(rest, "gz.office");
        for (String category : new String[] {"A33-02", "A33-05", "A33-09"}) {
            gz.openCase(category, department);
        }
        Object controller = AopTestUtils.getTargetObject(context.getBean("caseExportController"));
        Object settings = ReflectionTestUtils.getField(controller, "settings");
        ReflectionTestUtils.setField(controller, "settings", new ExportSettings(2));
        try {
            for (String format : new String[] {"xlsx", "csv"}) {
                Api.Response refused = office.get("/api/cases/export?format=" + format + "&respondentOrgCode=" + department)
                        .isInvalid("rows");
                assertThat(refused.body().get("errors").get(0).get("message").asText())
                        .contains("超过单个文件的上限 2 行", "缩小范围");
            }
            ResponseEntity<byte[]> two = download(user, "/api/cases/export?format=xlsx&respondentOrgCode=" + department
                    + "&categoryCode=A33-05", Locale.SIMPLIFIED_CHINESE);
            assertThat(two.getStatusCode().value()).as("a row within the limit").isEqualTo(200);
            assertThat(xlsx(two.getBody())).hasSize(2);
        } finally {
            ReflectionTestUtils.setField(controller, "settings", settings);
        }
        assertThat(jdbc.queryForList("select detail from audit_entry where action = 'CASES_EXPORTED' and detail like ?",
                String.class, "%respondentOrgCode=" + department + "%")).as("the export that happened, not the refused ones")
                .singleElement().asString().startsWith("xlsx [categoryCode=A33-05 ");
    }

    /** The whole list as the API pages it, by its cursor. */
    static List<JsonNode> list(Api api, String filter) {
        List<JsonNode> all = new ArrayList<>();
        String after = null;
        do {
            Api.Response page = api.get("/api/cases?size=100&" + filter + (after == null ? "" : "&after=" + after));
            assertThat(page.status()).as(page.text()).isEqualTo(200);
            page.body().get("items").forEach(all::add);
            after = page.body().path("next").isTextual() ? page.body().get("next").asText() : null;
        } while (after != null);
        return all;
    }

    ResponseEntity<byte[]> download(String user, String path, Locale language) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, Api.PASSWORD);
        headers.setAcceptLanguageAsLocales(List.of(language));
        return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }

    /** Every row of the first sheet: text as String, dates as LocalDate, numbers as Double, blanks as null. */
    static List<List<Object>> xlsx(byte[] bytes) throws IOException {
        List<List<Object>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            int width = sheet.getRow(0).getLastCellNum();
            for (Row row : sheet) {
                List<Object> cells = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    Cell cell = row.getCell(i);
                    cells.add(cell == null || cell.getCellType() == CellType.BLANK ? null
                            : cell.getCellType() == CellType.STRING ? cell.getStringCellValue()
                            : org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)
                            ? cell.getLocalDateTimeCellValue().toLocalDate() : (Object) cell.getNumericCellValue());
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    static List<String> csv(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    }
}
