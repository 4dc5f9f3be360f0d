package io.rectify.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.rectify.api.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The dashboards of every role, the ranking, the annual report and the administrator's weights in
 * a real browser: each reached from the navigation, each chart drawn from the table beside it
 * (the same figures, one click away), axe-clean, valid HTML, 390 px wide; in Chinese and English.
 */
@EnabledIf(value = "io.rectify.ui.Browser#available", disabledReason = Browser.MISSING)
class BrowserStatsPagesTests extends BrowserTest {

    @Autowired
    TestRestTemplate rest;

    @Test
    void everyRolesDashboardDrawsItsChartsFromItsAccessibleTables() {
        // a case in the trend, so that the charts have something to draw
        Api office = new Api(rest, "nc.office");
        office.openCase("A33-04", "NC-EDU");

        Browser b = browser();
        for (String user : List.of("nc.office", "jx.office", "nc.edu", "jx.supervision")) {
            b.signIn(user, Api.PASSWORD);
            b.go("nav.main-nav a[href='/stats']");
            assertThat(b.path()).isEqualTo("/stats");
            check(user + "-dashboard");
            for (WebElement chart : b.all("[data-chart]")) {
                WebElement table = b.find("#" + chart.getAttribute("data-table"));
                // the chart is drawn (JavaScript ran) and its table is one click away, holding the figures
                assertThat(chart.isDisplayed()).as(user + " chart of " + table.getAttribute("id")).isTrue();
                assertThat(chart.findElements(org.openqa.selenium.By.tagName("canvas"))).isNotEmpty();
                assertThat(table.findElements(org.openqa.selenium.By.cssSelector("tbody tr"))).isNotEmpty();
            }
            b.open("/stats?lang=en");
            check(user + "-dashboard-english");
            b.open("/stats?lang=zh-CN");
            b.signOut();
        }

        b.signIn("nc.office", Api.PASSWORD);
        b.open("/stats");
        assertThat(b.find("#trend-table").getAttribute("textContent")).as("this month's case in the trend's table, folded")
                .contains("1");
        b.go("a[href='/stats/ranking']");
        check("ranking");
        b.open("/stats/annual?year=2026");
        assertThat(b.find("section[aria-labelledby='regions-title'] tbody td").getAttribute("textContent"))
                .as("the region's figures are shown, not an error page").isNotBlank();
        check("annual-report");
        b.signOut();

        b.signIn("admin", Api.PASSWORD);
        b.open("/admin/ranking-weights");
        check("ranking-weights");
        for (String field : List.of("onTime", "overdue", "speed", "repeats", "escalations")) {
            b.type(field, "0"); // all zero: refused by the server, naming the first weight
        }
        b.go("form[action='/admin/ranking-weights'] button[type=submit]");
        assertThat(b.find("#onTime").getAttribute("aria-invalid")).isEqualTo("true");
        checkAnswerToPost("ranking-weights-errors");
        b.signOut();

        assertThat(problems).as("accessibility and HTML problems on " + b.checkedPages()).isEmpty();
    }
}
