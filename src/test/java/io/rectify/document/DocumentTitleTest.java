package io.rectify.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class DocumentTitleTest {

    @Test
    void aTitleThatFitsStaysOnOneLine() {
        assertThat(DocumentText.titleLines("关于责令江西省教育厅限期整改的通知")).containsExactly("关于责令江西省教育厅限期整改的通知");
    }

    @Test
    void aLongTitleBreaksIntoATrapezoidNeverLeavingAWordAlone() {
        // 20 characters' width: too long for one line of 19, broken near the middle, the upper line the shorter
        assertThat(DocumentText.titleLines("关于2026年第四季度政府网站抽查情况的通报"))
                .containsExactly("关于2026年第四季度", "政府网站抽查情况的通报");
    }

    @Test
    void digitsAndMarksStayWithTheirNeighbours() {
        List<String> lines = DocumentText.titleLines("关于责令江西省人民政府办公厅所属（南昌市2026）政务服务中心等单位限期整改的通知");
        assertThat(String.join("", lines)).isEqualTo("关于责令江西省人民政府办公厅所属（南昌市2026）政务服务中心等单位限期整改的通知");
        assertThat(lines).hasSize(3).allSatisfy(line -> {
            assertThat(line).doesNotStartWith("）").doesNotEndWith("（").doesNotStartWith("026");
            assertThat(ems(line)).isLessThanOrEqualTo(20);
        });
        for (int i = 1; i < lines.size(); i++) {
            assertThat(ems(lines.get(i - 1))).as("an upper line no longer than the one below")
                    .isLessThanOrEqualTo(ems(lines.get(i)));
        }
    }

    /** a Latin letter or digit is half a Chinese character wide */
    private static double ems(String line) {
        return line.chars().mapToDouble(c -> c < 0x80 ? 0.5 : 1).sum();
    }
}
