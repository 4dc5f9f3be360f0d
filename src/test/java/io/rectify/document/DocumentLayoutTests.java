package io.rectify.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.rectify.document.DocumentModels.Letter;
import io.rectify.document.DocumentModels.OrderBody;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The order as a reader gets it, read back with poppler: its text, its fonts, and page 1 as an
 * image, with the red 发文机关标志 and rule where GB/T 9704-2012 puts them (the measures are in
 * documents/layout.html).
 */
class DocumentLayoutTests {

    private static final int DPI = 100;
    private static DocumentRenderer renderer;
    private static byte[] order;

    @BeforeAll
    static void renderTheSampleOrder() {
        renderer = new DocumentRenderer(); // renders every template once: a broken one fails here
        order = renderer.render("order", DocumentSamples.of(DocumentKind.ORDER));
        try { // for a person to look at (src/docs/img/order-page1.png is made from it)
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
            java.nio.file.Files.write(java.nio.file.Path.of("target/sample-order.pdf"), order);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theTextReadsBackWithNumberTitleAndBody() {
        String text = Poppler.text(order);
        // lines wrap where the text block ends: read it as one string
        assertThat(text.replaceAll("\\s", "")).contains("赣府办整改〔2026〕12号", "关于责令江西省教育厅限期整改首页长期未更新问题的通知", "江西省教育厅：", "江西省人民政府办公厅",
                "一、整改要求", "2026年12月5日", "SHA-256");
        // the ideographs themselves, not the Kangxi radicals that share their glyphs (⼈ U+2F08 for 人)
        assertThat(text).doesNotContainPattern("[\\x{2E80}-\\x{2FDF}]");
    }

    @Test
    void everyFontIsEmbeddedAsASubset() {
        List<String> rows = Poppler.fontRows(order);
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row).matches(".*\\byes\\s+yes\\s+yes\\s+\\d+\\s+\\d+\\s*$"));
        assertThat(String.join("\n", rows)).contains("NotoSerifSC-Regular", "NotoSerifSC-Bold");
    }

    @Test
    void theRedMarkAndRuleLieWhereTheStandardPutsThem() {
        BufferedImage page = Poppler.page1(order, DPI);
        assertThat(mm(page.getWidth())).isCloseTo(210, org.assertj.core.data.Offset.offset(1.0));
        assertThat(mm(page.getHeight())).isCloseTo(297, org.assertj.core.data.Offset.offset(1.0));

        // the 标志: its top 35 mm below the text block's top (37 mm): 72 mm from the page's top
        int firstRed = -1;
        for (int y = 0; y < page.getHeight() && firstRed < 0; y++) {
            if (redIn(page, y) > 0) {
                firstRed = y;
            }
        }
        assertThat(mm(firstRed)).as("top of the red 发文机关标志, mm").isBetween(71.0, 77.0);

        // the rule: a red line as wide as the text block (28 to 184 mm), 4 mm under the 发文字号
        int ruleRow = -1;
        int textBlock = px(156);
        for (int y = firstRed; y < page.getHeight(); y++) {
            if (redIn(page, y) > textBlock * 0.95) {
                ruleRow = y;
                break;
            }
        }
        assertThat(ruleRow).as("a red rule across the text block").isPositive();
        assertThat(mm(ruleRow)).as("the red rule, mm from the top").isCloseTo(119.3, org.assertj.core.data.Offset.offset(1.5));
        int left = 0;
        while (!red(page.getRGB(left, ruleRow))) {
            left++;
        }
        int right = page.getWidth() - 1;
        while (!red(page.getRGB(right, ruleRow))) {
            right--;
        }
        assertThat(mm(left)).as("rule's left end (订口 28 mm)").isCloseTo(28, org.assertj.core.data.Offset.offset(1.0));
        assertThat(mm(right)).as("rule's right end (210 - 26 mm)").isCloseTo(184, org.assertj.core.data.Offset.offset(1.0));

        // the 标志 is centred on the text block, and nothing red lies between it and the rule but the 标志
        double markCentre = redCentre(page, firstRed, firstRed + px(14));
        assertThat(mm((int) markCentre)).as("centre of the 标志").isCloseTo(106, org.assertj.core.data.Offset.offset(3.0));
    }

    @Test
    void aBodyWithoutANameAndAnOverLongTitleStillRenderEveryCharacter() {
        Map<String, Object> sample = new HashMap<>(DocumentSamples.of(DocumentKind.ORDER));
        String title = "关于责令" + "某某单位".repeat(40) + "限期整改的通知结尾";
        String url = "https://www.example.gov.cn/" + "a".repeat(200) + "/end";
        sample.put("doc", new Letter(DocumentKind.ORDER, "JX-T1整改〔2026〕1号", title, "JX-T1", DocumentText.markSize("JX-T1"),
                "JX-T2", "2026年12月5日", null));
        sample.put("order", new OrderBody("无名单位的问题", url, "说明", "第三十三条", "类别", "", List.of("要求"), "2026年12月26日",
                15, "报告"));
        byte[] pdf = renderer.render("order", sample);
        String text = Poppler.text(pdf).replaceAll("\\s", "");
        assertThat(text).contains(title, "JX-T1整改〔2026〕1号", url);
    }

    private static int redIn(BufferedImage page, int y) {
        int count = 0;
        for (int x = 0; x < page.getWidth(); x++) {
            if (red(page.getRGB(x, y))) {
                count++;
            }
        }
        return count;
    }

    private static double redCentre(BufferedImage page, int fromY, int toY) {
        long sum = 0;
        long n = 0;
        for (int y = fromY; y < Math.min(toY, page.getHeight()); y++) {
            for (int x = 0; x < page.getWidth(); x++) {
                if (red(page.getRGB(x, y))) {
                    sum += x;
                    n++;
                }
            }
        }
        return n == 0 ? -1 : (double) sum / n;
    }

    private static boolean red(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        return r > 150 && g < 110 && b < 110;
    }

    private static double mm(int px) {
        return px * 25.4 / DPI;
    }

    private static int px(double mm) {
        return (int) Math.round(mm * DPI / 25.4);
    }
}
