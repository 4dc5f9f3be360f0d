package io.rectify.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The publications of figures as a reader gets them, read back with poppler: a ranking long
 * enough for three pages, with a body whose name is longer than its column.
 */
class PublicationLayoutTests {

    private static final int DPI = 100;
    private static final String LONG_NAME = "江西省" + "某某市某某县某某乡镇人民政府".repeat(4) + "办公室";
    private static byte[] ranking;
    private static byte[] annualReport;

    @BeforeAll
    static void render() throws IOException {
        DocumentRenderer renderer = new DocumentRenderer();
        Publications publications = new Publications(renderer);
        List<List<String>> places = new ArrayList<>();
        for (int i = 1; i <= 90; i++) {
            places.add(List.of(String.valueOf(i), i == 2 ? LONG_NAME : "测试单位" + i, "100.0", "95.5", "80.0", "100.0",
                    "100.0", String.valueOf(100.0 - i / 10.0)));
        }
        ranking = publications.ranking("江西省人民政府办公厅", LocalDate.of(2027, 1, 5), new Publications.RankingBody(2026, 3,
                "每项得分 0 至 100（越高越好），综合得分为各项得分按权重的加权平均。",
                new Publications.Table(List.of("指标", "权重", "计算方法"),
                        List.of(List.of("按期整改", "40", "按期整改率 × 100；当年无办结案件为 100"))),
                new Publications.Table(List.of("名次", "单位", "按期整改", "无逾期", "整改速度", "无重复违规", "无移送", "综合得分"),
                        places)));
        annualReport = renderer.render(Publications.ANNUAL_REPORT_TEMPLATE, DocumentSamples.annualReport());
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/sample-ranking.pdf"), ranking);
        Files.write(Path.of("target/sample-annual-report.pdf"), annualReport);
    }

    @Test
    void aLongBodyNameWrapsInItsCellAndLosesNoCharacter() {
        String text = Poppler.text(ranking).replaceAll("\\s", "");
        assertThat(text).contains("2026年度政府网站考评结果", "第3版", "江西省人民政府办公厅", "2027年1月5日");
        // the rank beside the name's middle line comes between its pieces: read the name without digits
        assertThat(text.replaceAll("\\d", "")).contains(LONG_NAME);
        // wrapped: the name's row is taller than one line, so the name is not on one line of the page
        assertThat(Poppler.layoutText(ranking).lines().noneMatch(line -> line.contains(LONG_NAME))).isTrue();
    }

    @Test
    void theTableRepeatsItsHeaderRowOnEveryPage() throws IOException {
        int pages;
        try (PDDocument pdf = Loader.loadPDF(ranking)) {
            pages = pdf.getNumberOfPages();
        }
        assertThat(pages).isGreaterThanOrEqualTo(3);
        for (int page = 2; page <= pages; page++) {
            String text = Poppler.layoutText(ranking, page);
            assertThat(text).as("page " + page).containsPattern("名次\\s+单位\\s+按期整改\\s+无逾期");
        }
        // each place once, in order: no row lost or doubled at a page break
        String all = Poppler.layoutText(ranking);
        for (int i = 1; i <= 90; i++) {
            if (i != 2) {
                assertThat(all).containsOnlyOnce(" 测试单位" + i + " ");
            }
        }
    }

    @Test
    void everyFontIsEmbeddedAsASubset() {
        for (byte[] pdf : List.of(ranking, annualReport)) {
            List<String> rows = Poppler.fontRows(pdf);
            assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row).matches(".*\\byes\\s+yes\\s+yes\\s+\\d+\\s+\\d+\\s*$"));
            assertThat(String.join("\n", rows)).contains("NotoSerifSC-Regular", "NotoSerifSC-Bold");
        }
    }

    @Test
    void pageOneHasTheRedMarkAndRuleOfTheDocuments() throws IOException {
        for (String name : List.of("ranking", "annual-report")) {
            BufferedImage page = Poppler.page1(name.equals("ranking") ? ranking : annualReport, DPI);
            ImageIO.write(page, "png", Path.of("target/sample-" + name + "-page1.png").toFile());
            int ruleRow = -1;
            for (int y = 0; y < page.getHeight() && ruleRow < 0; y++) {
                int red = 0;
                for (int x = 0; x < page.getWidth(); x++) {
                    if (red(page.getRGB(x, y))) {
                        red++;
                    }
                }
                if (red > px(156) * 0.95) {
                    ruleRow = y;
                }
            }
            assertThat(ruleRow * 25.4 / DPI).as(name + ": the red rule, mm from the top")
                    .isCloseTo(119.3, org.assertj.core.data.Offset.offset(1.5));
        }
    }

    private static boolean red(int rgb) {
        return ((rgb >> 16) & 0xff) > 150 && ((rgb >> 8) & 0xff) < 110 && (rgb & 0xff) < 110;
    }

    private static int px(double mm) {
        return (int) Math.round(mm * DPI / 25.4);
    }
}
