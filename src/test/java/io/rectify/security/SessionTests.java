package io.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import io.rectify.api.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Sessions live in the database: a new id at login, 30 idle minutes, ended when the account is disabled; CSRF checked. */
class SessionTests extends SecurityIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate rest;

    @Test
    void theSessionIdChangesAtLogin() throws Exception {
        Browser browser = new Browser(port);
        browser.csrfToken();
        assertThat(browser.sessionId()).as("the login page starts no session: its CSRF token is a cookie").isNull();
        // a session that is already there, as one planted in a victim's browser would be
        assertThat(browser.signIn("jx.edu", PASSWORD)).doesNotContain("error");
        String before = browser.sessionId();
        assertThat(before).isNotNull();

        assertThat(browser.signIn("jx.office", PASSWORD)).doesNotContain("error");

        assertThat(browser.sessionId()).isNotNull().isNotEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from spring_session where session_id = ?", Long.class,
                new String(java.util.Base64.getDecoder().decode(before)))).as("the old id is gone").isZero();
        assertThat(browser.get("/api/categories").statusCode()).isEqualTo(200);
    }

    @Test
    void aSessionIdleForThirtyMinutesReturnsToTheLoginPage() throws Exception {
        Browser browser = new Browser(port);
        browser.signIn("jx.office", PASSWORD);
        assertThat(browser.get("/account/password").statusCode()).isEqualTo(200);
        String id = browser.storedSessionId();
        assertThat(jdbc.queryForObject("select max_inactive_interval from spring_session where session_id = ?",
                Integer.class, id)).as("30 minutes, configured").isEqualTo(30 * 60);

        // the session was last used 30 minutes and a second ago: what the database holds is all a node knows
        long idleSince = System.currentTimeMillis() - (30 * 60 + 1) * 1000L;
        jdbc.update("update spring_session set last_access_time = ?, expiry_time = ? where session_id = ?",
                idleSince, idleSince + 30 * 60 * 1000L, id);

        HttpResponse<String> after = browser.get("/account/password");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(browser.get("/api/categories").statusCode()).isEqualTo(401);
    }

    @Test
    void aSessionUsedWithinThirtyMinutesStays() throws Exception {
        Browser browser = new Browser(port);
        browser.signIn("jx.office", PASSWORD);
        String id = browser.storedSessionId();
        long usedAt = System.currentTimeMillis() - 29 * 60 * 1000L;
        jdbc.update("update spring_session set last_access_time = ?, expiry_time = ? where session_id = ?",
                usedAt, usedAt + 30 * 60 * 1000L, id);
        assertThat(browser.get("/account/password").statusCode()).isEqualTo(200);
    }

    @Test
    void disablingAUserEndsTheirLiveSessions() throws Exception {
        String user = freshUser();
        Browser browser = new Browser(port);
        browser.signIn(user, PASSWORD);
        assertThat(browser.get("/api/categories").statusCode()).isEqualTo(200);

        Api security = new Api(rest, "security");
        Api.Response disabled = security.post("/api/security/accounts/" + user + "/disable", null);
        assertThat(disabled.status()).as(disabled.text()).isEqualTo(200);
        assertThat(disabled.body().get("enabled").asBoolean()).isFalse();

        assertThat(browser.get("/api/categories").statusCode()).isEqualTo(401);
        assertThat(browser.get("/account/password").statusCode()).isEqualTo(302);
        assertThat(new Api(rest, user).get("/api/categories").status()).isEqualTo(401);
        assertThat(new Browser(port).signIn(user, PASSWORD)).contains("error");
        assertThat(audited("security", "ACCOUNT_DISABLED")).isPositive();

        assertThat(security.post("/api/security/accounts/" + user + "/enable", null).status()).isEqualTo(200);
        assertThat(new Api(rest, user).get("/api/categories").status()).isEqualTo(200);
    }

    @Test
    void aForgedCsrfTokenIsRefusedOnAPageFormAndOnASessionApiCall() throws Exception {
        Browser browser = new Browser(port);
        browser.signIn("jx.edu", PASSWORD);

        HttpResponse<String> form = browser.postForm("/account/password",
                "currentPassword=x&newPassword=y&newPasswordAgain=y&_csrf=forged-token");
        assertThat(form.statusCode()).isEqualTo(403);

        HttpResponse<String> api = browser.postJson("/api/account/password",
                "{\"currentPassword\":\"x\",\"newPassword\":\"y\"}", "forged-token");
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(api.body()).contains("CSRF");

        HttpResponse<String> withToken = browser.postJson("/api/account/password",
                "{\"currentPassword\":\"x\",\"newPassword\":\"y\"}", browser.csrfToken());
        assertThat(withToken.statusCode()).as("the real token passes; the wrong password is then a 400").isEqualTo(400);
        assertThat(failedLogins("jx.edu")).isEqualTo(1);
        jdbc.update("update app_user set failed_logins = 0 where username = 'jx.edu'");
    }
}
