package io.rectify.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.rectify.api.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In a real browser, without signing in: the public error report page refuses an empty form naming
 * each field, takes a report and answers its tracking number, whose lookup shows the status; the
 * office triages it and the body replies on the report's page, and the office reads the figures.
 * A flood from one address ends at the page saying so (429). Every page passes axe-core and the
 * Nu HTML Checker, and fits a phone's width.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIf(value = "io.rectify.ui.Browser#available", disabledReason = Browser.MISSING)
class BrowserPublicReportTests extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    /** The browser posts from loopback, as other tests' clients do: each test starts with the address's count at zero. */
    @BeforeEach
    void noEarlierReportsFromThisAddress() {
        jdbc.update("delete from throttle_event where scope = 'public-report'");
    }

    @Test
    @Order(1)
    void aReportTypedOnThePublicPageReachesTheBodyAndIsAnswered() {
        Browser b = browser();
        b.open("/public/report");
        check("public-report");

        b.go("main form button[type=submit]");
        assertThat(b.errorsShown()).contains("网站").contains("网址").contains("错误");
        checkAnswerToPost("public-report-refused");

        b.choose("siteUrl", "https://jyj.ganzhou.gov.cn");
        b.type("pageUrl", "https://jyj.ganzhou.gov.cn/zsks/2026.html");
        b.type("description", "招生简章中的报名截止日期写成了 2062 年。");
        b.type("contact", "13712345678");
        b.go("main form button[type=submit]");
        assertThat(b.path()).as(b.errorsShown()).isEqualTo("/public/track");
        String tracking = b.text("main .flash strong");
        assertThat(tracking).startsWith("ZC");
        assertThat(b.text("main dl")).contains("已受理").doesNotContain("13712345678");
        check("public-track");

        String id = jdbc.queryForObject("select id from public_report where tracking_number = ?", String.class, tracking);
        b.signIn("gz.office", Api.PASSWORD);
        b.open("/public-reports");
        assertThat(b.text("main table")).contains(tracking);
        check("public-reports");
        b.open("/public-reports/" + id);
        assertThat(b.text("main dl")).contains("13712345678");
        check("public-report-triage");
        b.go("#f-form button[type=submit]");
        assertThat(b.errorsShown()).contains("研判结果");
        checkAnswerToPost("public-report-triage-refused");
        b.click("input[name=decision][value=FORWARD]");
        b.go("#f-form button[type=submit]");
        assertThat(b.text("main dl")).contains("已转交网站主办单位");
        b.signOut();

        b.signIn("gz.edu", Api.PASSWORD);
        b.open("/public-reports/" + id);
        assertThat(b.text("main dl")).contains("137****5678").doesNotContain("13712345678");
        check("public-report-reply");
        b.type("f-reply", "已更正报名截止日期。");
        b.go("#f-form button[type=submit]");
        assertThat(b.text("main dl")).contains("主办单位已答复");
        b.signOut();

        b.signIn("gz.office", Api.PASSWORD);
        b.open("/public-reports/" + id);
        b.click("input[name=accepted][value=true]");
        b.go("#f-form button[type=submit]");
        assertThat(b.text("main dl")).contains("已办结");
        b.open("/public-reports/figures");
        assertThat(b.text("main table")).contains("办结率");
        check("public-report-figures");
        b.signOut();

        b.open("/public/track?number=" + tracking);
        assertThat(b.text("main dl")).contains("已办结").contains("已更正报名截止日期");
        assertThat(problems).isEmpty();
    }

    @Test
    @Order(2)
    void aFloodFromOneAddressEndsAtThePageSayingSo() {
        Browser b = browser();
        boolean throttled = false;
        for (int i = 0; i < 12 && !throttled; i++) {
            b.open("/public/report");
            b.choose("siteUrl", "https://www.ganzhou.gov.cn");
            b.type("pageUrl", "https://www.ganzhou.gov.cn/" + i + ".html");
            b.type("description", "第 " + i + " 个错字");
            b.go("main form button[type=submit]");
            throttled = b.path().equals("/public/report") && b.errorsShown().contains("频繁");
        }
        assertThat(throttled).as("refused within twelve reports").isTrue();
        checkAnswerToPost("public-report-throttled");
        assertThat(problems).isEmpty();
    }
}
