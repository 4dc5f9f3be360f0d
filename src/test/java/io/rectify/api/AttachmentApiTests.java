package io.rectify.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;

import io.rectify.IntegrationTest;
import io.rectify.audit.AuditEntry;
import io.rectify.audit.AuditLog;
import io.rectify.casefile.ContentTypesTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** Evidence files: allowed types told from their content, a size limit, safe names, and case access. */
class AttachmentApiTests extends IntegrationTest {

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    @Autowired
    TestRestTemplate rest;

    @Autowired
    AuditLog audit;

    Api office;
    String caseId;

    @BeforeEach
    void aCase() {
        office = new Api(rest, "jx.office");
        caseId = office.openCase("A33-10", "JX-EDU").get("id").asText();
    }

    @Test
    void aPdfIsStoredWithItsHashAndComesBackUnchanged() throws Exception {
        Api.Response uploaded = office.upload(caseId, "整改报告.pdf", PDF);

        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        String id = uploaded.body().get("id").asText();
        assertThat(id).isNotBlank();
        assertThat(uploaded.body().get("name").asText()).isEqualTo("整改报告.pdf");
        assertThat(uploaded.body().get("size").asLong()).isEqualTo(PDF.length);
        assertThat(uploaded.body().get("sha256").asText()).isEqualTo(sha256(PDF));
        assertThat(uploaded.entity().getHeaders().getLocation()).hasToString("/api/cases/" + caseId + "/attachments/" + id);

        for (String user : new String[] {"jx.office", "jx.edu"}) {
            ResponseEntity<byte[]> download = office.as(user).download(caseId, id);
            assertThat(download.getStatusCode().value()).isEqualTo(200);
            assertThat(download.getBody()).isEqualTo(PDF);
            assertThat(download.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment");
            assertThat(String.valueOf(download.getHeaders().getContentType())).isEqualTo("application/pdf");
        }
        // each download is on the record, with the file's hash
        assertThat(audit.ofCase(caseId)).filteredOn(e -> e.action().equals("ATTACHMENT_READ"))
                .extracting(AuditEntry::actor).containsExactly("jx.office", "jx.edu");
    }

    @Test
    void anExecutableNamedPdfIsRefused() {
        byte[] executable = {'M', 'Z', (byte) 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00};
        office.upload(caseId, "evil.pdf", executable).isProblem(415);
        byte[] elf = {0x7F, 'E', 'L', 'F', 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00};
        office.upload(caseId, "report.pdf", elf).isProblem(415);
        // the type is told from the content, never from the name: neither executable was stored
        assertThat(office.get("/api/cases/" + caseId + "/attachments").body()).isEmpty();
    }

    @Test
    void aZipRenamedDocxIsRefusedAndARealDocxIsStored() {
        byte[] zip = ContentTypesTest.zip("readme.txt", "payload.bin");
        office.upload(caseId, "整改报告.docx", zip).isProblem(415);
        assertThat(office.get("/api/cases/" + caseId + "/attachments").body()).isEmpty();

        Api.Response docx = office.upload(caseId, "整改报告.docx", ContentTypesTest.docx());
        assertThat(docx.status()).as(docx.text()).isEqualTo(201);
        ResponseEntity<byte[]> download = office.download(caseId, docx.body().get("id").asText());
        assertThat(String.valueOf(download.getHeaders().getContentType()))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    @Test
    void anEmptyFileIsRefusedAsBadInput() {
        office.upload(caseId, "empty.txt", new byte[0]).isProblem(400);
    }

    @Test
    void anExeIsRefused() {
        byte[] executable = {'M', 'Z', (byte) 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00};
        office.upload(caseId, "setup.exe", executable).isProblem(415);
        office.upload(caseId, "readme.exe", "just text".getBytes(StandardCharsets.UTF_8)).isProblem(415);
        office.upload(caseId, "report.pdf.exe", PDF).isProblem(415);
    }

    @RepeatedTest(3)
    void aFileOverTwentyMegabytesIsTooLarge() {
        byte[] big = Arrays.copyOf(PDF, 21 * 1024 * 1024);
        office.upload(caseId, "big.pdf", big).isProblem(413);
        assertThat(office.get("/api/cases/" + caseId + "/attachments").body()).isEmpty();
    }

    @Test
    void aNameWithFoldersIsStoredAsItsLastPartAndNeverUsedAsAPath() throws IOException {
        byte[] text = "root:x:0:0".getBytes(StandardCharsets.UTF_8);
        Api.Response uploaded = office.upload(caseId, "../../etc/passwd.txt", text);

        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        assertThat(uploaded.body().get("name").asText()).isEqualTo("passwd.txt");
        ResponseEntity<byte[]> download = office.download(caseId, uploaded.body().get("id").asText());
        assertThat(download.getBody()).isEqualTo(text);
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("passwd.txt");

        Api.Response windows = office.upload(caseId, "..\\..\\windows\\win.txt", text);
        assertThat(windows.status()).as(windows.text()).isEqualTo(201);
        assertThat(windows.body().get("name").asText()).isEqualTo("win.txt");

        Path attachments = Path.of("target/test-data/attachments");
        assertThat(attachments).as("files are kept under the configured data dir").isDirectory();
        try (Stream<Path> files = Files.walk(Path.of("target/test-data"))) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("passwd.txt", "win.txt");
        }
        try (Stream<Path> files = Files.list(attachments)) {
            assertThat(files.filter(p -> Arrays.equals(read(p), text))).isNotEmpty();
        }
        assertThat(Path.of("target/etc/passwd.txt")).doesNotExist();
        assertThat(Path.of("etc/passwd.txt")).doesNotExist();
    }

    @Test
    void anUploadWithoutAUsableFileIsABadRequest() {
        office.upload(caseId, "..", PDF).isProblem(400);
        office.upload(caseId, "", PDF).isProblem(400);
        office.post("/api/cases/" + caseId + "/attachments", java.util.Map.of("file", "x")).isProblem(415);
    }

    @Test
    void whoCannotSeeTheCaseCannotUploadOrDownload() {
        String id = office.upload(caseId, "evidence.pdf", PDF).body().get("id").asText();

        for (String user : new String[] {"gz.edu", "jx.health", "nc.office", "jx.supervision", "admin"}) {
            Api stranger = office.as(user);
            stranger.upload(caseId, "mine.pdf", PDF).isProblem(404);
            assertThat(stranger.download(caseId, id).getStatusCode().value()).as(user).isEqualTo(404);
            stranger.get("/api/cases/" + caseId + "/attachments").isProblem(404);
        }
        assertThat(office.get("/api/cases/" + caseId + "/attachments").body()).hasSize(1);
    }

    @Test
    void anAttachmentIsReadOnlyThroughItsOwnCase() {
        String id = office.upload(caseId, "evidence.pdf", PDF).body().get("id").asText();
        String otherCase = office.openCase("A33-10", "JX-HEALTH").get("id").asText();

        assertThat(office.download(otherCase, id).getStatusCode().value()).isEqualTo(404);
        assertThat(office.download(caseId, "no-such-attachment").getStatusCode().value()).isEqualTo(404);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
