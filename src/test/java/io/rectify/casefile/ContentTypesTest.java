package io.rectify.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

/** Evidence types told from the content: real documents pass, a renamed file of another kind does not. */
public class ContentTypesTest {

    public static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R',
            0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1};

    /** A Word document as Word writes it: its content types first, then the main part. */
    public static byte[] docx() {
        return zip("[Content_Types].xml", "_rels/.rels", "word/document.xml");
    }

    static byte[] xlsx() {
        return zip("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml");
    }

    public static byte[] zip(String... entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Test
    void realDocumentsImagesAndTextAreAcceptedAsWhatTheyAre() {
        assertThat(ContentTypes.detect(PDF, "报告.pdf")).hasValue("application/pdf");
        assertThat(ContentTypes.detect(PNG, "截图.PNG")).hasValue("image/png");
        assertThat(ContentTypes.detect(JPEG, "photo.jpg")).hasValue("image/jpeg");
        assertThat(ContentTypes.detect(JPEG, "photo.jpeg")).hasValue("image/jpeg");
        assertThat(ContentTypes.detect(docx(), "整改报告.docx")).hasValue(ContentTypes.DOCX);
        assertThat(ContentTypes.detect(xlsx(), "台账.xlsx")).hasValue(ContentTypes.XLSX);
        assertThat(ContentTypes.detect("序号,网站\n1,www.example.gov.cn\n".getBytes(StandardCharsets.UTF_8), "list.csv"))
                .hasValue("text/plain");
        assertThat(ContentTypes.detect("整改情况说明".getBytes(StandardCharsets.UTF_8), "说明.txt")).hasValue("text/plain");
    }

    @Test
    void aDocumentWhoseContentTypesComeLastIsStillADocument() {
        // a package may hold [Content_Types].xml anywhere; Tika's core magic looks only at the first entry
        assertThat(ContentTypes.detect(zip("_rels/.rels", "word/document.xml", "[Content_Types].xml"), "a.docx"))
                .hasValue(ContentTypes.DOCX);
        assertThat(ContentTypes.detect(zip("_rels/.rels", "xl/workbook.xml", "[Content_Types].xml"), "a.xlsx"))
                .hasValue(ContentTypes.XLSX);
    }

    @Test
    void aZipRenamedDocxOrXlsxIsRefused() {
        byte[] plainZip = zip("readme.txt", "setup.exe");
        assertThat(ContentTypes.detect(plainZip, "整改报告.docx")).isEmpty();
        assertThat(ContentTypes.detect(plainZip, "台账.xlsx")).isEmpty();
        assertThat(ContentTypes.detect(plainZip, "archive.zip")).isEmpty();
        // a package with content types but without a document in it is not a document either
        assertThat(ContentTypes.detect(zip("[Content_Types].xml", "payload.bin"), "a.docx")).isEmpty();
    }

    @Test
    void aDocumentUnderTheOtherDocumentsExtensionIsRefused() {
        assertThat(ContentTypes.detect(xlsx(), "整改报告.docx")).isEmpty();
        assertThat(ContentTypes.detect(docx(), "台账.xlsx")).isEmpty();
        assertThat(ContentTypes.detect(docx(), "整改报告.pdf")).isEmpty();
    }

    @Test
    void aNameThatDisagreesWithTheContentIsRefused() {
        assertThat(ContentTypes.detect(PNG, "photo.jpg")).isEmpty();
        assertThat(ContentTypes.detect(PDF, "report.txt")).isEmpty();
        assertThat(ContentTypes.detect(PDF, "report")).isEmpty();
        assertThat(ContentTypes.detect("just text".getBytes(StandardCharsets.UTF_8), "readme.pdf")).isEmpty();
    }

    @Test
    void executablesAndMarkupAreRefusedWhateverTheirName() {
        byte[] exe = {'M', 'Z', (byte) 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00};
        assertThat(ContentTypes.detect(exe, "evil.pdf")).isEmpty();
        assertThat(ContentTypes.detect(exe, "evil.txt")).isEmpty();
        assertThat(ContentTypes.detect("<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "a.txt"))
                .isEmpty();
    }

    @Test
    void aBrokenZipIsNoDocument() {
        byte[] docx = docx();
        byte[] truncated = java.util.Arrays.copyOf(docx, 40);
        assertThat(ContentTypes.detect(truncated, "a.docx")).isEmpty();
    }
}
