package io.rectify.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnsafeTextTest {

    @Test
    void charactersThatHideOrReorderTextAreFoundByTheirCodePoint() {
        assertThat(UnsafeText.first("通知\u0000公告")).hasValue("U+0000");
        assertThat(UnsafeText.first("invoice\u202Efdp.exe")).hasValue("U+202E");
        assertThat(UnsafeText.first("a\u2066b")).hasValue("U+2066");
        assertThat(UnsafeText.first("零\u200B宽")).hasValue("U+200B");
        assertThat(UnsafeText.first("\uFEFF开头")).hasValue("U+FEFF");
        assertThat(UnsafeText.first("半个\uD800代理")).as("a lone high surrogate").hasValue("U+D800");
        assertThat(UnsafeText.first("\uDC00")).as("a lone low surrogate").hasValue("U+DC00");
        assertThat(UnsafeText.first("del\u007F")).hasValue("U+007F");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        assertThat(UnsafeText.first("首页“要闻”栏目 2 周未更新；\t见附件\r\n第二行")).isEmpty();
        assertThat(UnsafeText.first("表情 \uD83D\uDE00 是一对代理")).isEmpty();
        assertThat(UnsafeText.first(null)).isEmpty();
        assertThat(UnsafeText.problem("title", "正常标题")).isEmpty();
    }

    @Test
    void theProblemNamesTheFieldAndTheCharacter() {
        FieldProblem problem = UnsafeText.problem("title", "标\u202E题").orElseThrow();
        assertThat(problem.field()).isEqualTo("title");
        assertThat(problem.code()).isEqualTo("form.unsafeText");
        assertThat(problem.args()).containsExactly("title", "U+202E");
    }

    @Test
    void neutralisedTextKeepsEverythingElse() {
        assertThat(UnsafeText.neutralised("evil\u202Efdp.exe\u0000.pdf")).isEqualTo("evilfdp.exe.pdf");
        assertThat(UnsafeText.neutralised("整改\uD800报告\uD83D\uDE00.pdf")).isEqualTo("整改报告\uD83D\uDE00.pdf");
    }
}
