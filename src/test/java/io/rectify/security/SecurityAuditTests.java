package io.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Sign-outs, refused access and CSRF refusals are on the audit record, with who, what and from where. */
class SecurityAuditTests extends RealClientTests {

    @Test
    void signingOutIsAudited() throws Exception {
        String user = freshUser();
        Browser browser = browser();
        browser.signIn(user, PASSWORD);
        HttpResponse<String> out = browser.postForm("/logout", "_csrf=" + Browser.encode(browser.csrfToken()));
        assertThat(out.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?logout"));
        assertThat(lastDetail(user, "LOGOUT")).startsWith("from ");
    }

    @Test
    void refusedAccessIsAuditedOnTheApiAndThePages() throws Exception {
        String user = freshUser();
        browser().get("/api/cases/no-such-case", "Authorization", basic(user, PASSWORD));
        assertThat(lastDetail(user, "ACCESS_REFUSED")).startsWith("GET /api/cases/no-such-case: 404");
        browser().get("/api/sanctions", "Authorization", basic(user, PASSWORD));
        assertThat(lastDetail(user, "ACCESS_REFUSED")).startsWith("GET /api/sanctions: 403");

        Browser browser = browser();
        browser.signIn(user, PASSWORD);
        assertThat(browser.get("/cases/no-such-case").statusCode()).isEqualTo(404);
        assertThat(lastDetail(user, "ACCESS_REFUSED")).startsWith("GET /cases/no-such-case: 404");
    }

    @Test
    void csrfRefusalsAreAudited() throws Exception {
        String user = freshUser();
        Browser browser = browser();
        browser.signIn(user, PASSWORD);
        for (HttpResponse<String> refused : List.of(
                browser.postJsonWith("/api/account/password", "{}"),
                browser.postForm("/account/password", "currentPassword=x&newPassword=y&newPasswordAgain=y"))) {
            assertThat(refused.statusCode()).isEqualTo(403);
        }
        assertThat(audited(user, "CSRF_REFUSED")).isEqualTo(2);
        assertThat(lastDetail(user, "CSRF_REFUSED")).startsWith("POST /account/password: 403");
    }
}
