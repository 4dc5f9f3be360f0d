package io.rectify.casefile;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The allowed evidence types, told from the file's first bytes, never from its name or the
 * header the browser sent. The name's extension must agree with the content.
 */
final class ContentTypes {

    private static final Map<String, Set<String>> EXTENSIONS = Map.of(
            "application/pdf", Set.of("pdf"),
            "image/png", Set.of("png"),
            "image/jpeg", Set.of("jpg", "jpeg"),
            "image/gif", Set.of("gif"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Set.of("docx"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Set.of("xlsx"),
            "text/plain", Set.of("txt", "csv"));

    private ContentTypes() {
    }

    /** The type of the content if it is allowed and agrees with the file name's extension. */
    static Optional<String> detect(byte[] content, String fileName) {
        String extension = extension(fileName);
        return sniff(content, extension).filter(type -> EXTENSIONS.get(type).contains(extension));
    }

    private static Optional<String> sniff(byte[] b, String extension) {
        if (startsWith(b, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return Optional.of("application/pdf");
        }
        if (startsWith(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(b, 0x47, 0x49, 0x46, 0x38)) {
            return Optional.of("image/gif");
        }
        if (startsWith(b, 0x50, 0x4B, 0x03, 0x04)) {
            // an OOXML document is a zip; which one it is, the (agreeing) extension says
            return switch (extension) {
                case "docx" -> Optional.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
                case "xlsx" -> Optional.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                default -> Optional.empty();
            };
        }
        return isPlainText(b) ? Optional.of("text/plain") : Optional.empty();
    }

    private static boolean isPlainText(byte[] b) {
        if (b.length == 0) {
            return false;
        }
        for (byte x : b) {
            if (x == 0 || (x > 0 && x < 0x20 && x != '\t' && x != '\n' && x != '\r')) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
