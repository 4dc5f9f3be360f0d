package io.rectify.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.rectify.PageTest;
import io.rectify.api.Api;
import io.rectify.api.FreshBodies;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The notification centre page: the respondent of an issued order sees it, with the unread count in
 * the navigation of every page, marks it read, and the count goes; valid HTML, and in a real
 * browser (when there is one) axe-clean in both languages.
 */
class NotificationPagesTests extends PageTest {

    @Autowired JdbcTemplate jdbc;
    @Autowired PasswordEncoder passwords;
    @LocalServerPort int port;

    String responder;
    String caseId;

    @BeforeEach
    void anIssuedOrder() {
        String body = new FreshBodies(jdbc, passwords).department("JX");
        responder = body.toLowerCase();
        Api office = api("jx.office");
        caseId = office.openCase("A33-04", body).get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "更新首页。"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api(responder).get("/api/notifications")
                .body().get("unread").asInt() == 1);
    }

    @Test
    void theRespondentReadsTheOrderInTheCentreAndTheCountGoes() throws Exception {
        String home = mvc.perform(get("/").with(as(responder))).andReturn().getResponse().getContentAsString();
        assertThat(home).as("the unread count in the navigation").contains("<span class=\"badge\">1</span>");

        String centre = mvc.perform(get("/notifications").with(as(responder))).andReturn().getResponse()
                .getContentAsString();
        assertThat(centre).contains("责令整改通知已下达：", "href=\"/cases/" + caseId + "\"", "未读 1 条");
        assertThat(HtmlChecker.errors(centre)).isEmpty();
        long id = api(responder).get("/api/notifications").body().get("items").get(0).get("id").asLong();

        assertThat(mvc.perform(post("/notifications/" + id + "/read").with(csrf()).with(as("jx.edu")))
                .andReturn().getResponse().getStatus()).as("another's entry").isEqualTo(404);
        mvc.perform(post("/notifications/" + id + "/read").with(csrf()).with(as(responder)));
        String after = mvc.perform(get("/notifications").with(as(responder))).andReturn().getResponse()
                .getContentAsString();
        assertThat(after).contains("未读 0 条").doesNotContain("class=\"badge\"");
    }

    @Test
    void markAllReadAnswersWithTheCount() throws Exception {
        mvc.perform(post("/notifications/read-all").with(csrf()).with(as(responder)));
        assertThat(api(responder).get("/api/notifications").body().get("unread").asInt()).isZero();
    }

    @Test
    void theAdministratorAddsAndRemovesALiaisonOnTheBodyPage() throws Exception {
        String body = responder.toUpperCase();
        var refused = mvc.perform(post("/admin/bodies/" + body + "/liaisons").param("name", "张联络").with(csrf())
                .with(as("admin"))).andReturn().getResponse();
        assertThat(refused.getStatus()).as("neither mobile nor mail").isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("请至少填写手机号码或电子邮箱之一");
        assertThat(HtmlChecker.errors(refused.getContentAsString())).isEmpty();

        assertThat(mvc.perform(post("/admin/bodies/" + body + "/liaisons").param("name", "张联络")
                .param("mobile", "13800138000").with(csrf()).with(as("admin"))).andReturn().getResponse()
                .getRedirectedUrl()).isEqualTo("/admin/bodies/" + body);
        String page = mvc.perform(get("/admin/bodies/" + body).with(as("admin"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("张联络", "13800138000");
        assertThat(HtmlChecker.errors(page)).isEmpty();
        long id = jdbc.queryForObject("select id from body_liaison where org_code = ?", Long.class, body);
        mvc.perform(post("/admin/bodies/" + body + "/liaisons/" + id + "/remove").with(csrf()).with(as("admin")));
        assertThat(jdbc.queryForObject("select count(*) from body_liaison where org_code = ?", Integer.class, body))
                .isZero();
    }

    @Test
    void theCentreIsAxeCleanInABrowser() {
        if (!Browser.available()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        Browser b = new Browser("http://localhost:" + port);
        try {
            b.signIn(responder, Api.PASSWORD);
            b.open("/notifications");
            problems.addAll(b.check("notifications"));
            b.open("/notifications?lang=en");
            problems.addAll(b.check("notifications-english"));
            b.go("form[action$='/read'] button");
            problems.addAll(b.checkAnswerToPost("notifications-read"));
            b.signOut();
            b.signIn("admin", Api.PASSWORD);
            b.open("/admin/bodies/" + responder.toUpperCase());
            problems.addAll(b.check("admin-body-liaisons"));
        } finally {
            b.close();
        }
        assertThat(problems).isEmpty();
    }
}
