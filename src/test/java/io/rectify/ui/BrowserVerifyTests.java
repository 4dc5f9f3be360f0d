package io.rectify.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.rectify.api.Api;
import io.rectify.api.ResponseValues;
import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.casefile.CaseService;
import io.rectify.casefile.ContentTypesTest;
import io.rectify.category.Categories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The verify page of a real case in a real browser: the report with its address as a link, the
 * evidence as a download link, an earlier round folded, and the date a typed period gives (the
 * page's script); the respond page of a returned round and the inbox's tag. Every page passes
 * axe-core and the Nu HTML Checker, as the case walk's pages do.
 */
@EnabledIf(value = "io.rectify.ui.Browser#available", disabledReason = Browser.MISSING)
class BrowserVerifyTests extends BrowserTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    CaseService cases;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    Categories categories;

    @Test
    void theVerifyPageShowsTheReportAndItsEvidenceAndTheReturnedRoundIsMarked() {
        Api office = new Api(rest, "jx.office");
        Api department = office.as("jx.edu");
        String caseId = office.openCase("A33-03", "JX-EDU").get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "公开 2026 年部门预算"));
        department.complete(caseId, "respond", ResponseValues.of("A33-03"));
        office.complete(caseId, "verify", Map.of("accepted", false, "comment", "预算说明未公开"));

        Browser b = browser();
        b.signIn("jx.edu", Api.PASSWORD);
        assertThat(b.find("a[href='/tasks/" + department.taskOf(caseId, "respond") + "']")
                .findElement(org.openqa.selenium.By.xpath("..")).getText()).contains("退回");
        check("inbox-returned");
        b.open("/tasks/" + department.taskOf(caseId, "respond"));
        assertThat(b.text(".returned")).contains("第 2 轮整改", "预算说明未公开");
        check("respond-returned");
        b.signOut();

        assertThat(department.upload(caseId, "预算说明截图.pdf", ContentTypesTest.PDF).status()).isEqualTo(201);
        department.complete(caseId, "respond", Map.of("report", "已公开预算说明，见 https://www.jx.gov.cn/ys.html",
                "publishedUrls", "https://www.example.gov.cn/xxgk/2026/ys.html"));

        b.signIn("jx.office", Api.PASSWORD);
        b.open("/tasks/" + office.taskOf(caseId, "verify"));
        WebElement report = b.find("section.round");
        assertThat(report.getText()).contains("整改报告（第 2 轮）", "已公开预算说明");
        assertThat(b.find("section.round a[href='https://www.jx.gov.cn/ys.html']").getAttribute("rel"))
                .isEqualTo("noopener noreferrer");
        assertThat(b.find("section.round ul.evidence a").getText()).isEqualTo("预算说明截图.pdf");
        assertThat(b.find("section.round ul.evidence a").getAttribute("href"))
                .contains("/api/cases/" + caseId + "/attachments/");
        assertThat(b.all("details.round")).hasSize(1);
        check("verify");

        // the date a period gives, as it is typed
        int defaultPeriod = categories.defaultPeriodWorkingDays("A33-03");
        assertThat(b.find("#f-periodWorkingDays").getAttribute("value")).isEqualTo(String.valueOf(defaultPeriod));
        assertThat(b.text("#period-deadline")).isEqualTo(calendar.addWorkingDays(cases.today(), defaultPeriod).toString());
        b.type("f-periodWorkingDays", "12");
        assertThat(b.text("#period-deadline")).isEqualTo(calendar.addWorkingDays(cases.today(), 12).toString());
        b.type("f-periodWorkingDays", "90");
        assertThat(b.text("#period-deadline")).contains("1 至 60");

        b.open("/tasks/" + office.taskOf(caseId, "verify") + "?lang=en");
        assertThat(b.text("section.round")).contains("Rectification report (round 2)");
        check("verify-english");
        b.open("/?lang=zh-CN");
        b.signOut();

        assertThat(problems).as("accessibility and HTML problems on " + b.checkedPages()).isEmpty();
    }
}
