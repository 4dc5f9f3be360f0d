package io.rectify.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import io.rectify.api.Api;
import io.rectify.api.FreshBodies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * One case through its whole life in a real browser, by the three groups of users and through the
 * pages alone: the office opens it (with evidence) and issues the order; the department reports
 * with evidence; the office rejects the report as serious, so the case goes to the supervision
 * body, which reviews it and records a sanction; the department reports again and the office
 * accepts, which closes the case. Every page on the way passes axe-core (no serious or critical
 * WCAG 2.1 A/AA violation) and the Nu HTML Checker (no error), and at 390 px (a phone) does not
 * scroll sideways; screenshots at 1280 and 390 px are in {@code target/screenshots}.
 */
@EnabledIf(value = "io.rectify.ui.Browser#available", disabledReason = Browser.MISSING)
class BrowserWalkTests extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void aCaseGoesFromOpeningToClosingThroughThePagesAndEveryPageIsAccessibleAndValid() throws Exception {
        Browser b = browser();
        String body = new FreshBodies(jdbc, passwords).department("JX");
        String department = body.toLowerCase();
        Path evidence = Files.createTempFile("evidence", ".txt");
        Files.writeString(evidence, "网站首页截图说明：栏目已更新。\n", StandardCharsets.UTF_8);

        // ---- the office opens the case, first forgetting the title
        b.signIn("jx.office", Api.PASSWORD);
        assertThat(b.path()).isEqualTo("/");
        check("office-home");
        b.go("nav.main-nav a[href='/cases/new']");
        check("office-new-case");
        b.click("#f-categoryCode-A33-04");
        b.choose("f-respondentOrgCode", body);
        b.type("f-description", "政务公开栏目超过三个月未更新。");
        b.go("form#f-form button.primary");
        assertThat(b.text(".error-summary")).as("the summary names the missing title").contains("标题");
        assertThat(b.find("#f-title").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(b.find("#f-title").getAttribute("aria-describedby")).isEqualTo("f-title-error");
        assertThat(b.find("#f-description").getAttribute("value")).as("nothing typed is lost")
                .isEqualTo("政务公开栏目超过三个月未更新。");
        assertThat(b.find("#f-categoryCode-A33-04").isSelected()).isTrue();
        checkAnswerToPost("office-new-case-errors");
        b.type("f-title", "政务公开栏目长期未更新");
        b.find("#f-evidence").sendKeys(evidence.toAbsolutePath().toString());
        b.go("form#f-form button.primary");
        assertThat(b.path()).as(b::errorsShown).startsWith("/cases/");
        String caseId = b.path().substring("/cases/".length());
        assertThat(b.text(".flash")).contains("已立案");
        assertThat(b.text("#attachments")).contains(evidence.getFileName().toString());
        check("office-case-opened");

        // ---- the office issues the order
        b.go("a.button[href^='/tasks/']");
        check("office-issue-order");
        b.type("f-requirements", "在 10 个工作日内更新政务公开栏目，并报送整改情况。");
        b.type("f-periodWorkingDays", "10");
        b.go("form#f-form button.primary");
        assertThat(b.path()).as(b::errorsShown).isEqualTo("/cases/" + caseId);
        assertThat(b.text("dl.facts")).contains("整改中");
        assertThat(b.text(".steps li[aria-current='step']")).as("the step bar marks the step that waits").startsWith("整改");
        b.go(".diagram-link a");
        assertThat(b.find(".diagram-frame img").getAttribute("alt")).contains("提交整改报告");
        check("office-case-diagram");
        b.open("/cases/" + caseId);
        b.open("/cases?q=" + java.net.URLEncoder.encode(b.text("h1 span"), StandardCharsets.UTF_8));
        assertThat(b.all("table.data tbody tr")).hasSize(1);
        assertThat(b.text("table.data .light")).as("the light has words, not colour alone").contains("个工作日");
        check("office-case-list");
        b.screenshotTo(Path.of("target", "screenshots", "office.png"));
        b.signOut();

        // ---- the department sees its order, the extension form, and reports with evidence
        b.signIn(department, Api.PASSWORD);
        check("department-home");
        b.open("/cases/" + caseId + "/extension-request");
        check("department-extension-request");
        b.open("/");
        b.go("main a[href^='/tasks/']");
        check("department-respond");
        b.go("form#f-form button.primary");
        assertThat(b.all(".error-summary a")).as("one link per missing field").hasSizeGreaterThanOrEqualTo(2);
        checkAnswerToPost("department-respond-errors");
        b.type("f-report", "已更新政务公开栏目 12 条信息。");
        b.type("f-publishedUrls", "https://www.example.gov.cn/xxgk/2026/1.html");
        b.find("#f-evidence").sendKeys(evidence.toAbsolutePath().toString());
        b.go("form#f-form button.primary");
        assertThat(b.path()).as(b::errorsShown).isEqualTo("/cases/" + caseId);
        assertThat(b.text("dl.facts")).contains("待核查");
        assertThat(b.all("#attachments tbody tr")).hasSize(2);
        check("department-case");
        b.screenshotTo(Path.of("target", "screenshots", "department.png"));
        b.signOut();

        // ---- the office rejects the report as serious: the case goes to the supervision body
        b.signIn("jx.office", Api.PASSWORD);
        b.open("/cases/" + caseId);
        b.go("a.button[href^='/tasks/']");
        check("office-verify");
        b.click("#f-accepted-false");
        b.type("f-comment", "仍有栏目未更新。");
        b.click("#f-serious");
        b.type("f-seriousReason", "长期不更新，经督促仍未整改到位。");
        b.go("form#f-form button.primary");
        assertThat(b.text("dl.facts")).contains("是");
        b.signOut();

        // ---- the supervision body reviews and records a sanction
        b.signIn("jx.supervision", Api.PASSWORD);
        check("supervision-home");
        b.open("/cases/" + caseId);
        b.go("a.button[href^='/tasks/']");
        check("supervision-review");
        b.click("#f-decision");
        b.type("f-findings", "负责人未履行监管职责。");
        b.go("form#f-form button.primary");
        b.go("a.button[href^='/tasks/']");
        b.go("button[name=_action][value='add:sanctions']");
        assertThat(b.all("fieldset.item")).as("a second person's lines, without script").hasSize(2);
        assertThat(b.find("form#f-form button[hidden]").isDisplayed())
                .as("the form's first, hidden submit button (Enter submits, never adds a line) stays hidden").isFalse();
        b.type("f-sanctions-0-personName", "陈明");
        b.go("button[name=_action][value='remove:sanctions:1']");
        assertThat(b.all("fieldset.item")).hasSize(1);
        assertThat(b.find("#f-sanctions-0-personName").getAttribute("value")).isEqualTo("陈明");
        checkAnswerToPost("supervision-record-sanctions");
        b.type("f-sanctions-0-post", "信息中心主任");
        b.choose("f-sanctions-0-orgCode", body);
        b.choose("f-sanctions-0-responsibility", "LEADER");
        b.choose("f-sanctions-0-type", "WARNING");
        b.type("f-sanctions-0-decisionNumber", "赣监处〔2026〕1号");
        b.setValue("f-sanctions-0-decisionDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        b.go("form#f-form button.primary");
        assertThat(b.path()).as(b::errorsShown).isEqualTo("/cases/" + caseId);
        assertThat(b.text("body")).contains("陈明").contains("警告");
        check("supervision-case");
        b.screenshotTo(Path.of("target", "screenshots", "supervision.png"));
        b.signOut();

        // ---- the department reports again; the office accepts and the case closes
        b.signIn(department, Api.PASSWORD);
        b.open("/cases/" + caseId);
        b.go("a.button[href^='/tasks/']");
        b.type("f-report", "全部栏目已更新，并建立每周更新制度。");
        b.type("f-publishedUrls", "https://www.example.gov.cn/xxgk/2026/2.html");
        b.go("form#f-form button.primary");
        b.signOut();
        b.signIn("jx.office", Api.PASSWORD);
        b.open("/cases/" + caseId);
        b.go("a.button[href^='/tasks/']");
        b.click("#f-accepted");
        b.go("form#f-form button.primary");
        assertThat(b.text("dl.facts")).contains("已结案");
        b.click("#timeline summary");
        assertThat(b.text(".timeline")).as("the full record, folded until asked for").contains("结案");
        check("office-case-closed");
        b.open("/cases");
        check("office-cases");
        b.open("/cases/" + caseId + "?lang=en");
        assertThat(b.text("dl.facts")).contains("Closed");
        check("office-case-english");
        b.open("/no-such-page");
        assertThat(b.text("h1")).as("the layout's own error page").isEqualTo("Not found");
        check("not-found");
        b.signOut();

        assertThat(problems).as("accessibility and HTML problems on " + b.checkedPages()).isEmpty();
    }
}
