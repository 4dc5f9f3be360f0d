package io.rectify.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.rectify.api.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * In a real browser: a supervisor imports a 通报 from above (first a file with a bad line, told
 * which), opens its page and issues the reply; every page passes axe-core and the Nu HTML
 * Checker, at desktop and phone width. Plain forms: nothing needs script.
 */
@EnabledIf(value = "io.rectify.ui.Browser#available", disabledReason = Browser.MISSING)
class BrowserCircularPagesTests extends BrowserTest {

    @Test
    void aSupervisorImportsACircularAndIssuesItsReplyThroughThePages() throws IOException {
        String n = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        Path bad = file("网站名称,问题类型,问题\n南昌市教育局,网站太丑,首页超过两周未更新\n");
        Path good = file("网站名称,问题类型,问题\n南昌市教育局,首页长期不更新,首页超过两周未更新\n");
        Browser b = browser();
        b.signIn("nc.office", Api.PASSWORD);
        b.open("/inspections/circulars");
        check("circulars");

        b.attach("file", bad);
        b.type("issuer", "国务院办公厅");
        b.type("number", "国办函〔2026〕" + n + "号");
        b.setValue("issuedOn", "2026-11-02");
        b.setValue("replyDue", "2026-12-31");
        b.go("form[action$='/inspections/circulars'] button[type=submit]");
        assertThat(b.text(".error-summary")).contains("line 2: indicator");
        checkAnswerToPost("circulars-errors");

        b.attach("file", good);
        b.go("form[action$='/inspections/circulars'] button[type=submit]");
        assertThat(b.path()).as(b::errorsShown).startsWith("/inspections/circulars/");
        String page = b.path();
        assertThat(b.text("main table")).contains("南昌市教育局", "首页超过两周未更新");
        check("circular");

        b.go("form[action$='/reply'] button[type=submit]");
        assertThat(b.path()).isEqualTo(page);
        assertThat(b.text("section[aria-labelledby=reply-title]")).contains("下载报告", "报〔", "SHA-256");
        check("circular-replied");
        b.signOut();
        assertThat(problems).as("accessibility and HTML problems on " + b.checkedPages()).isEmpty();
    }

    private static Path file(String csv) throws IOException {
        Path file = Files.createTempFile("tongbao", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();
        return file;
    }
}
