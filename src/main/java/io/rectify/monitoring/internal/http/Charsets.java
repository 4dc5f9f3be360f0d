package io.rectify.monitoring.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The charset of a page as a browser finds it: the Content-Type header, else a BOM, else the
 * page's own {@code <meta charset>} or {@code http-equiv} in its first bytes, else UTF-8 if it
 * decodes cleanly, else GB18030 (the superset of GBK and GB2312 that older Chinese sites use).
 */
final class Charsets {

    private static final Pattern HEADER = Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern META = Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Charset GB18030 = Charset.forName("GB18030");

    private Charsets() {
    }

    static Charset of(String contentType, byte[] body) {
        if (contentType != null) {
            Matcher m = HEADER.matcher(contentType);
            if (m.find()) {
                Charset named = named(m.group(1));
                if (named != null) {
                    return named;
                }
            }
        }
        if (body.length >= 3 && (body[0] & 0xff) == 0xef && (body[1] & 0xff) == 0xbb && (body[2] & 0xff) == 0xbf) {
            return StandardCharsets.UTF_8;
        }
        String head = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher m = META.matcher(head);
        if (m.find()) {
            Charset named = named(m.group(1));
            if (named != null) {
                return named;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, 0, utf8Boundary(body, Math.min(body.length, 65536))));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException notUtf8) {
            return GB18030;
        }
    }

    private static Charset named(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("gbk") || lower.equals("gb2312") || lower.equals("gb_2312-80") || lower.equals("x-gbk")) {
            return GB18030;
        }
        try {
            return Charset.forName(name);
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    /** a length that does not cut a UTF-8 sequence in two */
    private static int utf8Boundary(byte[] body, int length) {
        int end = length;
        while (end > 0 && end > length - 4 && (body[end - 1] & 0xc0) == 0x80) {
            end--;
        }
        if (end > 0 && end < length + 1 && (body[end - 1] & 0x80) != 0 && end != length) {
            end--;
        }
        return length == body.length ? length : end;
    }
}
