package io.rectify.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.IntegrationTest;
import io.rectify.api.Api;
import io.rectify.api.FreshBodies;
import io.rectify.api.ResponseValues;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.util.LinkedMultiValueMap;

/** API.md "Documents": issued with their steps, frozen, listed and downloaded by who may see the case. */
class DocumentApiTests extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    Documents documents;

    Api office;
    String body;
    Api respondent;

    @BeforeEach
    void signIn() {
        office = new Api(rest, "jx.office");
        body = new FreshBodies(jdbc, passwords).department("JX");
        respondent = office.as(body.toLowerCase());
    }

    @Test
    void anOrderIsIssuedAsAFrozenDocumentDownloadedByteForByte() {
        JsonNode opened = office.openCase("A33-04", body);
        String caseId = opened.get("id").asText();
        String number = opened.get("caseNumber").asText();
        Api.Response upload = office.upload(caseId, "首页截图.png", png());
        assertThat(upload.status()).as(upload.text()).isEqualTo(201);
        assertThat(office.get("/api/cases/" + caseId + "/documents").body()).as("nothing before the order").isEmpty();

        office.complete(caseId, "issueOrder", Map.of("requirements", "立即更新首页。\n补发应公开的预算信息。"));

        JsonNode listed = office.get("/api/cases/" + caseId + "/documents").body();
        assertThat(listed).hasSize(1);
        JsonNode order = listed.get(0);
        assertThat(order.get("kind").asText()).isEqualTo("ORDER");
        assertThat(order.get("number").asText()).isEqualTo(number);
        assertThat(order.get("title").asText()).startsWith("关于责令").endsWith("的通知");
        assertThat(order.get("replaces").isNull()).isTrue();
        assertThat(order.get("issuedAt").asText()).isNotEmpty();

        byte[] first = download(office, caseId, order.get("id").asText());
        byte[] second = download(respondent, caseId, order.get("id").asText());
        assertThat(second).as("the same bytes on every download").isEqualTo(first);
        assertThat(sha256(first)).isEqualTo(order.get("sha256").asText());
        assertThat((long) first.length).isEqualTo(order.get("size").asLong());

        String text = Poppler.text(first);
        assertThat(text).contains(number, "江西省人民政府办公厅", "测试单位" + body, "一、整改要求", "补发应公开的预算信息",
                "首页截图.png", upload.body().get("sha256").asText());
        assertThat(Poppler.fontRows(first)).allSatisfy(row -> assertThat(row).contains(" yes yes yes "));
        assertThat(documents.latest(caseId, DocumentKind.ORDER)).get()
                .satisfies(d -> assertThat(d.bytes()).isEqualTo(first))
                .satisfies(d -> assertThat(d.fileName()).endsWith(".pdf"));
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where case_id = ? and action = 'DOCUMENT_ISSUED'",
                Integer.class, caseId)).isEqualTo(1);
    }

    @Test
    void nobodyReadsTheDocumentsOfACaseTheyMayNotSee() {
        String caseId = office.openCase("A33-04", body).get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "限期整改"));
        String documentId = office.get("/api/cases/" + caseId + "/documents").body().get(0).get("id").asText();

        for (String outsider : List.of("gz.office", "jx.health", "jx.supervision")) {
            Api other = office.as(outsider);
            other.get("/api/cases/" + caseId + "/documents").isProblem(404);
            other.get("/api/cases/" + caseId + "/documents/" + documentId).isProblem(404);
            other.get("/api/cases/" + caseId + "/case-file").isProblem(404);
        }
        office.get("/api/cases/" + caseId + "/documents/no-such-document").isProblem(404);
        office.anonymous().get("/api/cases/" + caseId + "/documents").isProblem(401);
    }

    @Test
    void verdictsReferralsAndSanctionsIssueTheirDocuments() {
        // A33-07 escalates at once: the referral
        String caseId = office.openCase("A33-07", body).get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "立即撤下"));
        respondent.complete(caseId, "respond", ResponseValues.of("A33-07"));
        office.complete(caseId, "verify", Map.of("accepted", false, "comment", "仍可访问"));
        Api supervision = office.as("jx.supervision");
        supervision.complete(caseId, "reviewEscalation", Map.of("decision", "SANCTION", "findings", "查实"));
        supervision.complete(caseId, "recordSanctions", Map.of("sanctions", List.of(Map.of("personName", "欧阳明辉",
                "post", "科长", "orgCode", body, "responsibility", "STAFF", "type", "WARNING",
                "decisionNumber", "赣监〔2026〕8号", "decisionDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()))));

        JsonNode listed = office.get("/api/cases/" + caseId + "/documents").body();
        List<String> kinds = new ArrayList<>();
        listed.forEach(d -> kinds.add(d.get("kind").asText()));
        assertThat(kinds).contains("ORDER", "REFERRAL", "VERIFICATION", "SANCTION_RECORD");

        JsonNode register = find(listed, "SANCTION_RECORD");
        String registerText = Poppler.text(download(office, caseId, register.get("id").asText()));
        assertThat(registerText).contains("欧阳＊＊", "警告", "赣监〔2026〕8号").doesNotContain("欧阳明辉");
        String referral = Poppler.text(download(office, caseId, find(listed, "REFERRAL").get("id").asText()));
        assertThat(referral).contains("江西省监察委员会", "移送");
        String verdict = Poppler.text(download(office, caseId, find(listed, "VERIFICATION").get("id").asText()));
        assertThat(verdict).contains("整改未到位", "仍可访问");

        // the case file shows the department no sanction event and not the review's findings
        assertThat(Poppler.text(caseFile("jx.supervision", caseId))).contains("记录处分", "查实");
        assertThat(Poppler.text(caseFile(body.toLowerCase(), caseId))).doesNotContain("记录处分", "查实");
    }

    private byte[] caseFile(String reader, String caseId) {
        ResponseEntity<byte[]> file = rest.exchange("/api/cases/" + caseId + "/case-file", HttpMethod.GET,
                new HttpEntity<>(basic(reader)), byte[].class);
        assertThat(file.getStatusCode().value()).as(reader).isEqualTo(200);
        return file.getBody();
    }

    @Test
    void aCorrectionIsANewDocumentNamingTheOneItReplaces() {
        String caseId = office.openCase("A33-04", body).get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "限期整改"));
        JsonNode original = office.get("/api/cases/" + caseId + "/documents").body().get(0);
        String path = "/api/cases/" + caseId + "/documents/" + original.get("id").asText();
        byte[] originalBytes = download(office, caseId, original.get("id").asText());

        respondent.post(path + "/reissue", Map.of("reason", "想改")).isProblem(403);
        office.post(path + "/reissue", Map.of("reason", " ")).isInvalid("reason");

        Api.Response corrected = office.post(path + "/reissue", Map.of("reason", "单位名称有误"));
        assertThat(corrected.status()).as(corrected.text()).isEqualTo(201);
        assertThat(corrected.body().get("replaces").asText()).isEqualTo(original.get("id").asText());
        assertThat(corrected.body().get("number").asText()).isEqualTo(original.get("number").asText());
        assertThat(office.get("/api/cases/" + caseId + "/documents").body()).hasSize(2);
        assertThat(download(office, caseId, original.get("id").asText())).as("the replaced one stays as issued")
                .isEqualTo(originalBytes);
    }

    @Test
    void aSealConfiguredForTheBodyIsPrintedOverTheSignature() {
        Api admin = office.as("admin");
        String caseId = office.openCase("A33-04", body).get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "限期整改"));
        JsonNode unsealed = office.get("/api/cases/" + caseId + "/documents").body().get(0);
        assertThat(images(download(office, caseId, unsealed.get("id").asText())))
                .as("no seal is drawn for a body without one").isZero();

        assertThat(putSeal(office, "JX-GOV-OFFICE").getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> set = putSeal(admin, "JX-GOV-OFFICE");
        assertThat(set.getStatusCode().value()).as(set.getBody()).isEqualTo(200);
        try {
            Api.Response corrected = office.post("/api/cases/" + caseId + "/documents/" + unsealed.get("id").asText() + "/reissue",
                    Map.of("reason", "加盖印章"));
            assertThat(corrected.status()).as(corrected.text()).isEqualTo(201);
            byte[] sealed = download(office, caseId, corrected.body().get("id").asText());
            assertThat(images(sealed)).as("the seal over the signature").isEqualTo(1);
        } finally {
            admin.delete("/api/admin/bodies/JX-GOV-OFFICE/seal");
        }
    }

    @Test
    void theCaseFileHoldsEveryDocumentWithBookmarks() throws Exception {
        String caseId = office.openCase("A33-04", body).get("id").asText();
        office.upload(caseId, "证据.png", png());
        office.complete(caseId, "issueOrder", Map.of("requirements", "限期整改"));
        office.post("/api/cases/" + caseId + "/urge", Map.of("message", "请抓紧整改"));
        ResponseEntity<byte[]> file = rest.exchange("/api/cases/" + caseId + "/case-file", HttpMethod.GET,
                new HttpEntity<>(basic("jx.office")), byte[].class);
        assertThat(file.getStatusCode().value()).isEqualTo(200);
        assertThat(file.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        String text = Poppler.text(file.getBody());
        JsonNode listed = office.get("/api/cases/" + caseId + "/documents").body();
        assertThat(text).contains("案", "目", "办理记录", "证据材料", "审计记录", "证据.png", "发文");
        // the Latin face sets ff and ffi as ligatures (U+FB00…), which pdftotext gives as such: compared as NFKC
        String joined = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).replaceAll("\\s", "");
        listed.forEach(d -> assertThat(joined).contains(d.get("number").asText(), d.get("sha256").asText()));
        try (PDDocument pdf = Loader.loadPDF(file.getBody())) {
            List<String> bookmarks = new ArrayList<>();
            for (PDOutlineItem item : pdf.getDocumentCatalog().getDocumentOutline().children()) {
                bookmarks.add(item.getTitle());
                item.children().forEach(child -> bookmarks.add(child.getTitle()));
            }
            assertThat(bookmarks).contains("封面", "目录", "办理记录", "证据材料", "审计记录", "已发文书");
            assertThat(bookmarks).anySatisfy(b -> assertThat(b).startsWith(listed.get(0).get("number").asText()));
        }
    }

    private static JsonNode find(JsonNode listed, String kind) {
        for (JsonNode d : listed) {
            if (d.get("kind").asText().equals(kind)) {
                return d;
            }
        }
        throw new AssertionError("no " + kind + " in " + listed);
    }

    private byte[] download(Api as, String caseId, String documentId) {
        String user = as == office ? "jx.office" : as == respondent ? body.toLowerCase() : null;
        ResponseEntity<byte[]> r = rest.exchange("/api/cases/" + caseId + "/documents/" + documentId, HttpMethod.GET,
                new HttpEntity<>(basic(user == null ? "jx.office" : user)), byte[].class);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        assertThat(r.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        return r.getBody();
    }

    private ResponseEntity<String> putSeal(Api as, String code) {
        HttpHeaders headers = basic(as == office ? "jx.office" : "admin");
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(sealPng()) {
            @Override
            public String getFilename() {
                return "seal.png";
            }
        });
        return rest.exchange("/api/admin/bodies/" + code + "/seal", HttpMethod.PUT, new HttpEntity<>(parts, headers), String.class);
    }

    private static HttpHeaders basic(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, Api.PASSWORD);
        return headers;
    }

    /** The images drawn in a PDF: the seal, when there is one (the documents have no other). */
    private static int images(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int count = 0;
            for (org.apache.pdfbox.pdmodel.PDPage page : document.getPages()) {
                for (org.apache.pdfbox.cos.COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().isImageXObject(name)) {
                        count++;
                    }
                }
            }
            return count;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] png() {
        return image(16, 0x336699);
    }

    /** A red ring on a transparent ground, as a seal's image is. */
    static byte[] sealPng() {
        BufferedImage seal = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = seal.createGraphics();
        g.setColor(new java.awt.Color(215, 0, 15));
        g.setStroke(new java.awt.BasicStroke(12));
        g.drawOval(10, 10, 180, 180);
        g.fillOval(80, 80, 40, 40);
        g.dispose();
        return write(seal);
    }

    private static byte[] image(int size, int rgb) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < size; x++) {
            for (int y = 0; y < size; y++) {
                image.setRGB(x, y, rgb);
            }
        }
        return write(image);
    }

    private static byte[] write(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
