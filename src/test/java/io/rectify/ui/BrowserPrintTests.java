package io.rectify.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.api.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The case page on paper: printed by Chromium (its print style sheet, the A4 of its {@code @page}
 * rule), the PDF read back with poppler's pdfinfo and pdftotext: the case is all there, the site
 * around it (navigation, the header's account, buttons, forms, the footer) is not. Page 1 is
 * rendered to target/print/case-1.png for a person to look at.
 */
@EnabledIf(value = "io.rectify.ui.Browser#available", disabledReason = Browser.MISSING)
class BrowserPrintTests extends BrowserTest {

    private static final Path OUT = Path.of("target", "print");
    /** whether the class's browser is signed in, for as long as the class's browser lasts */
    private static boolean signedIn;
    @Autowired
    TestRestTemplate rest;

    @Test
    void theCasePagePrintsOnA4WithTheCaseAndWithoutTheSiteAroundIt() throws Exception {
        Api office = new Api(rest, "nc.office");
        JsonNode opened = office.openCase("A33-04", "NC-EDU");
        String caseId = opened.get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "五个工作日内恢复首页更新并报送整改报告"));

        Browser b = office();
        b.open("/cases/" + caseId);
        assertThat(b.find("[data-print]").isDisplayed()).as("the print button, with JavaScript").isTrue();
        assertThat(b.check("case-print-button")).isEmpty();

        Files.createDirectories(OUT);
        Path pdf = OUT.resolve("case.pdf");
        Files.write(pdf, b.printToPdf());

        assertThat(run("pdfinfo", pdf.toString())).containsPattern("Page size:\\s+59\\d\\.\\d+ x 84\\d\\.\\d+ pts \\(A4\\)");
        String text = run("pdftotext", "-layout", pdf.toString(), "-");
        assertThat(text).contains(opened.get("caseNumber").asText(), opened.get("title").asText(), "案件信息", "案卷",
                "五个工作日内恢复首页更新并报送整改报告", "南昌市教育局");
        assertThat(text).as("navigation, account, buttons, forms and footer are not printed")
                .doesNotContain("我的待办", "修改密码", "退出", "跳到主要内容", "English", "查看流程图", "上传证据材料",
                        "打印时只输出", "整改督办系统");
        run("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", pdf.toString(), OUT.resolve("case").toString());
        assertThat(Files.list(OUT).map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("case-") && n.endsWith(".png"));
    }

    /** The list's export links are plain links carrying the filters shown (no JavaScript needed). */
    @Test
    void theCaseListOffersTheFilteredListAsExcelAndCsv() {
        new Api(rest, "nc.office").openCase("A33-04", "NC-EDU");
        Browser b = office();
        b.open("/cases?status=DETECTED&categoryCode=A33-04&q=%E6%B5%8B%E8%AF%95");
        assertThat(b.check("cases-export-links")).isEmpty();
        List<String> links = b.all(".export-links a").stream().map(a -> a.getAttribute("href")).toList();
        assertThat(links).hasSize(2);
        assertThat(links.get(0)).contains("/api/cases/export?format=xlsx", "status=DETECTED", "categoryCode=A33-04", "q=");
        assertThat(links.get(1)).contains("/api/cases/export?format=csv", "status=DETECTED", "categoryCode=A33-04");
        assertThat(b.all(".export-links a").stream().map(a -> a.getText()).toList()).containsExactly("导出 Excel", "导出 CSV");
    }

    /** The class's browser, signed in as the office once (the sign-in page is not shown to who is signed in). */
    private Browser office() {
        if (!signedIn) {
            browser().signIn("nc.office", Api.PASSWORD);
            signedIn = true;
        }
        return browser();
    }

    @AfterAll
    static void signedOut() {
        signedIn = false;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
        return out;
    }
}
