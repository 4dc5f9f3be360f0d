package io.rectify.casefile;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.tika.Tika;

/**
 * The allowed evidence types, told from the file's content by Apache Tika, never from its name or
 * the header the browser sent. The name's extension must agree with the content.
 *
 * <p>Tika's core tells a zip from a PDF or an image, but not a Word document from any other zip:
 * given the name it takes every zip named {@code .docx} for one, and from the content alone it says
 * at most "some OOXML package", and only when {@code [Content_Types].xml} is the zip's first entry
 * (the package format lets a writer put it anywhere). Its OOXML detector lives in the parser modules
 * with Apache POI, tens of megabytes for one check. So a zip is a document here when its entries say so: an OOXML package
 * lists {@code [Content_Types].xml} and its main part, {@code word/document.xml} or {@code xl/workbook.xml}.
 */
final class ContentTypes {

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final Map<String, Set<String>> EXTENSIONS = Map.of(
            "application/pdf", Set.of("pdf"),
            "image/png", Set.of("png"),
            "image/jpeg", Set.of("jpg", "jpeg"),
            "image/gif", Set.of("gif"),
            DOCX, Set.of("docx"),
            XLSX, Set.of("xlsx"),
            "text/plain", Set.of("txt", "csv"));

    /** what Tika's core may call an OOXML document from its content: the zip's entries decide */
    private static final Set<String> ZIPS = Set.of("application/zip", "application/x-tika-ooxml", DOCX, XLSX);

    /**
     * How much of a zip is inflated to read its entries' names: far beyond any real document of the
     * upload limit, and a bound on what a zip bomb costs.
     */
    private static final long MAX_INFLATED = 256L * 1024 * 1024;

    /** Thread-safe, and its type registry is read once. */
    private static final Tika TIKA = new Tika();

    private ContentTypes() {
    }

    /** The type of the content if it is allowed and agrees with the file name's extension. */
    static Optional<String> detect(byte[] content, String fileName) {
        String extension = extension(fileName);
        return typeOf(content).filter(type -> EXTENSIONS.getOrDefault(type, Set.of()).contains(extension));
    }

    /** Without the name: given one, Tika would trust a {@code .docx} on any zip. */
    private static Optional<String> typeOf(byte[] content) {
        String type = TIKA.detect(content);
        return ZIPS.contains(type) ? officeDocument(content) : Optional.of(type);
    }

    private static Optional<String> officeDocument(byte[] zip) {
        Set<String> entries = new HashSet<>();
        long inflated = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.add(entry.getName());
                for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
                    inflated += read;
                    if (inflated > MAX_INFLATED) {
                        return Optional.empty();
                    }
                }
            }
        } catch (IOException | IllegalArgumentException notAZipWeCanRead) {
            return Optional.empty();
        }
        if (!entries.contains("[Content_Types].xml")) {
            return Optional.empty();
        }
        if (entries.contains("word/document.xml")) {
            return Optional.of(DOCX);
        }
        return entries.contains("xl/workbook.xml") ? Optional.of(XLSX) : Optional.empty();
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
