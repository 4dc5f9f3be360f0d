package io.rectify.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import io.rectify.PageTest;
import io.rectify.api.Api;
import io.rectify.audit.AuditLog;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MvcResult;

/** The system administrator's pages: theirs alone, rules shared with the API, every change audited. */
class AdminPagesTests extends PageTest {

    static final List<String> PAGES = List.of("/admin/bodies", "/admin/websites", "/admin/users", "/admin/calendar",
            "/admin/jobs");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditLog audit;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void everyAdminPageIsForTheSystemAdministratorOnly() throws Exception {
        for (String page : PAGES) {
            mvc.perform(get(page).with(as("admin"))).andExpect(status().isOk());
            for (String other : List.of("security", "auditor", "jx.office", "jx.supervision", "jx.edu")) {
                mvc.perform(get(page).with(as(other))).andExpect(status().isForbidden()).andExpect(view().name("error"));
            }
        }
    }

    @Test
    void theBodiesPageListsBodiesByRegion() throws Exception {
        MvcResult result = mvc.perform(get("/admin/bodies").with(as("admin")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(view().name(AdminPages.VIEW_BODIES))
                .andExpect(model().attributeExists("bodyForm", "regions", "kinds")).andReturn();
        String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("江西省（JX）").contains("JX-GOV-OFFICE").contains("赣府办整改").contains("南昌市教育局");
        assertThat(html.indexOf("JX-EDU")).isLessThan(html.indexOf("NC-EDU"));
    }

    @Test
    void aBodyWithBadInputIsRefusedFieldByFieldAndNothingIsCreated() throws Exception {
        int bodies = count("organization");
        int audited = audit.ofAction("BODY_CREATED").size();

        MvcResult result = mvc.perform(post("/admin/bodies").with(as("admin")).with(csrf()).header("Accept-Language", "zh-CN")
                        .param("code", "jx edu!").param("nameZh", "新单位").param("nameEn", " ")
                        .param("kind", "MINISTRY").param("regionCode", "XX").param("casePrefix", ""))
                .andExpect(status().isBadRequest()).andExpect(view().name(AdminPages.VIEW_BODIES))
                .andExpect(model().attributeHasFieldErrorCode("bodyForm", "code", "admin.body.code.pattern"))
                .andExpect(model().attributeHasFieldErrorCode("bodyForm", "nameEn", "admin.field.required"))
                .andExpect(model().attributeHasFieldErrorCode("bodyForm", "kind", "admin.body.kind.invalid"))
                .andExpect(model().attributeHasFieldErrorCode("bodyForm", "regionCode", "admin.body.region.unknown"))
                .andReturn();

        String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("代码只能由大写字母、数字和连字符组成").contains("没有这个行政区：XX")
                .contains("aria-invalid=\"true\"").contains("href=\"#code\"").contains("value=\"新单位\"");
        assertThat(count("organization")).isEqualTo(bodies);
        assertThat(audit.ofAction("BODY_CREATED")).hasSize(audited);
    }

    @Test
    void anOfficeNeedsItsOwnCasePrefixAndADepartmentHasNone() throws Exception {
        mvc.perform(post("/admin/bodies").with(as("admin")).with(csrf())
                        .param("code", "JX-T-OFFICE").param("nameZh", "测试办").param("nameEn", "Test office")
                        .param("kind", "OFFICE").param("regionCode", "JX").param("casePrefix", "赣府办整改"))
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasFieldErrorCode("bodyForm", "casePrefix", "admin.body.casePrefix.taken"));
        mvc.perform(post("/admin/bodies").with(as("admin")).with(csrf())
                        .param("code", "JX-T-OFFICE").param("nameZh", "测试办").param("nameEn", "Test office")
                        .param("kind", "OFFICE").param("regionCode", "JX"))
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasFieldErrorCode("bodyForm", "casePrefix", "admin.field.required"));
        mvc.perform(post("/admin/bodies").with(as("admin")).with(csrf())
                        .param("code", "JX-T-DEPT").param("nameZh", "测试厅").param("nameEn", "Test department")
                        .param("kind", "DEPARTMENT").param("regionCode", "JX").param("casePrefix", "赣测"))
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasFieldErrorCode("bodyForm", "casePrefix", "admin.body.casePrefix.officesOnly"));
        assertThat(jdbc.queryForObject("select count(*) from organization where code like 'JX-T-%'", Integer.class)).isZero();
    }

    @Test
    void aValidBodyIsCreatedAuditedAndListed() throws Exception {
        String code = "GZ-T" + System.nanoTime() % 100000;
        mvc.perform(post("/admin/bodies").with(as("admin")).with(csrf())
                        .param("code", code).param("nameZh", "赣州市测试局").param("nameEn", "Ganzhou Test Bureau")
                        .param("kind", "DEPARTMENT").param("regionCode", "GZ"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/bodies"));

        assertThat(jdbc.queryForObject("select region_code from organization where code = ?", String.class, code)).isEqualTo("GZ");
        assertThat(audit.ofAction("BODY_CREATED")).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("admin");
            assertThat(e.detail()).contains(code).contains("DEPARTMENT").contains("GZ");
        });
        assertThat(mvc.perform(get("/admin/bodies").with(as("admin"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains(code).contains("赣州市测试局");
        // the new body can at once be a respondent
        assertThat(api("gz.office").openCase("A33-10", code).get("respondentOrgCode").asText()).isEqualTo(code);
    }

    @Test
    void anotherAdministratorCannotCreateABody() throws Exception {
        int bodies = count("organization");
        for (String other : List.of("security", "auditor", "jx.office")) {
            mvc.perform(post("/admin/bodies").with(as(other)).with(csrf())
                            .param("code", "JX-T-NOPE").param("nameZh", "不应创建").param("nameEn", "Must not exist")
                            .param("kind", "DEPARTMENT").param("regionCode", "JX"))
                    .andExpect(status().isForbidden());
        }
        assertThat(count("organization")).isEqualTo(bodies);
    }

    @Test
    void aWebsiteIsRegisteredForABodyOrRefusedWithItsFieldErrors() throws Exception {
        String url = "https://t" + System.nanoTime() % 100000 + ".jxedu.gov.cn";
        int sites = count("website");

        mvc.perform(post("/admin/websites").with(as("admin")).with(csrf())
                        .param("url", "ftp://x").param("name", "").param("orgCode", "NO-SUCH-BODY"))
                .andExpect(status().isBadRequest()).andExpect(view().name(AdminPages.VIEW_WEBSITES))
                .andExpect(model().attributeHasFieldErrorCode("websiteForm", "url", "admin.website.url.invalid"))
                .andExpect(model().attributeHasFieldErrorCode("websiteForm", "name", "admin.field.required"))
                .andExpect(model().attributeHasFieldErrorCode("websiteForm", "orgCode", "admin.website.org.unknown"));
        mvc.perform(post("/admin/websites").with(as("admin")).with(csrf())
                        .param("url", "https://www.jxedu.gov.cn").param("name", "重复").param("orgCode", "JX-EDU"))
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasFieldErrorCode("websiteForm", "url", "admin.website.url.taken"));
        assertThat(count("website")).isEqualTo(sites);

        mvc.perform(post("/admin/websites").with(as("admin")).with(csrf())
                        .param("url", url).param("name", "教育厅专题网站").param("orgCode", "JX-EDU"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/websites"));
        assertThat(jdbc.queryForObject("select org_code from website where url = ?", String.class, url)).isEqualTo("JX-EDU");
        assertThat(audit.ofAction("WEBSITE_REGISTERED")).anySatisfy(e -> assertThat(e.detail()).contains(url).contains("JX-EDU"));
        assertThat(mvc.perform(get("/admin/websites").with(as("admin"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains(url);
    }

    @Test
    void theWebsitePageEditsTheRegistryFieldsAndColumnsByTheApisRules() throws Exception {
        String n = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
        String url = "https://p" + n.toLowerCase() + ".jxedu.gov.cn/";
        String code = ("P" + n + "0000000000").substring(0, 10);
        Api.Response created = api("admin").post("/api/admin/websites", java.util.Map.of("url", url, "name", "页面登记网站",
                "orgCode", "JX-EDU", "siteCode", code, "columns",
                List.of(java.util.Map.of("name", "工作动态", "url", url + "gzdt/", "kind", "NEWS"))));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        String version = created.body().get("version").asText();

        String page = mvc.perform(get("/admin/websites/" + id).with(as("admin")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("value=\"" + code + "\"").contains("id=\"columns0.url\"").contains("value=\"" + url + "gzdt/\"")
                .as("an empty row to add a column").contains("id=\"columns1.name\"").contains("添加栏目");

        // a short site code, and a column address the monitoring's client would not fetch: named, nothing saved
        MvcResult refused = mvc.perform(post("/admin/websites/" + id).with(as("admin")).with(csrf()).header("Accept-Language", "zh-CN")
                        .param("version", version).param("url", url).param("name", "页面登记网站").param("orgCode", "JX-EDU")
                        .param("siteCode", "36000").param("state", "OPEN").param("icpNumber", "赣ICP备05001234号").param("psbNumber", "")
                        .param("columns[0].name", "工作动态").param("columns[0].url", url + "gzdt/").param("columns[0].kind", "NEWS")
                        .param("columns[1].name", "").param("columns[1].url", "").param("columns[1].kind", "")
                        .param("columns[2].name", "咨询投诉").param("columns[2].url", url + "hdjl/list|1").param("columns[2].kind", "INTERACTION"))
                .andExpect(status().isBadRequest()).andExpect(view().name(AdminPages.VIEW_WEBSITE))
                .andExpect(model().attributeHasFieldErrorCode("websiteForm", "siteCode", "admin.website.siteCode.invalid"))
                .andExpect(model().attributeHasFieldErrorCode("websiteForm", "columns[1].url", "admin.website.url.refused"))
                .andReturn();
        String html = refused.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("网站标识码是 10 位字母或数字").contains("href=\"#siteCode\"")
                .as("the empty row is dropped, so the refused column is the second row, named and linked")
                .contains("href=\"#columns1.url\"").contains("栏目 2 的地址：").contains("value=\"咨询投诉\"")
                .contains("aria-invalid=\"true\"").contains("id=\"columns1.url-error\"");
        assertThat(jdbc.queryForObject("select count(*) from website_column where website_id = ?", Integer.class, id)).isEqualTo(1);

        mvc.perform(post("/admin/websites/" + id).with(as("admin")).with(csrf())
                        .param("version", version).param("url", url).param("name", "页面登记网站").param("orgCode", "JX-EDU")
                        .param("siteCode", "").param("state", "CLOSED").param("icpNumber", "赣ICP备05001234号").param("psbNumber", "")
                        .param("columns[0].name", "工作动态").param("columns[0].url", url + "gzdt/").param("columns[0].kind", "NEWS")
                        .param("columns[1].name", "咨询投诉").param("columns[1].url", url + "hdjl/").param("columns[1].kind", "INTERACTION"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/websites/" + id));
        java.util.Map<String, Object> saved = jdbc.queryForMap("select site_code, state, icp_number, psb_number from website where id = ?", id);
        assertThat(saved.get("SITE_CODE")).as("an emptied site code is cleared").isNull();
        assertThat(saved.get("STATE")).isEqualTo("CLOSED");
        assertThat(saved.get("ICP_NUMBER")).isEqualTo("赣ICP备05001234号");
        assertThat(jdbc.queryForList("select kind from website_column where website_id = ? order by position", String.class, id))
                .containsExactly("NEWS", "INTERACTION");

        // a column's remove button removes that saved row, at the version the page showed
        String shown = String.valueOf(jdbc.queryForObject("select version from website where id = ?", Long.class, id));
        mvc.perform(post("/admin/websites/" + id + "/columns/remove").with(as("admin")).with(csrf())
                        .param("version", shown).param("removeColumn", "0"))
                .andExpect(status().isFound()).andExpect(flash().attribute("notice", "admin.website.column.removed"));
        assertThat(jdbc.queryForList("select name from website_column where website_id = ?", String.class, id)).containsExactly("咨询投诉");
        mvc.perform(post("/admin/websites/" + id + "/columns/remove").with(as("admin")).with(csrf())
                        .param("version", shown).param("removeColumn", "0"))
                .andExpect(status().isConflict());
        assertThat(jdbc.queryForList("select name from website_column where website_id = ?", String.class, id)).containsExactly("咨询投诉");
    }

    @Test
    void theUsersPageListsEveryAccountWithRoleBodyAndState() throws Exception {
        jdbc.update("update app_user set enabled = false where username = 'gz.edu'");
        try {
            String html = mvc.perform(get("/admin/users").with(as("admin")).header("Accept-Language", "en"))
                    .andExpect(status().isOk()).andExpect(view().name(AdminPages.VIEW_USERS))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).contains("jx.supervision").contains("Supervision").contains("Security administrator")
                    .contains("Ganzhou Education Bureau").contains("Disabled");
        } finally {
            jdbc.update("update app_user set enabled = true where username = 'gz.edu'");
        }
    }

    @Test
    void theCalendarPageWarnsOfAYearWithNoPublishedSchedule() throws Exception {
        // the bundled 2027 file is empty: the State Council had not announced 2027 yet
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-06-01T02:00:00Z")));

        MvcResult result = mvc.perform(get("/admin/calendar").with(as("admin")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(view().name(AdminPages.VIEW_CALENDAR))
                .andExpect(model().attribute("missingYears", List.of(2027))).andReturn();

        String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("role=\"alert\"").contains("尚未载入 2027 年").contains("未载入，暂按周末计算");
        assertThat(html.split("已载入", -1).length - 1).as("2024, 2025, 2026 loaded").isGreaterThanOrEqualTo(3);
    }

    @Test
    void anAccountWithBadInputIsRefusedFieldByFieldKeepingWhatWasTyped() throws Exception {
        int users = count("app_user");
        int audited = audit.ofAction("USER_CREATED").size();

        MvcResult result = mvc.perform(post("/admin/users").with(as("admin")).with(csrf()).header("Accept-Language", "zh-CN")
                        .param("username", "jx.edu").param("displayName", "重名的人").param("role", "AUDIT_ADMIN")
                        .param("orgCode", "NO-SUCH-BODY"))
                .andExpect(status().isBadRequest()).andExpect(view().name(AdminPages.VIEW_USERS))
                .andExpect(model().attributeHasFieldErrorCode("userForm", "username", "account.username.taken"))
                .andExpect(model().attributeHasFieldErrorCode("userForm", "role", "account.role.invalid"))
                .andExpect(model().attributeHasFieldErrorCode("userForm", "orgCode", "account.org.unknown"))
                .andReturn();
        String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("用户名已被使用：jx.edu").contains("没有这个单位：NO-SUCH-BODY")
                .contains("id=\"orgCode-error\"").contains("href=\"#orgCode\"")
                .contains("value=\"jx.edu\"").contains("value=\"重名的人\"")
                .as("the administrator chooses no password").doesNotContain("initialPassword");

        // a supervision body for a responder, a missing name: named by its label
        String en = mvc.perform(post("/admin/users").with(as("admin")).with(csrf()).header("Accept-Language", "en")
                        .param("username", "nc.someone").param("displayName", "").param("role", "RESPONDER")
                        .param("orgCode", "NC-SUPERVISION"))
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasFieldErrorCode("userForm", "orgCode", "account.org.kind"))
                .andExpect(model().attributeHasFieldErrorCode("userForm", "displayName", "account.displayName.invalid"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(en).contains("<option value=\"RESPONDER\" selected=\"selected\"");

        assertThat(count("app_user")).isEqualTo(users);
        assertThat(audit.ofAction("USER_CREATED")).hasSize(audited);
    }

    @Test
    void aValidAccountIsCreatedAuditedListedAndWaitsForTheSecurityAdministrator() throws Exception {
        String username = "page.user" + System.nanoTime() % 100000;
        MvcResult created = mvc.perform(post("/admin/users").with(as("admin")).with(csrf())
                        .param("username", username).param("displayName", "页面新用户").param("role", "RESPONDER")
                        .param("orgCode", "NC-EDU"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/users"))
                .andExpect(flash().attribute("notice", "admin.users.created"))
                .andExpect(flash().attribute("noticeArg", username)).andReturn();

        assertThat(audit.ofAction("USER_CREATED")).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("admin");
            assertThat(e.detail()).contains(username).contains("RESPONDER").contains("NC-EDU").contains("pending");
        });
        assertThat(jdbc.queryForObject("select approved from app_user where username = ?", Boolean.class,
                username)).isFalse();
        String html = mvc.perform(get("/admin/users").with(as("admin")).header("Accept-Language", "zh-CN")
                        .flashAttrs(created.getFlashMap()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("已创建账号 " + username).contains(username).contains("页面新用户");
        String row = html.substring(html.indexOf("<code>" + username + "</code>"));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("南昌市教育局").contains("待批准");

        // pending: it cannot sign in at all
        assertThat(api(username).get("/api/tasks").status()).isEqualTo(401);
    }

    @Test
    void onlyTheSystemAdministratorCreatesAccounts() throws Exception {
        int users = count("app_user");
        for (String other : List.of("security", "auditor", "jx.office", "jx.supervision")) {
            mvc.perform(post("/admin/users").with(as(other)).with(csrf())
                            .param("username", "not.created").param("displayName", "x").param("role", "RESPONDER")
                            .param("orgCode", "JX-EDU"))
                    .andExpect(status().isForbidden());
        }
        assertThat(count("app_user")).isEqualTo(users);
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }
}
