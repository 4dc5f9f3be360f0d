package io.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/** Who gets a session, how many, and when they end; CSRF skipped only for HTTP Basic; a lockout that tells nothing. */
class SessionRulesTests extends RealClientTests {

    @Test
    void anonymousRequestsLeaveNoSessionRow() throws Exception {
        long before = sessionRows();
        Browser visitor = browser();
        for (HttpResponse<String> response : new HttpResponse[] {
                visitor.get("/login"),
                visitor.get("/cases"),
                visitor.get("/api/cases"),
                visitor.signInWith("jx.office", "Wrong-Pass1", "X-Forwarded-For", clientAddress()),
                visitor.get("/login?error=failed")}) {
            assertThat(response.headers().allValues("Set-Cookie")).as(response.uri().toString())
                    .noneMatch(cookie -> cookie.startsWith("SESSION="));
        }
        assertThat(sessionRows()).isLessThanOrEqualTo(before);
    }

    @Test
    void thePageAskedForBeforeSigningInIsShownAfterIt() throws Exception {
        Browser browser = browser();
        assertThat(browser.get("/cases").statusCode()).isEqualTo(302);
        HttpResponse<String> signedIn = browser.signInWith("jx.office", PASSWORD);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/cases"));
    }

    @Test
    void changingThePasswordEndsTheUsersOtherSessionsButNotThisOne() throws Exception {
        String user = freshUser();
        Browser here = browser();
        Browser elsewhere = browser();
        assertThat(here.signInWith(user, PASSWORD).statusCode()).isEqualTo(302);
        assertThat(elsewhere.signInWith(user, PASSWORD).statusCode()).isEqualTo(302);
        assertThat(elsewhere.get("/api/cases").statusCode()).isEqualTo(200);

        HttpResponse<String> changed = here.postJsonWith("/api/account/password",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"Neues-Wort-2026\"}",
                "X-CSRF-TOKEN", here.csrfToken());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        assertThat(elsewhere.get("/api/cases").statusCode()).as("the other session ended").isEqualTo(401);
        assertThat(here.get("/api/cases").statusCode()).as("this one stays").isEqualTo(200);
        assertThat(lastDetail(user, "PASSWORD_CHANGED")).contains("1 other session(s) ended");
    }

    @Test
    void aFourthSignInEndsTheSessionUsedLeastRecently() throws Exception {
        String user = freshUser();
        Browser first = browser();
        Browser second = browser();
        Browser third = browser();
        Browser fourth = browser();
        for (Browser browser : new Browser[] {first, second, third}) {
            assertThat(browser.signInWith(user, PASSWORD).statusCode()).isEqualTo(302);
        }
        assertThat(second.get("/api/cases").statusCode()).isEqualTo(200);
        assertThat(third.get("/api/cases").statusCode()).isEqualTo(200);
        assertThat(fourth.signInWith(user, PASSWORD).statusCode()).isEqualTo(302);

        assertThat(first.get("/api/cases").statusCode()).as("the least recently used session ended").isEqualTo(401);
        for (Browser browser : new Browser[] {second, third, fourth}) {
            assertThat(browser.get("/api/cases").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void csrfIsSkippedOnlyForRequestsThatHttpBasicAuthenticated() throws Exception {
        String user = freshUser();
        Browser browser = browser();
        assertThat(browser.signInWith(user, PASSWORD).statusCode()).isEqualTo(302);
        String noChange = "{}";

        assertThat(browser.postJsonWith("/api/account/password", noChange, "Authorization", "Bearer x").statusCode())
                .as("another scheme's header does not stand in for the session's CSRF token").isEqualTo(403);
        assertThat(browser.postJsonWith("/api/account/password", noChange, "Authorization", basic(user, "Wrong-Pass1"),
                "X-Forwarded-For", clientAddress()).statusCode())
                .as("Basic credentials that fail are not helped by the session").isEqualTo(401);
        assertThat(browser.postJsonWith("/api/account/password", noChange, "Authorization", basic(user, PASSWORD))
                .statusCode()).as("Basic authenticated it: past CSRF, to the service's 400").isEqualTo(400);
    }

    @Test
    void aWrongGuessAtALockedAccountReadsExactlyAsAGuessAtAnUnknownName() throws Exception {
        String user = freshUser();
        String address = clientAddress();
        lockOut(user, address);

        HttpResponse<String> locked = categories(user, "Wrong-Pass1", address);
        HttpResponse<String> unknown = categories("nobody." + user, "Wrong-Pass1", address);
        assertThat(locked.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(401);
        assertThat(locked.body()).isEqualTo(unknown.body());
        assertThat(browser().signInWith(user, "Wrong-Pass1", "X-Forwarded-For", address).headers().firstValue("Location"))
                .isEqualTo(browser().signInWith("nobody." + user, "Wrong-Pass1", "X-Forwarded-For", address)
                        .headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/login?error=failed"));

        assertThat(categories(user, PASSWORD, address).body()).as("whoever knows the password learns why").contains("locked");
    }

    @Test
    void theRightPasswordOfALockedAccountIsNoGuessAgainstTheAddress() throws Exception {
        String user = freshUser();
        lockOut(user, clientAddress());
        String owner = clientAddress();
        for (int i = 0; i < 30; i++) {
            assertThat(categories(user, PASSWORD, owner).statusCode()).isEqualTo(401);
        }
        assertThat(categories("jx.edu", PASSWORD, owner).statusCode()).as("the owner's address is not throttled")
                .isEqualTo(200);
    }
}
