package io.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.api.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Passwords and their policy, accounts the administrator creates and the security administrator keeps. */
class AccountTests extends SecurityIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @Test
    void aNewPasswordMeetsEveryRuleOfThePolicy() {
        String user = freshUser();
        Api api = new Api(rest, user);
        assertThat(change(api, PASSWORD, "Ab1!xyz").isInvalid("newPassword").text()).contains("8");
        change(api, PASSWORD, "abcdefgh12").isInvalid("newPassword");        // two classes
        change(api, PASSWORD, "ABCDEFGH!!").isInvalid("newPassword");        // two classes
        change(api, PASSWORD, "Xx-" + user + "-1").isInvalid("newPassword"); // contains the username
        change(api, PASSWORD, PASSWORD).isInvalid("newPassword");            // the current one
        change(api, "Not-The-Pass1", "Good-Pass-2026").isInvalid("currentPassword");
        change(api, null, "Good-Pass-2026").isInvalid("currentPassword");

        assertThat(change(api, PASSWORD, "abcdefG1").status()).as("8 characters of three classes").isEqualTo(200);
        assertThat(api.get("/api/categories").status()).as("the old password is gone").isEqualTo(401);
        assertThat(api.withPassword("abcdefG1").get("/api/categories").status()).isEqualTo(200);
        assertThat(audited(user, "PASSWORD_CHANGED")).isEqualTo(1);
    }

    @Test
    void noneOfTheLastFivePasswordsComesBack() {
        String user = freshUser();
        List<String> chosen = List.of(PASSWORD, "First-Pass1", "Second-Pass2", "Third-Pass3", "Fourth-Pass4", "Fifth-Pass5");
        Api api = new Api(rest, user);
        for (int i = 1; i < chosen.size(); i++) {
            Api.Response r = change(api.withPassword(chosen.get(i - 1)), chosen.get(i - 1), chosen.get(i));
            assertThat(r.status()).as(r.text()).isEqualTo(200);
        }
        Api current = api.withPassword("Fifth-Pass5");
        // the last five: Fifth (current), Fourth, Third, Second, First
        for (String recent : chosen.subList(1, 6)) {
            change(current, "Fifth-Pass5", recent).isInvalid("newPassword");
        }
        assertThat(change(current, "Fifth-Pass5", PASSWORD).status()).as("the sixth back may return").isEqualTo(200);
    }

    @Test
    void anAccountTheAdministratorCreatesWaitsForTheSecurityAdministratorThenMustChangeItsPassword() throws Exception {
        String username = "new.user" + System.nanoTime() % 100000;
        Api admin = new Api(rest, "admin");
        Api.Response created = admin.post("/api/admin/users", Map.of("username", username, "displayName", "新用户",
                "role", "RESPONDER", "orgCode", "NC-EDU"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.body().get("pending").asBoolean()).isTrue();
        assertThat(created.text()).as("the administrator learns no password").doesNotContain("initialPassword");
        assertThat(audited("admin", "USER_CREATED")).isPositive();

        // pending: no sign-in, whatever password is tried
        assertThat(new Api(rest, username).get("/api/tasks").status()).isEqualTo(401);

        Api security = new Api(rest, "security");
        Api.Response approved = security.post("/api/security/accounts/" + username + "/approve", null);
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(approved.body().get("account").get("pending").asBoolean()).isFalse();
        assertThat(approved.body().get("account").get("mustChangePassword").asBoolean()).isTrue();
        String oneTime = approved.body().get("initialPassword").asText();
        assertThat(oneTime).hasSize(16);
        assertThat(audited("security", "ACCOUNT_APPROVED")).isPositive();
        security.post("/api/security/accounts/" + username + "/approve", null).isProblem(409);

        Api newcomer = new Api(rest, username).withPassword(oneTime);
        assertThat(newcomer.get("/api/tasks").isProblem(403).text()).contains("/api/account/password");

        Browser browser = new Browser(port);
        browser.signIn(username, oneTime);
        HttpResponse<String> page = browser.get("/cases");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/account/password");
        assertThat(browser.get("/api/categories").statusCode()).isEqualTo(403);
        assertThat(browser.get("/account/password").statusCode()).isEqualTo(200);

        HttpResponse<String> weak = browser.postForm("/account/password", "currentPassword=" + Browser.encode(oneTime) + "&newPassword=weak"
                + "&newPasswordAgain=weak&_csrf=" + Browser.encode(browser.csrfToken()));
        assertThat(weak.statusCode()).isEqualTo(400);
        assertThat(weak.body()).contains("field-error");

        HttpResponse<String> changed = browser.postForm("/account/password", "currentPassword=" + Browser.encode(oneTime)
                + "&newPassword=Own-Choice-77&newPasswordAgain=Own-Choice-77&_csrf=" + Browser.encode(browser.csrfToken()));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(browser.get("/api/categories").statusCode()).as("the same session, now free").isEqualTo(200);
        assertThat(new Api(rest, username).withPassword("Own-Choice-77").get("/api/tasks").status()).isEqualTo(200);
    }

    @Test
    void theAdministratorCreatesOnlyValidBusinessAccountsAndNeverChoosesTheirPassword() {
        Api admin = new Api(rest, "admin");
        admin.post("/api/admin/users", Map.of()).isInvalid("username").isInvalid("role");
        admin.post("/api/admin/users", Map.of("username", "jx.edu", "displayName", "x", "role", "RESPONDER",
                "orgCode", "JX-EDU")).isInvalid("username");
        admin.post("/api/admin/users", Map.of("username", "another.auditor", "displayName", "x", "role", "AUDIT_ADMIN",
                "orgCode", "JX-EDU")).isInvalid("role");
        admin.post("/api/admin/users", Map.of("username", "chosen.one", "displayName", "x", "role", "RESPONDER",
                "orgCode", "JX-EDU", "initialPassword", "Initial-Pass1")).isInvalid("initialPassword");
        admin.post("/api/admin/users", Map.of("username", "lost.one", "displayName", "x", "role", "RESPONDER",
                "orgCode", "NOWHERE")).isInvalid("orgCode");
        for (String other : List.of("security", "auditor", "jx.office")) {
            new Api(rest, other).post("/api/admin/users", Map.of()).isProblem(403);
        }
        for (String other : List.of("admin", "auditor", "jx.office")) {
            new Api(rest, other).post("/api/security/accounts/jx.edu/approve", null).isProblem(403);
        }
    }

    @Test
    void theSecurityAdministratorDoesNotDisableTheSystemOrAuditAdministratorAlone() {
        Api security = new Api(rest, "security");
        for (String administrator : List.of("admin", "auditor")) {
            security.post("/api/security/accounts/" + administrator + "/disable", null).isProblem(409);
            assertThat(new Api(rest, administrator).get("/api/categories").status()).as(administrator + " still works")
                    .isEqualTo(200);
        }
        assertThat(audited("security", "ACCOUNT_DISABLE_REFUSED")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theSecurityAdministratorSeesLocksAndUnlocks() throws Exception {
        String user = freshUser();
        String address = freshAddress();
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/categories").with(httpBasic(user, "Wrong-Pass1")).with(request -> {
                request.setRemoteAddr(address);
                return request;
            }));
        }
        Api security = new Api(rest, "security");
        Api.Response list = security.get("/api/security/accounts");
        assertThat(list.status()).isEqualTo(200);
        JsonNode account = find(list.body(), user);
        assertThat(account.get("locked").asBoolean()).isTrue();
        assertThat(account.get("enabled").asBoolean()).isTrue();
        assertThat(account.has("lockedUntil")).isTrue();
        assertThat(new Api(rest, user).get("/api/categories").status()).isEqualTo(401);

        assertThat(security.post("/api/security/accounts/" + user + "/unlock", null).body().get("locked").asBoolean()).isFalse();
        assertThat(new Api(rest, user).get("/api/categories").status()).isEqualTo(200);
        assertThat(audited("security", "ACCOUNT_UNLOCKED")).isPositive();

        security.post("/api/security/accounts/nobody.here/unlock", null).isProblem(404);
        security.post("/api/security/accounts/security/disable", null).isProblem(409);
        for (String other : List.of("admin", "auditor", "jx.office")) {
            new Api(rest, other).get("/api/security/accounts").isProblem(403);
            new Api(rest, other).post("/api/security/accounts/" + user + "/disable", null).isProblem(403);
        }
    }

    @Test
    void aWeakerStoredHashIsUpgradedAtLoginAndStillChecksTheSamePassword() {
        String user = freshUser();
        String weak = "{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4).encode(PASSWORD);
        jdbc.update("update app_user set password_hash = ? where username = ?", weak, user);

        assertThat(new Api(rest, user).get("/api/categories").status()).isEqualTo(200);

        String stored = jdbc.queryForObject("select password_hash from app_user where username = ?", String.class, user);
        assertThat(stored).startsWith("{bcrypt}$2a$10$").isNotEqualTo(weak);
        assertThat(passwords.matches(PASSWORD, stored)).isTrue();
    }

    private static JsonNode find(JsonNode accounts, String username) {
        for (JsonNode a : accounts) {
            if (a.get("username").asText().equals(username)) {
                return a;
            }
        }
        throw new AssertionError("no account " + username);
    }

    private static Api.Response change(Api api, String current, String next) {
        Map<String, String> body = new java.util.HashMap<>();
        body.put("currentPassword", current);
        body.put("newPassword", next);
        return api.post("/api/account/password", body);
    }
}
