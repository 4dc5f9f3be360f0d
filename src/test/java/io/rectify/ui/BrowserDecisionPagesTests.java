package io.rectify.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.rectify.api.Api;
import io.rectify.api.FreshBodies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Two decision pages in a real browser: the order's deadline previewed by its script as the period
 * is typed, and the sanctions form with its body chosen from a list and no stray submit button
 * (the hidden default button stays hidden whatever the button styles say). Axe-clean and Nu-valid.
 */
@EnabledIf(value = "io.rectify.ui.Browser#available", disabledReason = Browser.MISSING)
class BrowserDecisionPagesTests extends BrowserTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void theOrderPreviewsItsDeadlineAsThePeriodIsTypedAndTheSanctionsFormOffersItsBodies() {
        Browser b = browser();

        // ---- issuing an order: the deadline follows the typed period, from the same calendar as the API
        Api office = new Api(rest, "gz.office");
        String respondent = new FreshBodies(jdbc, passwords).department("GZ");
        String caseId = office.openCase("A33-04", respondent).get("id").asText();
        b.signIn("gz.office", Api.PASSWORD);
        b.open("/tasks/" + office.taskOf(caseId, "issueOrder"));
        check("order");
        assertThat(b.find("#f-requirements").getAttribute("value")).as("the category's demand as a starting text").isNotBlank();
        String tenDays = office.get("/api/calendar/deadline?days=10").body().get("deadline").asText();
        b.type("f-periodWorkingDays", "10");
        b.waitForText("#deadline-preview-date", "按 10 个工作日计，整改期限至 " + tenDays);
        b.type("f-periodWorkingDays", "61");
        b.waitForText("#deadline-preview-problem", "整改期限应为 1 至 60 个工作日的整数。");
        assertThat(b.all("#deadline-preview-date")).isEmpty();
        b.type("f-periodWorkingDays", "10");
        b.waitForText("#deadline-preview-date", tenDays);
        check("order-previewed");
        b.signOut();

        // ---- recording sanctions: the body from a list, one visible submit button
        Api nc = new Api(rest, "nc.office");
        String body = new FreshBodies(jdbc, passwords).department("NC");
        String serious = nc.post("/api/cases", Map.of("categoryCode", "A33-08", "respondentOrgCode", body,
                "title", "变相收费", "description", "网站办事强制收费", "source", "INSPECTION",
                "serious", true, "seriousReason", "多次收费")).body().get("id").asText();
        Api supervision = nc.as("nc.supervision");
        supervision.complete(serious, "reviewEscalation", Map.of("decision", "SANCTION", "findings", "查实"));
        b.signIn("nc.supervision", Api.PASSWORD);
        b.open("/tasks/" + supervision.taskOf(serious, "recordSanctions"));
        check("sanctions");
        WebElement orgCode = b.find("#f-sanctions-0-orgCode");
        assertThat(orgCode.getTagName()).isEqualTo("select");
        assertThat(b.all("#f-sanctions-0-orgCode option")).extracting(o -> o.getAttribute("value"))
                .containsExactly("", body, "NC-GOV-OFFICE");
        assertThat(b.find("#f-form > button[hidden]").isDisplayed()).as("the form's default button stays hidden").isFalse();
        assertThat(b.all("#f-form button[type=submit]").stream().filter(WebElement::isDisplayed)
                .filter(button -> button.getText().equals("提交")).count()).as("one submit button to be seen").isEqualTo(1);
        b.go("#f-form button[name=_action][value^='add:']");
        checkAnswerToPost("sanctions-two-records");
        assertThat(b.find("#f-sanctions-1-orgCode").getTagName()).isEqualTo("select");
        assertThat(b.find("#f-form > button[hidden]").isDisplayed()).isFalse();
        b.signOut();

        assertThat(problems).as("accessibility and HTML problems").isEmpty();
    }
}
