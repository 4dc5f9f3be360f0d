package io.rectify.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.rectify.api.Api;
import io.rectify.api.FreshBodies;
import io.rectify.api.ResponseValues;
import io.rectify.finding.FakeSiteChecks;
import io.rectify.monitoring.CheckFailed;
import io.rectify.monitoring.CheckResult;
import io.rectify.monitoring.CheckStatus;
import io.rectify.monitoring.Indicator;
import io.rectify.monitoring.ProbeEvidence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A supervisor's findings in a real browser, without script: the list, a finding with its
 * evidence, a dismissal refused without a reason, a confirmation into a case whose page lists the
 * finding, and the verify page with the failed re-check. Every page passes axe-core, the Nu HTML
 * Checker and the phone width.
 */
@EnabledIf(value = "io.rectify.ui.Browser#available", disabledReason = Browser.MISSING)
class BrowserFindingsTests extends BrowserTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    FakeSiteChecks siteChecks;

    @BeforeEach
    void passingChecks() {
        siteChecks.answer(CheckStatus.PASS);
    }

    @AfterEach
    void realChecksAgain() {
        siteChecks.reset();
    }

    @Test
    void aSupervisorDismissesOneFindingAndTurnsAnotherIntoACaseOnThePages() {
        Api office = new Api(rest, "jx.office");
        String department = new FreshBodies(jdbc, passwords).department("JX");
        String url = "https://" + department.toLowerCase() + ".jiangxi.gov.cn";
        jdbc.update("insert into website (url, name, org_code) values (?, ?, ?)", url, "页面测试网站", department);
        long site = jdbc.queryForObject("select id from website where url = ?", Long.class, url);
        fail(site, url, Indicator.BROKEN_LINKS);
        fail(site, url, Indicator.HOMEPAGE_STALE);

        Browser b = browser();
        b.signIn("jx.office", Api.PASSWORD);
        b.open("/findings?status=OPEN&websiteId=" + site);
        assertThat(b.all("table.data tbody tr")).hasSize(2);
        check("findings");

        b.open("/findings/" + findingOf(office, site, Indicator.BROKEN_LINKS));
        String first = b.path();
        check("finding");
        assertThat(b.text("main")).contains(url + "/", "ab".repeat(32));
        b.go("form[action$='/dismiss'] button[type=submit]");
        assertThat(b.errorsShown()).contains("核减须写明理由");
        checkAnswerToPost("finding-dismiss-error");
        b.type("f-reason", "外站链接临时维护，已核实");
        b.go("form[action$='/dismiss'] button[type=submit]");
        assertThat(b.path()).isEqualTo(first);
        assertThat(b.text("main")).contains("已核减", "外站链接临时维护");

        b.open("/findings/" + findingOf(office, site, Indicator.HOMEPAGE_STALE));
        assertThat(b.text("main")).contains("网站监测", "案件来源：监测");
        b.go("form[action$='/confirm'] button[type=submit]");
        assertThat(b.path()).startsWith("/cases/");
        String caseId = b.path().substring("/cases/".length());
        assertThat(b.text("#findings")).contains("首页长期不更新", url + "/");
        check("case-with-findings");
        b.signOut();

        office.complete(caseId, "issueOrder", Map.of("requirements", "恢复首页更新"));
        siteChecks.answer(CheckStatus.FAIL);
        office.as(department.toLowerCase()).complete(caseId, "respond", ResponseValues.of("A33-04"));
        siteChecks.answer(CheckStatus.PASS);

        b.signIn("jx.office", Api.PASSWORD);
        b.open("/tasks/" + office.taskOf(caseId, "verify"));
        assertThat(b.text("main")).contains("复查未通过");
        check("verify-recheck-failed");
        b.open("/cases/" + caseId + "?lang=en");
        assertThat(b.text("#findings")).contains("Re-check failed");
        check("case-with-findings-english");
        b.open("/?lang=zh-CN");
        b.signOut();

        assertThat(problems).as("accessibility and HTML problems on " + b.checkedPages()).isEmpty();
    }

    private void fail(long site, String url, Indicator indicator) {
        Instant now = Instant.now();
        transactions.executeWithoutResult(tx -> events.publishEvent(new CheckFailed(new CheckResult(site, indicator,
                CheckStatus.FAIL, now, "监测发现：" + indicator, List.of(new ProbeEvidence(System.nanoTime(), url + "/", 200, now,
                "ab".repeat(32)))))));
    }

    private static String findingOf(Api office, long site, Indicator indicator) {
        for (com.fasterxml.jackson.databind.JsonNode f : office.get("/api/findings?websiteId=" + site).body()) {
            if (f.get("indicator").asText().equals(indicator.name())) {
                return f.get("id").asText();
            }
        }
        throw new AssertionError("no finding of " + indicator);
    }
}
