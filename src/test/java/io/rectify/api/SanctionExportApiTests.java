package io.rectify.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The sanctions registry as XLSX: to each supervision body exactly the records its registry page
 * shows (its region and below; nothing of another region), in its language, with nothing a
 * spreadsheet would run; refused to every other role; audited and throttled as the CSV.
 */
class SanctionExportApiTests extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void eachSupervisionBodyGetsTheRecordsItsRegistryShowsAndNoOther() throws Exception {
        String person = "孙" + UUID.randomUUID().toString().substring(0, 6);
        String caseNumber = caseWithSanction(person, "=SUM(1+1)");
        FreshBodies fresh = new FreshBodies(jdbc, passwords);
        String city = fresh.user("SUPERVISION", "NC-SUPERVISION");
        String provinceReader = fresh.user("SUPERVISION", "JX-SUPERVISION");
        String otherCity = otherCitySupervision();

        for (String reader : List.of(city, provinceReader)) {
            JsonNode shown = new Api(rest, reader).get("/api/sanctions?personName=" + person).body();
            assertThat(shown).as(reader).hasSize(1);
            JsonNode record = shown.get(0);
            List<List<Object>> rows = CaseExportApiTests.xlsx(download(reader, "format=xlsx&personName=" + person,
                    Locale.SIMPLIFIED_CHINESE).getBody());
            assertThat(rows.get(0)).as(reader).containsExactly("案件编号", "姓名", "职务", "单位代码", "责任", "处分",
                    "处分决定文号", "处分决定日期", "处分期至", "执行情况");
            assertThat(rows).as(reader).hasSize(2);
            assertThat(rows.get(1)).as(reader).containsExactly(caseNumber, person, "'=SUM(1+1)", "NC-EDU",
                    "直接负责的主管人员", "警告", record.get("decisionNumber").asText(),
                    LocalDate.parse(record.get("decisionDate").asText()), record.get("periodEnds").isNull() ? null : LocalDate.parse(record.get("periodEnds").asText()),
                    "执行");
            assertThat(jdbc.queryForObject("select count(*) from audit_entry where actor = ? and action = 'SANCTIONS_READ'"
                    + " and detail like ?", Long.class, reader, "registry export person=" + person + "%")).isEqualTo(1);
        }

        List<List<Object>> none = CaseExportApiTests.xlsx(download(otherCity, "format=xlsx&personName=" + person,
                Locale.SIMPLIFIED_CHINESE).getBody());
        assertThat(none).as("another city's supervision body: the header alone").hasSize(1);

        List<List<Object>> english = CaseExportApiTests.xlsx(download(city, "format=xlsx&personName=" + person,
                Locale.ENGLISH).getBody());
        assertThat(english.get(0)).startsWith("Case number", "Name", "Post");
        assertThat(english.get(1)).contains("directly responsible leader", "warning", "executed");
    }

    @Test
    void everyOtherRoleIsRefusedAndABadFormatIsA400() {
        for (String refused : List.of("nc.office", "nc.edu", "admin", "security", "auditor")) {
            new Api(rest, refused).get("/api/sanctions/export?format=xlsx").isProblem(403);
        }
        String reader = new FreshBodies(jdbc, passwords).user("SUPERVISION", "NC-SUPERVISION");
        new Api(rest, reader).get("/api/sanctions/export?format=ods").isInvalid("format");
        ResponseEntity<byte[]> file = download(reader, "format=xlsx&orgCode=NONE", Locale.SIMPLIFIED_CHINESE);
        assertThat(String.valueOf(file.getHeaders().getContentType()))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment").contains(".xlsx");
        for (int i = 1; i < 10; i++) {
            assertThat(download(reader, "format=" + (i % 2 == 0 ? "csv" : "xlsx") + "&orgCode=NONE", Locale.SIMPLIFIED_CHINESE)
                    .getStatusCode().value()).isEqualTo(200);
        }
        assertThat(download(reader, "format=xlsx&orgCode=NONE", Locale.SIMPLIFIED_CHINESE).getStatusCode().value())
                .as("the eleventh export in a minute, whatever its format").isEqualTo(429);
    }

    private String caseWithSanction(String person, String post) {
        Api office = new Api(rest, "nc.office");
        JsonNode opened = office.openCase("A33-07", "NC-EDU");
        String caseId = opened.get("id").asText();
        Api supervision = new Api(rest, "nc.supervision");
        supervision.complete(caseId, "reviewEscalation", Map.of("decision", "SANCTION", "findings", "未及时撤下不当信息"));
        Map<String, Object> line = AccessRulesApiTests.sanction(person, "NC-EDU");
        line.put("post", post);
        supervision.complete(caseId, "recordSanctions", Map.of("sanctions", List.of(line)));
        return opened.get("caseNumber").asText();
    }

    /** A supervision body of Ganzhou (the demo data has none) and its user. */
    private String otherCitySupervision() {
        String code = "GZ-SUP-" + UUID.randomUUID().toString().substring(0, 6);
        jdbc.update("insert into organization (code, name_zh, name_en, kind, region_code) values (?, ?, ?, 'SUPERVISION', 'GZ')",
                code, "赣州测试监察" + code, "Ganzhou supervision " + code);
        return new FreshBodies(jdbc, passwords).user("SUPERVISION", code);
    }

    private ResponseEntity<byte[]> download(String user, String query, Locale language) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, Api.PASSWORD);
        headers.setAcceptLanguageAsLocales(List.of(language));
        return rest.exchange("/api/sanctions/export?" + query, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
    }
}
