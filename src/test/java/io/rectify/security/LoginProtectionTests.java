package io.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Failed logins lock the account; many failures from one address throttle the address, not accounts. */
class LoginProtectionTests extends SecurityIntegrationTest {

    @Test
    void fiveWrongPasswordsLockTheAccountForTenMinutesFormAndBasicAlike() throws Exception {
        String user = freshUser();
        String address = freshAddress();
        // a successful call first: the password is remembered, and that must not open a locked account
        assertThat(basic(user, PASSWORD, address).getStatus()).isEqualTo(200);

        for (int i = 0; i < 3; i++) {
            assertThat(basic(user, "Wrong-Pass1", address).getStatus()).isEqualTo(401);
        }
        for (int i = 0; i < 2; i++) {
            assertThat(form(user, "Wrong-Pass1", address).getRedirectedUrl()).isEqualTo("/login?error=failed");
        }
        assertThat(audited(user, "ACCOUNT_LOCKED")).isEqualTo(1);
        assertThat(audited(user, "LOGIN_FAILED")).isEqualTo(5);

        MockHttpServletResponse refused = basic(user, PASSWORD, address);
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(refused.getContentAsString()).contains("locked");
        assertThat(form(user, PASSWORD, address).getRedirectedUrl()).isEqualTo("/login?error=locked");
        assertThat(basic(user, PASSWORD, freshAddress()).getStatus()).as("from anywhere").isEqualTo(401);

        clock.pass(Duration.ofMinutes(9));
        assertThat(basic(user, PASSWORD, address).getStatus()).as("still locked after 9 minutes").isEqualTo(401);
        clock.pass(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(basic(user, PASSWORD, address).getStatus()).as("open again after 10 minutes").isEqualTo(200);
        assertThat(form(user, PASSWORD, address).getRedirectedUrl()).isEqualTo("/");
        assertThat(failedLogins(user)).isZero();
    }

    @Test
    void aSuccessfulLoginStartsTheCountAgain() throws Exception {
        String user = freshUser();
        String address = freshAddress();
        for (int i = 0; i < 4; i++) {
            basic(user, "Wrong-Pass1", address);
        }
        assertThat(failedLogins(user)).isEqualTo(4);
        assertThat(basic(user, PASSWORD, address).getStatus()).isEqualTo(200);
        assertThat(failedLogins(user)).isZero();
        basic(user, "Wrong-Pass1", address);
        assertThat(basic(user, PASSWORD, address).getStatus()).as("one failure does not lock").isEqualTo(200);
    }

    @Test
    void thirtyFailuresFromOneAddressThrottleThatAddressButLockNoAccount() throws Exception {
        String victim = freshUser();
        String attacker = freshAddress();
        for (int i = 0; i < 30; i++) {
            // a different guessed name each time: no account reaches its own limit
            assertThat(basic("guess" + i + "." + victim, "Wrong-Pass1", attacker).getStatus()).isEqualTo(401);
        }

        MockHttpServletResponse throttled = basic(victim, PASSWORD, attacker);
        assertThat(throttled.getStatus()).isEqualTo(429);
        assertThat(throttled.getContentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(throttled.getHeader("Retry-After"))).isBetween(1L, 600L);
        MockHttpServletResponse page = form(victim, PASSWORD, attacker);
        assertThat(page.getRedirectedUrl()).isEqualTo("/login?error=throttled");
        assertThat(audited(victim, "LOGIN")).as("no password was checked for the throttled address").isZero();
        assertThat(audited(victim, "LOGIN_THROTTLED")).as("but both refusals are on the record").isEqualTo(2);

        assertThat(failedLogins(victim)).isZero();
        assertThat(basic(victim, PASSWORD, freshAddress()).getStatus()).as("the account works from elsewhere").isEqualTo(200);

        clock.pass(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(basic(victim, PASSWORD, attacker).getStatus()).as("the address may try again later").isEqualTo(200);
    }

    @Test
    void aNormalClientIsNeverThrottled() throws Exception {
        String address = freshAddress();
        for (int i = 0; i < 60; i++) {
            assertThat(basic("jx.edu", PASSWORD, address).getStatus()).isEqualTo(200);
        }
    }

    private MockHttpServletResponse basic(String user, String password, String address) throws Exception {
        return mvc.perform(get("/api/categories").with(httpBasic(user, password)).with(from(address)))
                .andReturn().getResponse();
    }

    private MockHttpServletResponse form(String user, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("username", user).param("password", password).with(csrf())
                .with(from(address))).andReturn().getResponse();
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
