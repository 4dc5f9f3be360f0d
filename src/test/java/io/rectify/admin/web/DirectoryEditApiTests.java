package io.rectify.admin.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.PageTest;
import io.rectify.api.Api;
import io.rectify.api.FreshBodies;
import io.rectify.audit.AuditEntry;
import io.rectify.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The system administrator edits, deactivates and activates bodies, websites and accounts through
 * the API: nothing is deleted, each edit is made on the version it read, what a body still needs
 * keeps it active, and a new case names only an active registered website of its respondent.
 */
class DirectoryEditApiTests extends PageTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    AuditLog audit;

    @Test
    void aBodyIsEditedOnTheVersionItWasReadAtAndTheChangeIsAudited() {
        Api admin = api("admin");
        String code = bodies().department("NC");
        long version = admin.get("/api/admin/bodies/" + code).body().get("version").asLong();

        Api.Response saved = admin.exchange(HttpMethod.PUT, "/api/admin/bodies/" + code,
                bodyEdit("改名后的单位", "Renamed body", "JX", null, version));
        assertThat(saved.status()).as(saved.text()).isEqualTo(200);
        assertThat(saved.body().get("nameZh").asText()).isEqualTo("改名后的单位");
        assertThat(saved.body().get("regionCode").asText()).isEqualTo("JX");
        assertThat(saved.body().get("kind").asText()).isEqualTo("DEPARTMENT");
        assertThat(saved.body().get("version").asLong()).isGreaterThan(version);
        assertThat(details("BODY_EDITED")).anyMatch(d -> d.startsWith(code + ":") && d.contains("now 改名后的单位"));

        // a second administrator's edit made on what they read before the first change
        admin.exchange(HttpMethod.PUT, "/api/admin/bodies/" + code, bodyEdit("另一个名称", "Other", "NC", null, version))
                .isProblem(409);
        assertThat(admin.get("/api/admin/bodies/" + code).body().get("nameZh").asText()).isEqualTo("改名后的单位");
    }

    @Test
    void aSupervisionBodyMovedToAnotherRegionWaitsForTheSecurityAdministratorAgain() {
        Api admin = api("admin");
        String code = "NC-MOVED-" + System.nanoTime() % 1_000_000;
        admin.post("/api/admin/bodies", Map.of("code", code, "nameZh", "监察单位", "nameEn", "Supervision body",
                "kind", "SUPERVISION", "regionCode", "NC"));
        admin.as("security").post("/api/security/bodies/" + code + "/approve", null);
        long version = admin.get("/api/admin/bodies/" + code).body().get("version").asLong();

        Api.Response renamed = admin.exchange(HttpMethod.PUT, "/api/admin/bodies/" + code,
                bodyEdit("监察单位（改名）", "Supervision body", "NC", null, version));
        assertThat(renamed.body().get("pending").asBoolean()).as("a new name alone changes no jurisdiction").isFalse();
        Api.Response moved = admin.exchange(HttpMethod.PUT, "/api/admin/bodies/" + code,
                bodyEdit("监察单位（改名）", "Supervision body", "JX", null, renamed.body().get("version").asLong()));

        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(moved.body().get("pending").asBoolean()).as("a new region is a new jurisdiction").isTrue();
        assertThat(details("BODY_EDITED")).anyMatch(d -> d.startsWith(code + ":") && d.endsWith("approval"));
    }

    @Test
    void aBadEditNamesEachFieldAndChangesNothing() {
        Api admin = api("admin");
        String code = bodies().department("NC");
        Map<String, Object> bad = bodyEdit(" ", "Body", "XX", "某前缀", null);
        Api.Response refused = admin.exchange(HttpMethod.PUT, "/api/admin/bodies/" + code, bad).isInvalid("nameZh");
        assertThat(refused.errorFields()).contains("regionCode", "casePrefix", "version");
        admin.exchange(HttpMethod.PUT, "/api/admin/bodies/" + code, null).isInvalid("nameZh");
        admin.exchange(HttpMethod.PUT, "/api/admin/bodies/NO-SUCH-BODY", bodyEdit("名", "Name", "NC", null, 0L)).isProblem(404);
        assertThat(admin.get("/api/admin/bodies/" + code).body().get("regionCode").asText()).isEqualTo("NC");
    }

    @Test
    void aBodyWithOpenCasesOrAccountsIsNotDeactivatedNorMovedAndSaysWhy() {
        Api admin = api("admin");
        String code = bodies().department("JX");
        String caseNumber = api("jx.office").openCase("A33-10", code).get("caseNumber").asText();

        Api.Response refused = admin.post("/api/admin/bodies/" + code + "/deactivate", null).isProblem(409);
        assertThat(refused.body().get("detail").asText()).contains(caseNumber).contains(code.toLowerCase());
        long version = admin.get("/api/admin/bodies/" + code).body().get("version").asLong();
        admin.exchange(HttpMethod.PUT, "/api/admin/bodies/" + code, bodyEdit("名称", "Name", "NC", null, version))
                .isInvalid("regionCode");
        assertThat(admin.get("/api/admin/bodies/" + code).body().get("active").asBoolean()).isTrue();
    }

    @Test
    void aDeactivatedBodyIsOfferedForNothingNewUntilActivatedAgain() {
        Api admin = api("admin");
        Api office = api("jx.office");
        String code = bodies().department("JX");
        Api.Response account = admin.post("/api/admin/users/" + code.toLowerCase() + "/deactivate", null);
        assertThat(account.body().get("enabled").asBoolean()).as(account.text()).isFalse();

        Api.Response deactivated = admin.post("/api/admin/bodies/" + code + "/deactivate", null);
        assertThat(deactivated.status()).as(deactivated.text()).isEqualTo(200);
        assertThat(deactivated.body().get("active").asBoolean()).isFalse();
        assertThat(details("BODY_DEACTIVATED")).anyMatch(d -> d.startsWith(code + ":"));
        office.post("/api/cases", openBody(code, null)).isInvalid("respondentOrgCode");
        admin.post("/api/admin/websites", Map.of("url", "https://" + code.toLowerCase() + ".example.gov.cn", "name", "站",
                "orgCode", code)).isInvalid("orgCode");
        admin.post("/api/admin/users", Map.of("username", code.toLowerCase() + ".two", "displayName", "新用户",
                "role", "RESPONDER", "orgCode", code)).isInvalid("orgCode");

        assertThat(admin.post("/api/admin/bodies/" + code + "/activate", null).body().get("active").asBoolean()).isTrue();
        assertThat(office.post("/api/cases", openBody(code, null)).status()).isEqualTo(201);
    }

    @Test
    void aNewCaseNamesNoOtherBodysSiteAndNoSiteTakenOutOfService() {
        Api admin = api("admin");
        Api office = api("jx.office");
        String code = bodies().department("JX");
        String url = "https://" + code.toLowerCase() + ".jiangxi.gov.cn";
        Api.Response site = admin.post("/api/admin/websites", Map.of("url", url, "name", "测试网站", "orgCode", code));
        assertThat(site.status()).as(site.text()).isEqualTo(201);
        long id = site.body().get("id").asLong();

        office.post("/api/cases", openBody(code, "https://www.jxedu.gov.cn")).isInvalid("websiteUrl");
        Api.Response unregistered = office.post("/api/cases", openBody(code, "https://unregistered-" + code.toLowerCase() + ".gov.cn"));
        assertThat(unregistered.status()).as("a site the registry does not know yet: " + unregistered.text()).isEqualTo(201);
        Api.Response opened = office.post("/api/cases", openBody(code, url));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        String caseId = opened.body().get("id").asText();

        Api.Response off = admin.post("/api/admin/websites/" + id + "/deactivate", null);
        assertThat(off.body().get("active").asBoolean()).as(off.text()).isFalse();
        office.post("/api/cases", openBody(code, url)).isInvalid("websiteUrl");
        long version = off.body().get("version").asLong();
        Api.Response moved = admin.exchange(HttpMethod.PUT, "/api/admin/websites/" + id,
                Map.of("url", url + "/new", "name", "新名称", "orgCode", code, "version", version));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(details("WEBSITE_EDITED")).anyMatch(d -> d.contains("was " + url + " for " + code));
        assertThat(office.caseView(caseId).get("websiteUrl").asText()).as("a case keeps the site it was opened on").isEqualTo(url);
        assertThat(admin.exchange(HttpMethod.PUT, "/api/admin/websites/" + id,
                Map.of("url", "https://www.jxedu.gov.cn", "name", "x", "orgCode", "NO-SUCH", "version", version + 1))
                .isInvalid("url").errorFields()).contains("orgCode");
        admin.exchange(HttpMethod.PUT, "/api/admin/websites/" + id,
                Map.of("url", url, "name", "旧版本上的修改", "orgCode", code, "version", version)).isProblem(409);
    }

    @Test
    void anAccountGivenAnotherRoleOrBodyWaitsForTheSecurityAdministratorAgain() {
        Api admin = api("admin");
        String code = bodies().department("JX");
        String user = code.toLowerCase();

        Api.Response renamed = admin.exchange(HttpMethod.PUT, "/api/admin/users/" + user,
                Map.of("displayName", "新名字", "role", "RESPONDER", "orgCode", code));
        assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
        assertThat(renamed.body().get("pending").asBoolean()).as("a new name is no new power").isFalse();
        assertThat(api(user).get("/api/cases").status()).isEqualTo(200);

        Api.Response moved = admin.exchange(HttpMethod.PUT, "/api/admin/users/" + user,
                Map.of("displayName", "新名字", "role", "RESPONDER", "orgCode", "JX-EDU"));
        assertThat(moved.body().get("orgCode").asText()).isEqualTo("JX-EDU");
        assertThat(moved.body().get("pending").asBoolean()).isTrue();
        assertThat(api(user).get("/api/cases").status()).as("pending until approved").isEqualTo(401);
        assertThat(details("USER_EDITED")).anyMatch(d -> d.startsWith(user + ":") && d.contains("pending"));

        admin.exchange(HttpMethod.PUT, "/api/admin/users/" + user,
                Map.of("displayName", "新名字", "role", "SUPERVISION", "orgCode", "JX-EDU")).isInvalid("orgCode");
        assertThat(admin.exchange(HttpMethod.PUT, "/api/admin/users/" + user,
                Map.of("displayName", " ", "role", "CHIEF", "orgCode", code)).isInvalid("displayName").errorFields())
                .contains("role");
        admin.exchange(HttpMethod.PUT, "/api/admin/users/auditor",
                Map.of("displayName", "审计", "role", "SUPERVISOR", "orgCode", "JX-GOV-OFFICE")).isInvalid("role");
        admin.exchange(HttpMethod.PUT, "/api/admin/users/no.such.user", Map.of("displayName", "x")).isProblem(404);
    }

    @Test
    void anAccountIsDeactivatedAtOnceAndActivatedOnlyPendingApproval() {
        Api admin = api("admin");
        String user = bodies().department("JX").toLowerCase();
        assertThat(api(user).get("/api/cases").status()).isEqualTo(200);

        admin.post("/api/admin/users/" + user + "/deactivate", null);
        assertThat(api(user).get("/api/cases").status()).isEqualTo(401);
        assertThat(details("USER_DEACTIVATED")).anyMatch(d -> d.startsWith(user + ":"));

        Api.Response activated = admin.post("/api/admin/users/" + user + "/activate", null);
        assertThat(activated.body().get("enabled").asBoolean()).as(activated.text()).isTrue();
        assertThat(activated.body().get("pending").asBoolean()).isTrue();
        assertThat(api(user).get("/api/cases").status()).isEqualTo(401);

        for (String administrator : List.of("admin", "security", "auditor")) {
            admin.post("/api/admin/users/" + administrator + "/deactivate", null).isProblem(409);
        }
    }

    @Test
    void onlyTheSystemAdministratorEditsOrDeactivates() {
        String code = bodies().department("NC");
        Api admin = api("admin");
        for (String other : List.of("security", "auditor", "jx.office", "nc.edu")) {
            admin.as(other).exchange(HttpMethod.PUT, "/api/admin/bodies/" + code, bodyEdit("篡改", "x", "NC", null, 0L))
                    .isProblem(403);
            admin.as(other).post("/api/admin/bodies/" + code + "/deactivate", null).isProblem(403);
            admin.as(other).post("/api/admin/users/" + code.toLowerCase() + "/deactivate", null).isProblem(403);
        }
        JsonNode body = admin.get("/api/admin/bodies/" + code).body();
        assertThat(body.get("nameZh").asText()).isNotEqualTo("篡改");
        assertThat(body.get("active").asBoolean()).isTrue();
        assertThat(api(code.toLowerCase()).get("/api/cases").status()).isEqualTo(200);
    }

    private FreshBodies bodies() {
        return new FreshBodies(jdbc, passwords);
    }

    private List<String> details(String action) {
        return audit.ofAction(action).stream().map(AuditEntry::detail).toList();
    }

    private static Map<String, Object> bodyEdit(String nameZh, String nameEn, String regionCode, String casePrefix, Long version) {
        Map<String, Object> edit = new HashMap<>();
        edit.put("nameZh", nameZh);
        edit.put("nameEn", nameEn);
        edit.put("regionCode", regionCode);
        edit.put("casePrefix", casePrefix);
        edit.put("version", version);
        return edit;
    }

    private static Map<String, Object> openBody(String respondent, String websiteUrl) {
        Map<String, Object> body = new HashMap<>(Map.of("categoryCode", "A33-10", "respondentOrgCode", respondent,
                "title", "网站栏目长期未更新", "description", "栏目超过三个月未更新", "source", "INSPECTION"));
        if (websiteUrl != null) {
            body.put("websiteUrl", websiteUrl);
        }
        return body;
    }
}
