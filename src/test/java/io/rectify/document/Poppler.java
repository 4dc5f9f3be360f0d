package io.rectify.document;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

/**
 * Reads PDFs back with poppler-utils, as a person's viewer would: the text, the fonts, page 1 as
 * an image. Missing tools fail the test loudly (CI installs poppler-utils, see .ci/run): a document
 * test that skipped would pass without having looked.
 */
public final class Poppler {

    private Poppler() {
    }

    public static String text(byte[] pdf) {
        return run(pdf, "pdftotext", "-enc", "UTF-8", "{in}", "-");
    }

    /** The text of one page, its table rows kept on their lines ({@code pdftotext -layout}). */
    public static String layoutText(byte[] pdf, int page) {
        return run(pdf, "pdftotext", "-layout", "-enc", "UTF-8", "-f", String.valueOf(page), "-l", String.valueOf(page), "{in}", "-");
    }

    /** The text of every page, its table rows kept on their lines. */
    public static String layoutText(byte[] pdf) {
        return run(pdf, "pdftotext", "-layout", "-enc", "UTF-8", "{in}", "-");
    }

    public static String fonts(byte[] pdf) {
        return run(pdf, "pdffonts", "{in}");
    }

    /** Every font's row of {@code pdffonts}: name, type, encoding, emb, sub, uni. */
    public static List<String> fontRows(byte[] pdf) {
        List<String> rows = new ArrayList<>();
        String[] lines = fonts(pdf).split("\\R");
        for (int i = 2; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                rows.add(lines[i]);
            }
        }
        return rows;
    }

    public static BufferedImage page1(byte[] pdf, int dpi) {
        try {
            Path dir = Files.createTempDirectory("page1");
            Path in = dir.resolve("in.pdf");
            Files.write(in, pdf);
            exec(List.of(tool("pdftoppm"), "-png", "-r", String.valueOf(dpi), "-f", "1", "-l", "1", "-singlefile",
                    in.toString(), dir.resolve("page").toString()));
            return ImageIO.read(dir.resolve("page.png").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String run(byte[] pdf, String name, String... args) {
        try {
            Path in = Files.createTempFile("doc", ".pdf");
            Files.write(in, pdf);
            List<String> command = new ArrayList<>();
            command.add(tool(name));
            for (String a : args) {
                command.add(a.equals("{in}") ? in.toString() : a);
            }
            return exec(command);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String tool(String name) {
        Path path = Path.of("/usr/bin", name);
        if (!Files.isExecutable(path)) {
            throw new AssertionError(name + " (poppler-utils) is missing: install it (apt-get install poppler-utils); "
                    + "the document tests read every PDF back with it and do not skip");
        }
        return path.toString();
    }

    private static String exec(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(command + " failed: " + new String(process.getErrorStream().readAllBytes(),
                        StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
