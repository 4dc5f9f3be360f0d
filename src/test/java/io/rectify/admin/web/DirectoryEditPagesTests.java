package io.rectify.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.rectify.PageTest;
import io.rectify.api.FreshBodies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The pages that edit, deactivate and activate a body, a website or an account, and the new case
 * form's website list: the administrator's alone, errors beside their fields, a stale edit or a
 * body still in use told on the page, and a new case naming only its respondent's active sites.
 */
class DirectoryEditPagesTests extends PageTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void aBodyIsEditedOnItsPageAndABadValueComesBackBesideItsField() throws Exception {
        String code = bodies().department("NC");
        String html = page(get("/admin/bodies/" + code).with(as("admin")), 200);
        assertThat(html).contains("value=\"" + version("organization", "code", code) + "\"", "/admin/bodies/" + code + "/deactivate");

        MvcResult refused = mvc.perform(post("/admin/bodies/" + code).with(as("admin")).with(csrf())
                        .header("Accept-Language", "zh-CN").param("nameZh", " ").param("nameEn", "Body")
                        .param("regionCode", "NC").param("version", "0"))
                .andExpect(status().isBadRequest()).andExpect(view().name(AdminPages.VIEW_BODY))
                .andExpect(model().attributeHasFieldErrorCode("bodyForm", "nameZh", "admin.field.required")).andReturn();
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("此项为必填项", "href=\"#nameZh\"");

        mvc.perform(post("/admin/bodies/" + code).with(as("admin")).with(csrf()).param("nameZh", "新名称")
                        .param("nameEn", "New name").param("regionCode", "NC").param("version", "0"))
                .andExpect(redirectedUrl("/admin/bodies/" + code)).andExpect(flash().attribute("notice", "admin.body.saved"));
        assertThat(jdbc.queryForObject("select name_zh from organization where code = ?", String.class, code)).isEqualTo("新名称");

        // the same form sent again, on the version it was read at: someone else's change is not undone
        MvcResult stale = mvc.perform(post("/admin/bodies/" + code).with(as("admin")).with(csrf())
                        .header("Accept-Language", "zh-CN").param("nameZh", "旧表单").param("nameEn", "Old form")
                        .param("regionCode", "NC").param("version", "0"))
                .andExpect(status().isConflict()).andExpect(view().name(AdminPages.VIEW_BODY)).andReturn();
        assertThat(stale.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("已被他人修改", "value=\"新名称\"");
        assertThat(jdbc.queryForObject("select name_zh from organization where code = ?", String.class, code)).isEqualTo("新名称");
    }

    @Test
    void aBodyStillInUseIsNotDeactivatedAndThePageSaysWhatKeepsIt() throws Exception {
        String code = bodies().department("JX");
        String caseNumber = api("jx.office").openCase("A33-10", code).get("caseNumber").asText();
        String html = page(post("/admin/bodies/" + code + "/deactivate").with(as("admin")).with(csrf())
                .header("Accept-Language", "zh-CN"), 409);
        assertThat(html).contains("仍在使用", caseNumber, code.toLowerCase());
        assertThat(jdbc.queryForObject("select active from organization where code = ?", Boolean.class, code)).isTrue();
    }

    @Test
    void aDeactivatedBodyAndWebsiteLeaveTheNewCaseFormAndComeBack() throws Exception {
        String code = bodies().department("JX");
        String url = "https://" + code.toLowerCase() + ".pages.gov.cn";
        api("admin").post("/api/admin/websites", Map.of("url", url, "name", "页面测试网站", "orgCode", code));
        long siteId = jdbc.queryForObject("select id from website where url = ?", Long.class, url);
        assertThat(page(get("/cases/new").with(as("jx.office")), 200)).contains("value=\"" + code + "\"", "value=\"" + url + "\"");

        mvc.perform(post("/admin/websites/" + siteId + "/deactivate").with(as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/websites/" + siteId));
        assertThat(page(get("/cases/new").with(as("jx.office")), 200)).contains("value=\"" + code + "\"")
                .doesNotContain("value=\"" + url + "\"");
        assertThat(page(get("/admin/websites").with(as("admin")).header("Accept-Language", "zh-CN"), 200)).contains("已停用");
        mvc.perform(post("/admin/websites/" + siteId + "/activate").with(as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/websites/" + siteId));

        mvc.perform(post("/admin/users/" + code.toLowerCase() + "/deactivate").with(as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + code.toLowerCase()));
        mvc.perform(post("/admin/bodies/" + code + "/deactivate").with(as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/bodies/" + code)).andExpect(flash().attribute("notice", "admin.body.deactivated"));
        assertThat(page(get("/cases/new").with(as("jx.office")), 200)).doesNotContain("value=\"" + code + "\"", "value=\"" + url + "\"");
        String users = page(get("/admin/users").with(as("admin")), 200);
        assertThat(users.substring(users.indexOf("id=\"create-user\""))).as("no new account for a deactivated body")
                .doesNotContain("value=\"" + code + "\"");

        mvc.perform(post("/admin/bodies/" + code + "/activate").with(as("admin")).with(csrf()))
                .andExpect(redirectedUrl("/admin/bodies/" + code));
        assertThat(page(get("/cases/new").with(as("jx.office")), 200)).contains("value=\"" + code + "\"", "value=\"" + url + "\"");
    }

    @Test
    void anAccountEditedInItsBodyOnItsPageWaitsForApproval() throws Exception {
        String user = bodies().department("JX").toLowerCase();
        assertThat(page(get("/admin/users/" + user).with(as("admin")), 200)).contains("/admin/users/" + user + "/deactivate");
        mvc.perform(post("/admin/users/" + user).with(as("admin")).with(csrf()).param("displayName", "调岗的人")
                        .param("role", "RESPONDER").param("orgCode", "JX-HEALTH"))
                .andExpect(redirectedUrl("/admin/users/" + user)).andExpect(flash().attribute("notice", "admin.user.savedPending"));
        assertThat(jdbc.queryForObject("select approved from app_user where username = ?", Boolean.class, user)).isFalse();
        mvc.perform(post("/admin/users/" + user).with(as("admin")).with(csrf()).param("displayName", "")
                        .param("role", "RESPONDER").param("orgCode", "JX-HEALTH"))
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasFieldErrorCode("userForm", "displayName", "account.displayName.invalid"));
        assertThat(page(get("/admin/users/admin").with(as("admin")), 200)).as("an administrator's role and body stay")
                .doesNotContain("<select id=\"role\"", "/admin/users/admin/deactivate");
    }

    @Test
    void theEditPagesAreTheSystemAdministratorsAlone() throws Exception {
        String code = bodies().department("NC");
        for (String other : List.of("security", "auditor", "nc.office", "nc.edu")) {
            mvc.perform(get("/admin/bodies/" + code).with(as(other))).andExpect(status().isForbidden());
            mvc.perform(post("/admin/bodies/" + code + "/deactivate").with(as(other)).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/admin/users/" + code.toLowerCase() + "/deactivate").with(as(other)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        assertThat(jdbc.queryForObject("select active from organization where code = ?", Boolean.class, code)).isTrue();
        mvc.perform(get("/admin/bodies/NO-SUCH-BODY").with(as("admin"))).andExpect(status().isNotFound());
        mvc.perform(get("/admin/websites/not-a-number").with(as("admin"))).andExpect(status().isNotFound());
    }

    // --- the new case form ------------------------------------------------------------------------

    @Test
    void theNewCaseFormGroupsTheWebsitesByRespondentAndRefusesAnotherBodysSiteBesideItsField() throws Exception {
        String code = bodies().department("JX");
        String html = page(get("/cases/new").with(as("jx.office")).header("Accept-Language", "zh-CN"), 200);
        assertThat(html).contains("<optgroup label=\"江西省教育厅\" data-org=\"JX-EDU\">", "value=\"https://www.jxedu.gov.cn\"",
                "/js/new-case.js").as("not the office's own site: no case against oneself")
                .doesNotContain("value=\"https://www.jiangxi.gov.cn\"");

        MvcResult refused = mvc.perform(multipart("/cases").file(new MockMultipartFile("evidence", "截图.txt", "text/plain",
                                "首页截图说明".getBytes(StandardCharsets.UTF_8)))
                        .with(as("jx.office")).with(csrf()).header("Accept-Language", "zh-CN")
                        .param("categoryCode", "A33-10").param("respondentOrgCode", code).param("title", "栏目未更新")
                        .param("description", "三个月未更新").param("source", "INSPECTION")
                        .param("websiteUrl", "https://www.jxedu.gov.cn"))
                .andExpect(status().isBadRequest()).andExpect(view().name("cases/new")).andReturn();
        @SuppressWarnings("unchecked")
        Map<String, String> errors = (Map<String, String>) refused.getModelAndView().getModel().get("errors");
        assertThat(errors).containsOnlyKeys("websiteUrl");
        String answer = refused.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).contains("不属于所选整改单位", "href=\"#f-websiteUrl\"", "id=\"f-evidence-again\"", "请重新选择文件");
    }

    private String page(org.springframework.test.web.servlet.RequestBuilder request, int status) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private long version(String table, String key, String value) {
        return jdbc.queryForObject("select version from " + table + " where " + key + " = ?", Long.class, value);
    }

    private FreshBodies bodies() {
        return new FreshBodies(jdbc, passwords);
    }
}
