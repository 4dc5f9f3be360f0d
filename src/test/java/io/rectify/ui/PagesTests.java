package io.rectify.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.util.Map;

import io.rectify.IntegrationTest;
import io.rectify.api.Api;
import io.rectify.api.FreshBodies;
import io.rectify.form.web.FormView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.RequestEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The pages' controllers: view names, models, field errors that keep what was typed, and the
 * same isolation rules as the API (404 for a case or task the caller may not see, 403 for a task
 * of another body on a case they see).
 */
class PagesTests extends IntegrationTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    MockMvc mvc;
    Api office;
    String body;
    String department;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        office = new Api(rest, "jx.office");
        body = new FreshBodies(jdbc, passwords).department("JX");
        department = body.toLowerCase();
    }

    @Test
    void theLoginPageIsOursWithItsFieldsAndCsrfToken() throws Exception {
        MvcResult result = mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(view().name("login"))
                .andReturn();
        String html = result.getResponse().getContentAsString();
        assertThat(html).contains("name=\"username\"", "name=\"password\"", "name=\"_csrf\"", "lang=\"zh-CN\"", "登录");
        assertThat(HtmlChecker.errors(html)).isEmpty();
    }

    @Test
    void aSignedOutVisitorIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/cases")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void aWrongPasswordComesBackToTheLoginPageWithTheError() throws Exception {
        mvc.perform(post("/login").param("username", "jx.office").param("password", "wrong").with(csrf()))
                .andExpect(redirectedUrl("/login?error=failed"));
        String html = mvc.perform(get("/login").param("error", "")).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("用户名或密码不正确", "aria-invalid=\"true\"");
    }

    @Test
    void theLanguageFollowsTheBrowserAndTheSwitchIsRemembered() throws Exception {
        assertThat(mvc.perform(get("/login").header("Accept-Language", "en-GB,en;q=0.9")).andReturn()
                .getResponse().getContentAsString()).contains("lang=\"en\"", "Sign in");
        assertThat(mvc.perform(get("/login").header("Accept-Language", "fr-FR")).andReturn()
                .getResponse().getContentAsString()).as("a language we do not have: Chinese").contains("lang=\"zh-CN\"");
        MvcResult switched = mvc.perform(get("/login").param("lang", "en")).andReturn();
        assertThat(switched.getResponse().getContentAsString()).contains("Sign in");
        assertThat(switched.getResponse().getCookie("RECTIFY_LANG")).isNotNull();
        assertThat(mvc.perform(get("/login").cookie(switched.getResponse().getCookie("RECTIFY_LANG"))).andReturn()
                .getResponse().getContentAsString()).contains("lang=\"en\"");
    }

    @Test
    void anInvalidTaskFormComesBackWithEachErrorBesideItsFieldAndEverythingTyped() throws Exception {
        String caseId = orderedCase();
        String taskId = office.as(department).taskOf(caseId, "respond");
        MockHttpSession session = signIn(department);
        MvcResult result = mvc.perform(post("/tasks/" + taskId).session(session).with(csrf())
                        .param("report", "")
                        .param("publishedUrls", "不是网址"))
                .andExpect(status().isBadRequest())
                .andExpect(view().name("tasks/task"))
                .andReturn();
        FormView form = (FormView) result.getModelAndView().getModel().get("form");
        assertThat(form.errors()).extracting(FormView.ErrorLink::target).containsExactly("f-report", "f-publishedUrls");
        String html = result.getResponse().getContentAsString();
        assertThat(html).contains("href=\"#f-report\"", "不是网址", "aria-invalid=\"true\"",
                "aria-describedby=\"f-report-error\"", "id=\"f-report-error\"");
        assertThat(HtmlChecker.errors(html)).isEmpty();
        assertThat(office.caseView(caseId).get("status").asText()).as("nothing happened to the case").isEqualTo("ORDERED");
    }

    @Test
    void aValidTaskFormCompletesTheTaskThroughTheFacadeAndRedirectsWithAMessage() throws Exception {
        String caseId = orderedCase();
        String taskId = office.as(department).taskOf(caseId, "respond");
        mvc.perform(multipart("/tasks/" + taskId)
                        .file(new MockMultipartFile("evidence", "proof.txt", "text/plain", "截图说明".getBytes()))
                        .session(signIn(department)).with(csrf())
                        .param("report", "已整改")
                        .param("publishedUrls", "https://www.example.gov.cn/a.html"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/cases/" + caseId))
                .andExpect(flash().attribute("flash", "flash.next"));
        assertThat(office.caseView(caseId).get("status").asText()).isEqualTo("RESPONDED");
        assertThat(office.get("/api/cases/" + caseId + "/attachments").body()).hasSize(1);
    }

    @Test
    void aRefusedEvidenceFileKeepsTheTaskOpenAndTheValuesTyped() throws Exception {
        String caseId = orderedCase();
        String taskId = office.as(department).taskOf(caseId, "respond");
        MvcResult result = mvc.perform(multipart("/tasks/" + taskId)
                        .file(new MockMultipartFile("evidence", "tool.exe", "application/octet-stream", new byte[] {77, 90, 0, 1}))
                        .session(signIn(department)).with(csrf())
                        .param("report", "已整改")
                        .param("publishedUrls", "https://www.example.gov.cn/a.html"))
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeExists("fileError"))
                .andReturn();
        assertThat(result.getResponse().getContentAsString()).contains("已整改");
        assertThat(office.caseView(caseId).get("status").asText()).isEqualTo("ORDERED");
        assertThat(office.get("/api/cases/" + caseId + "/attachments").body()).isEmpty();
    }

    @Test
    void aDepartmentOpeningAnotherBodysCaseOrTaskGets404() throws Exception {
        String caseId = orderedCase();
        String taskId = office.as(department).taskOf(caseId, "respond");
        MockHttpSession other = signIn("jx.health");
        mvc.perform(get("/cases/" + caseId).session(other)).andExpect(status().isNotFound()).andExpect(view().name("error"));
        mvc.perform(get("/tasks/" + taskId).session(other)).andExpect(status().isNotFound());
        mvc.perform(post("/tasks/" + taskId).session(other).with(csrf()).param("report", "x"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/cases/" + caseId).session(signIn("gz.office")))
                .andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/cases").session(other)).andReturn().getResponse().getContentAsString())
                .doesNotContain(caseId);
    }

    @Test
    void anOfficeSeeingTheCaseButNotItsTaskGets403() throws Exception {
        String caseId = orderedCase();
        String taskId = office.as(department).taskOf(caseId, "respond");
        mvc.perform(get("/tasks/" + taskId).session(signIn("jx.office")))
                .andExpect(status().isForbidden()).andExpect(view().name("error"));
    }

    @Test
    void theCasePageShowsTheFactsTheOrderAndTheTimeline() throws Exception {
        String caseId = orderedCase();
        MvcResult result = mvc.perform(get("/cases/" + caseId).session(signIn(department)))
                .andExpect(status().isOk())
                .andExpect(view().name("cases/case"))
                .andExpect(model().attributeExists("c", "light", "records", "timeline", "myTasks"))
                .andReturn();
        String html = result.getResponse().getContentAsString();
        assertThat(html).contains("限期更新栏目", "下达整改通知", "提交整改报告", "/cases/" + caseId + "/diagram\"",
                "（当前步骤）");
        assertThat(HtmlChecker.errors(html)).isEmpty();
    }

    @Test
    void openingACaseWithoutItsTitleComesBackWithTheErrorAndTheValues() throws Exception {
        MvcResult result = mvc.perform(multipart("/cases").session(signIn("jx.office")).with(csrf())
                        .param("categoryCode", "A33-04").param("respondentOrgCode", body)
                        .param("title", "").param("description", "栏目未更新").param("source", "INSPECTION"))
                .andExpect(status().isBadRequest())
                .andExpect(view().name("cases/new"))
                .andReturn();
        @SuppressWarnings("unchecked")
        Map<String, String> errors = (Map<String, String>) result.getModelAndView().getModel().get("errors");
        assertThat(errors).containsOnlyKeys("title");
        String html = result.getResponse().getContentAsString();
        assertThat(html).contains("栏目未更新", "href=\"#f-title\"");
        assertThat(HtmlChecker.errors(html)).isEmpty();
    }

    @Test
    void theRespondentPickerListsOnlyBodiesInTheOfficesJurisdiction() throws Exception {
        String html = mvc.perform(get("/cases/new").session(signIn("nc.office"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("value=\"NC-EDU\"").doesNotContain("value=\"GZ-EDU\"", "value=\"JX-EDU\"",
                "value=\"NC-SUPERVISION\"");
        mvc.perform(multipart("/cases").session(signIn(department)).with(csrf())
                        .param("categoryCode", "A33-04").param("respondentOrgCode", "JX-HEALTH")
                        .param("title", "t").param("description", "d").param("source", "INSPECTION"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theExtensionRequestIsValidatedByItsFormAndSentOnce() throws Exception {
        String caseId = orderedCase();
        MockHttpSession session = signIn(department);
        mvc.perform(post("/cases/" + caseId + "/extension-request").session(session).with(csrf()).param("reason", "需采购设备"))
                .andExpect(status().isBadRequest())
                .andExpect(view().name("cases/extension"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("需采购设备")));
        mvc.perform(post("/cases/" + caseId + "/extension-request").session(session).with(csrf())
                        .param("reason", "需采购设备").param("days", "5"))
                .andExpect(redirectedUrl("/cases/" + caseId));
        assertThat(office.caseView(caseId).get("extensionUsed").asBoolean()).isTrue();
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() throws Exception {
        String caseId = orderedCase();
        String taskId = office.as(department).taskOf(caseId, "respond");
        mvc.perform(post("/tasks/" + taskId).session(signIn(department)).param("report", "x"))
                .andExpect(status().isForbidden());
        assertThat(office.caseView(caseId).get("status").asText()).isEqualTo("ORDERED");
    }

    @Test
    void anUnknownPageIsTheLayoutsNotFoundPage() throws Exception {
        MockHttpSession session = signIn("jx.office");
        String html = mvc.perform(get("/cases/no-such-case").session(session)).andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("class=\"skip-link\"", "没有找到");
        assertThat(HtmlChecker.errors(html)).isEmpty();
    }

    @Test
    void theCaseListFiltersByTextAndShowsTheCountdownInWords() throws Exception {
        String caseId = orderedCase();
        String number = office.caseView(caseId).get("caseNumber").asText();
        String html = mvc.perform(get("/cases").param("q", number).session(signIn("jx.office")))
                .andExpect(status().isOk()).andExpect(view().name("cases/list"))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains(number, "light-green", "剩 10 个工作日");
        assertThat(HtmlChecker.errors(html)).isEmpty();
    }

    /** A case against the fresh body with its order issued (10 working days): the respond task is open. */
    private String orderedCase() {
        String caseId = office.openCase("A33-04", body).get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "限期更新栏目", "periodWorkingDays", 10));
        return caseId;
    }

    private MockHttpSession signIn(String user) throws Exception {
        MvcResult result = mvc.perform(post("/login").param("username", user).param("password", Api.PASSWORD).with(csrf()))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    @Test
    void theErrorAddressAskedForDirectlyIsNotFound() {
        var page = rest.exchange(RequestEntity.get("/error").header("Accept", "text/html").build(), String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(404);
        assertThat(page.getBody()).contains("<html");
        assertThat(new Api(rest, "jx.office").get("/error").status()).isEqualTo(404);
    }
}
