package io.rectify.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectify.PageTest;
import io.rectify.api.Api;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The registry's new fields through POST /api/admin/websites, and the province's list imported from
 * CSV or XLSX: all or nothing, every bad line named by its number.
 */
class WebsiteRegistryApiTests extends PageTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aWebsiteIsRegisteredWithItsCodeFilingNumbersAndColumns() {
        Api admin = api("admin");
        String n = suffix();
        Map<String, Object> body = site("https://r" + n + ".jxedu.gov.cn/", "R" + n);
        Api.Response created = admin.post("/api/admin/websites", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().get("siteCode").asText()).isEqualTo(body.get("siteCode"));
        assertThat(created.body().get("state").asText()).isEqualTo("OPEN");
        assertThat(created.body().get("columns").get(0).get("kind").asText()).isEqualTo("NEWS");

        admin.post("/api/admin/websites", site("https://s" + n + ".jxedu.gov.cn/", "R" + n)).isInvalid("siteCode");
        Map<String, Object> badCode = site("https://t" + n + ".jxedu.gov.cn/", "short");
        admin.post("/api/admin/websites", badCode).isInvalid("siteCode");
        Map<String, Object> badColumn = site("https://u" + n + ".jxedu.gov.cn/", "U" + n);
        badColumn.put("columns", List.of(Map.of("name", "动态", "url", "javascript:alert(1)", "kind", "GOSSIP")));
        Api.Response refused = admin.post("/api/admin/websites", badColumn).isInvalid("columns[0].url");
        assertThat(refused.errorFields()).contains("columns[0].kind");
        admin.post("/api/admin/websites", site("gopher://v" + n + ".jxedu.gov.cn/", "V" + n)).isInvalid("url");
    }

    @Test
    void anEditThatLeavesTheRegistryFieldsOutKeepsThem() {
        Api admin = api("admin");
        String n = suffix();
        Map<String, Object> body = site("https://k" + n + ".jxedu.gov.cn/", "K" + n);
        Api.Response created = admin.post("/api/admin/websites", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.body().get("id").asText();

        // what the administrator's page sends: the address, the name, the owner and the version only
        Api.Response edited = admin.exchange(HttpMethod.PUT, "/api/admin/websites/" + id, Map.of("url", body.get("url"),
                "name", "改名后的网站", "orgCode", "JX-EDU", "version", created.body().get("version").asLong()));
        assertThat(edited.status()).as(edited.text()).isEqualTo(200);
        assertThat(edited.body().get("name").asText()).isEqualTo("改名后的网站");
        assertThat(edited.body().get("siteCode").asText()).isEqualTo(body.get("siteCode"));
        assertThat(edited.body().get("icpNumber").asText()).isEqualTo(body.get("icpNumber"));
        assertThat(edited.body().get("psbNumber").asText()).isEqualTo(body.get("psbNumber"));
        assertThat(edited.body().get("state").asText()).isEqualTo("OPEN");
        assertThat(edited.body().get("columns")).hasSize(1);
    }

    @Test
    void aCsvIsImportedWholeOrNotAtAllWithEveryBadLineNamed() {
        String n = suffix();
        String good = "网站标识码,网站名称,首页地址,主办单位,状态,ICP备案号,公安备案号,栏目\n"
                + code("A", n) + ",导入网站一,https://a" + n + ".nc.gov.cn/,NC-EDU,OPEN,赣ICP备1号,赣公网安备1号,\"动态|https://a" + n + ".nc.gov.cn/d/|NEWS;通知|https://a" + n + ".nc.gov.cn/t/|NOTICE\"\n"
                + code("B", n) + ",导入网站二,https://b" + n + ".nc.gov.cn/,NC-EDU,CLOSED,,,\n";
        String bad = good
                + code("C", n) + ",导入网站三,not-a-url,NC-EDU,OPEN,,,\n"
                + code("D", n) + ",,https://d" + n + ".nc.gov.cn/,NO-SUCH-BODY,MAYBE,,,\n"
                + code("A", n) + ",重复标识码,https://e" + n + ".nc.gov.cn/,NC-EDU,,,,\n";
        ResponseEntity<String> refused = upload("sites.csv", ("\uFEFF" + bad).getBytes(StandardCharsets.UTF_8));
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        List<String> fields = fields(refused);
        assertThat(fields).contains("line 4: url", "line 5: name", "line 5: orgCode", "line 5: state", "line 6: siteCode");
        assertThat(fields).noneMatch(f -> f.startsWith("line 2") || f.startsWith("line 3"));
        assertThat(sitesOf("NC-EDU")).noneMatch(url -> url.contains(n));

        ResponseEntity<String> imported = upload("sites.csv", good.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.getStatusCode().value()).as(imported.getBody()).isEqualTo(201);
        assertThat(sitesOf("NC-EDU")).contains("https://a" + n + ".nc.gov.cn/", "https://b" + n + ".nc.gov.cn/");
    }

    @Test
    void aLineAfterColumnsWrittenOnTwoLinesIsNamedByTheLineItStartsOnInTheFile() {
        String n = suffix();
        String csv = "siteCode,name,url,orgCode,columns\n"
                + code("L", n) + ",两行栏目,https://l" + n + ".nc.gov.cn/,NC-EDU,\"动态|https://l" + n + ".nc.gov.cn/d/|NEWS\n"
                + "通知|https://l" + n + ".nc.gov.cn/t/|NOTICE\"\n"
                + code("M", n) + ",地址有误,not-a-url,NC-EDU,\n";
        ResponseEntity<String> refused = upload("sites.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("line 4: url");
        assertThat(sitesOf("NC-EDU")).noneMatch(url -> url.contains(n));
    }

    @Test
    void anXlsxIsImportedAndAnUnreadableFileRefused() throws IOException {
        String n = suffix();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("网站");
            String[][] rows = {{"siteCode", "name", "url", "orgCode", "columns"},
                    {code("X", n), "表格网站", "https://x" + n + ".ganzhou.gov.cn/", "GZ-EDU", "政策|https://x" + n + ".ganzhou.gov.cn/p/|POLICY"}};
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
        }
        ResponseEntity<String> imported = upload("sites.xlsx", out.toByteArray());
        assertThat(imported.getStatusCode().value()).as(imported.getBody()).isEqualTo(201);
        assertThat(sitesOf("GZ-EDU")).contains("https://x" + n + ".ganzhou.gov.cn/");

        ResponseEntity<String> broken = upload("sites.xlsx", "PK\u0003\u0004 not really a workbook".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(broken.getStatusCode().value()).isEqualTo(400);
        assertThat(fields(broken)).contains("file");
        ResponseEntity<String> noHeading = upload("sites.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        assertThat(fields(noHeading)).contains("line 1: url");
    }

    private ResponseEntity<String> upload(String name, byte[] content) {
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth("admin", Api.PASSWORD).postForEntity("/api/admin/websites/import", new HttpEntity<>(form, headers),
                String.class);
    }

    private List<String> sitesOf(String orgCode) {
        List<String> urls = new java.util.ArrayList<>();
        for (JsonNode site : api("admin").get("/api/admin/websites").body()) {
            if (site.get("orgCode").asText().equals(orgCode)) {
                urls.add(site.get("url").asText());
            }
        }
        return urls;
    }

    private static List<String> fields(ResponseEntity<String> response) {
        try {
            return JSON.readTree(response.getBody()).path("errors").findValuesAsText("field");
        } catch (IOException notJson) {
            throw new AssertionError(response.getBody(), notJson);
        }
    }

    private static Map<String, Object> site(String url, String siteCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("name", "登记测试网站");
        body.put("orgCode", "JX-EDU");
        body.put("siteCode", siteCode.length() == 10 || siteCode.equals("short") ? siteCode : (siteCode + "0000000000").substring(0, 10));
        body.put("icpNumber", "赣ICP备05001234号");
        body.put("psbNumber", "赣公网安备36010202000123号");
        body.put("columns", List.of(Map.of("name", "工作动态", "url", url + "gzdt/", "kind", "NEWS")));
        return body;
    }

    private static String code(String letter, String n) {
        return (letter + n + "0000000000").substring(0, 10);
    }

    private static String suffix() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    }
}
