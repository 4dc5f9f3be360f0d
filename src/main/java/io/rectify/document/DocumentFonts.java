package io.rectify.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.apache.fontbox.ttf.CmapSubtable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.springframework.core.io.ClassPathResource;

/**
 * The two faces of the documents, Noto Serif SC Regular (the body, standing in for 仿宋) and Bold
 * (the title and the 发文机关标志, standing in for 小标宋), under the OFL ({@code fonts/OFL.txt}).
 * <p>
 * Each file is about 15 MB; parsing one costs more than laying a whole document out, so the
 * parsed faces are kept and lent out: one pair per render at a time, since a parsed font reads
 * its glyphs lazily from one buffer and is not safe for two renders at once. As many pairs as
 * processors, made the first time they are needed.
 */
final class DocumentFonts {

    static final String FAMILY = "Noto Serif SC";
    private static final String REGULAR = "fonts/NotoSerifSC_400Regular.ttf";
    private static final String BOLD = "fonts/NotoSerifSC_700Bold.ttf";

    private final byte[] regular;
    private final byte[] bold;
    private final BlockingQueue<Faces> idle;
    private final int capacity;
    private int made;

    DocumentFonts() {
        this.regular = read(REGULAR);
        this.bold = read(BOLD);
        this.capacity = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.idle = new ArrayBlockingQueue<>(capacity);
    }

    /** A pair of parsed faces for one render; give it back with {@link #release}. */
    Faces borrow() {
        Faces faces = idle.poll();
        if (faces != null) {
            return faces;
        }
        synchronized (this) {
            if (made < capacity) {
                made++;
                return new Faces(parse(regular), parse(bold));
            }
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the document fonts", e);
        }
    }

    void release(Faces faces) {
        idle.offer(faces);
    }

    record Faces(TrueTypeFont regular, TrueTypeFont bold) {
    }

    private static TrueTypeFont parse(byte[] font) {
        try {
            TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(font));
            preferUnifiedIdeographs(parsed);
            return parsed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse a document font", e);
        }
    }

    /**
     * Makes text copied or extracted from a document read 人民, not ⼈⺠. The font draws a Kangxi
     * radical (U+2F08 ⼈) and the ideograph it looks like (U+4EBA 人) with one glyph, and PDFBox
     * writes the lowest of a glyph's code points into the PDF's ToUnicode map: the radical. Here
     * the radicals and compatibility ideographs are dropped from the font's glyph-to-code lists
     * (not from its code-to-glyph map, so they still draw), leaving the ideograph. The lists are
     * private to fontbox; DocumentLayoutTests reads the text back with pdftotext and fails if an
     * upgrade changes them.
     */
    @SuppressWarnings("unchecked")
    private static void preferUnifiedIdeographs(TrueTypeFont font) throws IOException {
        try {
            java.lang.reflect.Field multiple = CmapSubtable.class.getDeclaredField("glyphIdToCharacterCodeMultiple");
            multiple.setAccessible(true);
            for (CmapSubtable table : font.getCmap().getCmaps()) {
                Map<Integer, List<Integer>> codes = (Map<Integer, List<Integer>>) multiple.get(table);
                codes.replaceAll((glyph, list) -> list.stream().allMatch(DocumentFonts::lookalike) ? list
                        : new java.util.ArrayList<>(list.stream().filter(code -> !lookalike(code)).toList()));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("fontbox's cmap has changed: see DocumentFonts#preferUnifiedIdeographs", e);
        }
    }

    /** CJK radicals (supplement and Kangxi) and compatibility ideographs: drawn like an ideograph, not one. */
    private static boolean lookalike(int code) {
        return (code >= 0x2E80 && code <= 0x2FDF) || (code >= 0xF900 && code <= 0xFAFF) || (code >= 0x2F800 && code <= 0x2FA1F);
    }

    private static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the document font " + path + " is missing", e);
        }
    }
}
