package io.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.rectify.PageTest;
import io.rectify.api.Api;
import io.rectify.audit.AuditLog;
import io.rectify.directory.Directory;
import io.rectify.directory.OrgKind;
import io.rectify.directory.Organization;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * An office or supervision body the system administrator creates is pending until the security
 * administrator approves it (三员分立): while pending it is no respondent, receives no task, and its
 * accounts can neither be approved nor sign in. A department is not pending: it reads no sanction
 * and opens no case.
 */
class BodyApprovalTests extends PageTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    Directory directory;

    @Autowired
    AuditLog audit;

    @Test
    void aSupervisionBodyTheAdministratorCreatesIsPendingItsAccountsWaitAndTheSecurityAdministratorApprovesIt() {
        Api admin = api("admin");
        String code = newBody(admin, "SUPERVISION", null);
        assertThat(directory.bodiesInAndAbove("NC", OrgKind.SUPERVISION)).extracting(Organization::code)
                .as("no task goes to a pending body").doesNotContain(code).contains("NC-SUPERVISION");
        String username = code.toLowerCase().replace("-", ".") + ".user";
        Api.Response account = admin.post("/api/admin/users", Map.of("username", username, "displayName", "待批准单位的人",
                "role", "SUPERVISION", "orgCode", code));
        assertThat(account.status()).as(account.text()).isEqualTo(201);

        admin.as("security").post("/api/security/accounts/" + username + "/approve", null).isProblem(409);
        // an account approved before its body was made pending (say, by a change of kind) still cannot sign in
        jdbc.update("update app_user set approved = true, password_hash = ? where username = ?",
                passwords.encode(Api.PASSWORD), username);
        admin.as(username).get("/api/cases").isProblem(401);

        admin.as("admin").post("/api/security/bodies/" + code + "/approve", null).isProblem(403);
        admin.as("jx.supervision").post("/api/security/bodies/" + code + "/approve", null).isProblem(403);
        Api.Response approved = admin.as("security").post("/api/security/bodies/" + code + "/approve", null);

        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.body().get("approved").asBoolean()).isTrue();
        assertThat(admin.get("/api/admin/bodies").body().findParents("code").stream()
                .filter(b -> b.get("code").asText().equals(code)).findFirst().orElseThrow().get("pending").asBoolean())
                .isFalse();
        assertThat(directory.bodiesInAndAbove("NC", OrgKind.SUPERVISION)).extracting(Organization::code).contains(code);
        assertThat(admin.as(username).get("/api/cases").status()).isEqualTo(200);
        admin.as("security").post("/api/security/bodies/" + code + "/approve", null).isProblem(409);
        admin.as("security").post("/api/security/bodies/NO-SUCH-BODY/approve", null).isProblem(404);
        assertThat(audit.ofAction("BODY_APPROVED")).anySatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo("security");
            assertThat(entry.detail()).startsWith(code + " SUPERVISION in NC");
        });
        assertThat(audit.ofAction("BODY_CREATED")).anySatisfy(entry ->
                assertThat(entry.detail()).startsWith(code + " ").endsWith("pending the security administrator's approval"));
    }

    @Test
    void aPendingOfficeIsNoRespondentUntilApproved() throws Exception {
        Api admin = api("admin");
        String code = newBody(admin, "OFFICE", "测试办整改" + COUNTER.incrementAndGet() + System.nanoTime() % 10000);
        Api office = admin.as("jx.office");
        Map<String, Object> opening = Map.of("categoryCode", "A34-01", "respondentOrgCode", code,
                "title", "对待批准的办公室立案", "description", "网站存在违规情形", "source", "INSPECTION");

        office.post("/api/cases", opening).isInvalid("respondentOrgCode");
        String form = mvc.perform(get("/cases/new").with(as("jx.office"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(form).as("the respondent picker").doesNotContain(code).contains("NC-GOV-OFFICE");

        admin.as("security").post("/api/security/bodies/" + code + "/approve", null);

        Api.Response opened = office.post("/api/cases", opening);
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
    }

    @Test
    void aDepartmentIsNotPending() {
        Api admin = api("admin");
        String code = newBody(admin, "DEPARTMENT", null);

        assertThat(directory.findOrganization(code).orElseThrow().approved()).isTrue();
        admin.as("security").post("/api/security/bodies/" + code + "/approve", null).isProblem(409);
    }

    @Test
    void theSecurityAdministratorsPageListsPendingBodiesAndApprovesThem() throws Exception {
        String code = newBody(api("admin"), "SUPERVISION", null);

        String page = mvc.perform(get("/security/accounts").with(as("security")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("待批准的单位").contains(code).contains("/security/bodies/" + code + "/approve");
        String adminList = mvc.perform(get("/admin/bodies").with(as("admin")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(adminList.substring(adminList.indexOf(code))).as("the administrator's list says it waits")
                .contains("待安全管理员批准");

        mvc.perform(post("/security/bodies/" + code + "/approve").with(as("security")).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/security/accounts"))
                .andExpect(flash().attribute("notice", "security.bodies.approved"));
        assertThat(directory.findOrganization(code).orElseThrow().approved()).isTrue();
        mvc.perform(post("/security/bodies/" + code + "/approve").with(as("security")).with(csrf()))
                .andExpect(flash().attribute("notice", "security.bodies.refused.approved"));
        mvc.perform(post("/security/bodies/" + code + "/approve").with(as("admin")).with(csrf()))
                .andExpect(status().isForbidden());
        String after = mvc.perform(get("/security/accounts").with(as("security"))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(after).doesNotContain("/security/bodies/" + code + "/approve");
    }

    private String newBody(Api admin, String kind, String casePrefix) {
        String code = "NC-P" + COUNTER.incrementAndGet() + "X" + System.nanoTime() % 100000;
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "nameZh", "待批准单位", "nameEn", "Pending body",
                "kind", kind, "regionCode", "NC"));
        if (casePrefix != null) {
            body.put("casePrefix", casePrefix);
        }
        Api.Response created = admin.post("/api/admin/bodies", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().get("pending").asBoolean()).isEqualTo(List.of("OFFICE", "SUPERVISION").contains(kind));
        return code;
    }
}
