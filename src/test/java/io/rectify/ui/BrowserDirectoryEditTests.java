package io.rectify.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
 * In a real browser: the new case's website list narrows to the chosen respondent's sites, a
 * refused form keeps the chosen site and says the evidence must be chosen again, and the
 * administrator's edit pages (a body, a website, an account) with a deactivation. Every page
 * passes axe-core and the Nu HTML Checker.
 */
@EnabledIf(value = "io.rectify.ui.Browser#available", disabledReason = Browser.MISSING)
class BrowserDirectoryEditTests extends BrowserTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    TestRestTemplate rest;

    @Test
    void theNewCasesWebsiteListNarrowsToTheRespondentsSites() throws Exception {
        Browser b = browser();
        String body = new FreshBodies(jdbc, passwords).department("JX");
        String first = "https://" + body.toLowerCase() + ".one.gov.cn";
        String second = "https://" + body.toLowerCase() + ".two.gov.cn";
        Api admin = new Api(rest, "admin");
        for (String url : List.of(first, second)) {
            assertThat(admin.post("/api/admin/websites", Map.of("url", url, "name", "浏览器测试网站", "orgCode", body)).status())
                    .isEqualTo(201);
        }
        Path evidence = Files.createTempFile("evidence", ".txt");
        Files.writeString(evidence, "首页截图说明。\n", StandardCharsets.UTF_8);

        b.signIn("jx.office", Api.PASSWORD);
        b.open("/cases/new");
        assertThat(sites(b)).as("before a respondent is chosen, every respondent's sites")
                .contains(first, second, "https://www.jxedu.gov.cn");
        check("new-case-websites");

        b.choose("f-respondentOrgCode", body);
        assertThat(sites(b)).as("the chosen respondent's sites only").containsExactly("", first, second);
        b.choose("f-websiteUrl", second);
        b.choose("f-respondentOrgCode", "JX-EDU");
        assertThat(sites(b)).contains("https://www.jxedu.gov.cn").doesNotContain(first, second);
        assertThat(b.find("#f-websiteUrl").getAttribute("value")).as("another body's site is not kept chosen").isEmpty();

        b.choose("f-respondentOrgCode", body);
        b.choose("f-websiteUrl", second);
        b.click("#f-categoryCode-A33-04");
        b.type("f-description", "政务公开栏目超过三个月未更新。");
        b.find("#f-evidence").sendKeys(evidence.toAbsolutePath().toString());
        b.go("form#f-form button.primary");
        assertThat(b.text(".error-summary")).as("the summary names the missing title").contains("标题");
        assertThat(b.find("#f-websiteUrl").getAttribute("value")).as("the chosen site is kept").isEqualTo(second);
        assertThat(sites(b)).containsExactly("", first, second);
        assertThat(b.text("#f-evidence-again")).contains("重新选择");
        checkAnswerToPost("new-case-websites-errors");

        b.type("f-title", "政务公开栏目长期未更新");
        b.find("#f-evidence").sendKeys(evidence.toAbsolutePath().toString());
        b.go("form#f-form button.primary");
        assertThat(b.path()).as(b::errorsShown).startsWith("/cases/");
        String caseId = b.path().substring("/cases/".length());
        assertThat(jdbc.queryForObject("select website_url from rectification_case where id = ?", String.class, caseId))
                .isEqualTo(second);
        b.signOut();

        // ---- the administrator's edit pages: a website deactivated, a body refused, an account
        b.signIn("admin", Api.PASSWORD);
        b.open("/admin/websites");
        long secondId = siteId(second);
        b.go("a[href='/admin/websites/" + secondId + "']");
        check("admin-website-edit");
        // the registry's fields and a watched column, typed on the page: a short site code is named, what was typed kept
        b.type("siteCode", "36000");
        b.type("icpNumber", "赣ICP备05001234号");
        b.type("columns0.name", "咨询投诉");
        b.type("columns0.url", second + "/hdjl/");
        b.choose("columns0.kind", "INTERACTION");
        b.go("form[action='/admin/websites/" + secondId + "'] button.primary");
        assertThat(b.text(".error-summary")).contains("网站标识码：网站标识码是 10 位字母或数字");
        assertThat(b.find("#siteCode").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(b.find("[id='columns0.url']").getAttribute("value")).isEqualTo(second + "/hdjl/");
        checkAnswerToPost("admin-website-edit-errors");
        String code = ("B" + System.nanoTime()).substring(0, 10);
        b.type("siteCode", code);
        b.choose("state", "CLOSED");
        b.go("form[action='/admin/websites/" + secondId + "'] button.primary");
        assertThat(b.text(".notice")).as(b::errorsShown).contains("已保存");
        assertThat(jdbc.queryForMap("select site_code, state, icp_number from website where id = ?", secondId))
                .containsEntry("SITE_CODE", code).containsEntry("STATE", "CLOSED").containsEntry("ICP_NUMBER", "赣ICP备05001234号");
        assertThat(jdbc.queryForList("select kind from website_column where website_id = ?", String.class, secondId))
                .containsExactly("INTERACTION");
        assertThat(b.find("[id='columns1.name']").getAttribute("value")).as("a new empty row to add another").isEmpty();
        check("admin-website-registry-saved");
        b.go("button[name='removeColumn'][value='0']");
        assertThat(b.text(".notice")).contains("已删除");
        assertThat(jdbc.queryForList("select kind from website_column where website_id = ?", String.class, secondId)).isEmpty();
        b.go("form[action$='/deactivate'] button");
        assertThat(b.text("#active")).isEqualTo("已停用");
        check("admin-website-deactivated");
        b.open("/admin/bodies/" + body);
        check("admin-body-edit");
        b.go("form[action$='/deactivate'] button");
        assertThat(b.text("#in-use")).contains(body.toLowerCase());
        checkAnswerToPost("admin-body-in-use");
        b.open("/admin/users/" + body.toLowerCase() + "?lang=en");
        check("admin-user-edit-english");
        b.open("/admin/users?lang=zh-CN");
        b.signOut();

        b.signIn("jx.office", Api.PASSWORD);
        b.open("/cases/new");
        b.choose("f-respondentOrgCode", body);
        assertThat(sites(b)).as("a deactivated site is offered for no new case").containsExactly("", first);
        b.signOut();

        assertThat(problems).as("accessibility and HTML problems on " + b.checkedPages()).isEmpty();
    }

    private long siteId(String url) {
        return jdbc.queryForObject("select id from website where url = ?", Long.class, url);
    }

    private static List<String> sites(Browser b) {
        return b.all("#f-websiteUrl option").stream().map((WebElement o) -> o.getAttribute("value")).toList();
    }
}
