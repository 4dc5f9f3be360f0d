package io.rectify.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.rectify.api.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The security administrator's page: theirs alone; the buttons do what the API does (the same
 * service, the same audit entries), and a refusal is a notice on the list, not an error page.
 */
class SecurityAccountsPageTests extends SecurityIntegrationTest {

    @Autowired
    UserDetailsService users;

    @Autowired
    TestRestTemplate rest;

    @LocalServerPort
    int port;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void thePageIsTheSecurityAdministratorsAlone() throws Exception {
        mvc.perform(get("/security/accounts").with(as("security"))).andExpect(status().isOk())
                .andExpect(view().name("security/accounts"));
        for (String other : List.of("admin", "auditor", "jx.office", "jx.edu", "jx.supervision")) {
            mvc.perform(get("/security/accounts").with(as(other))).andExpect(status().isForbidden())
                    .andExpect(view().name("error"));
            mvc.perform(post("/security/accounts/jx.edu/disable").with(as(other)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        assertThat(enabled("jx.edu")).isTrue();
        // without the CSRF token not even the security administrator's post goes through
        mvc.perform(post("/security/accounts/jx.edu/disable").with(as("security"))).andExpect(status().isForbidden());
        assertThat(enabled("jx.edu")).isTrue();
    }

    @Test
    void theListShowsEachAccountsStateAndUnlockUnlocks() throws Exception {
        String user = freshUser();
        guess(user, 5);
        assertThat(lockedUntil(user)).as("five failures lock").isNotNull();
        assertThat(new Api(rest, user).get("/api/categories").status()).as("locked").isEqualTo(401);
        String unlucky = freshUser();
        guess(unlucky, 2);

        String zh = page("zh-CN");
        String row = rowOf(zh, user);
        assertThat(row).contains("整改单位").contains("JX-EDU").contains("启用").contains("解锁");
        assertThat(row).matches("(?s).*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}.*");
        assertThat(rowOf(zh, unlucky)).contains("<td>2</td>").doesNotContain("解锁");
        assertThat(page("en")).contains("Failed logins in a row").contains("Locked until").contains("Unlock");

        long before = audited("security", "ACCOUNT_UNLOCKED");
        mvc.perform(post("/security/accounts/" + user + "/unlock").with(as("security")).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/security/accounts"))
                .andExpect(flash().attribute("notice", "security.accounts.unlocked"))
                .andExpect(flash().attribute("noticeRefused", false));
        assertThat(audited("security", "ACCOUNT_UNLOCKED")).isEqualTo(before + 1);
        assertThat(lockedUntil(user)).isNull();
        assertThat(new Api(rest, user).get("/api/categories").status()).as("unlocked").isEqualTo(200);
        assertThat(rowOf(page("zh-CN"), user)).doesNotContain("解锁").contains("<td>0</td>");
    }

    @Test
    void disablingEndsTheAccountsUseAndEnablingRestoresIt() throws Exception {
        String user = freshUser();
        Browser signedIn = new Browser(port);
        signedIn.signIn(user, PASSWORD);
        assertThat(signedIn.get("/cases").statusCode()).isEqualTo(200);

        long before = audited("security", "ACCOUNT_DISABLED");
        mvc.perform(post("/security/accounts/" + user + "/disable").with(as("security")).with(csrf()))
                .andExpect(redirectedUrl("/security/accounts"))
                .andExpect(flash().attribute("notice", "security.accounts.disabled"));
        assertThat(audited("security", "ACCOUNT_DISABLED")).isEqualTo(before + 1);
        assertThat(enabled(user)).isFalse();
        HttpResponse<String> after = signedIn.get("/cases");
        assertThat(after.statusCode()).as("the live session is over").isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).contains("/login");
        assertThat(new Api(rest, user).get("/api/categories").status()).as("no new sign-in").isEqualTo(401);
        String row = rowOf(page("zh-CN"), user);
        assertThat(row).contains("停用").contains("启用</span>");

        mvc.perform(post("/security/accounts/" + user + "/enable").with(as("security")).with(csrf()))
                .andExpect(redirectedUrl("/security/accounts"))
                .andExpect(flash().attribute("notice", "security.accounts.enabled"));
        assertThat(audited("security", "ACCOUNT_ENABLED")).isPositive();
        assertThat(new Api(rest, user).get("/api/categories").status()).isEqualTo(200);
    }

    @Test
    void aSecurityAdministratorCannotDisableItselfAndIsToldSo() throws Exception {
        long before = audited("security", "ACCOUNT_DISABLED");
        MvcResult refused = mvc.perform(post("/security/accounts/security/disable").with(as("security")).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/security/accounts"))
                .andExpect(flash().attribute("notice", "security.accounts.notYourself"))
                .andExpect(flash().attribute("noticeRefused", true)).andReturn();
        assertThat(enabled("security")).isTrue();
        assertThat(audited("security", "ACCOUNT_DISABLED")).isEqualTo(before);

        // the list after the redirect says why, as an alert
        String html = mvc.perform(get("/security/accounts").with(as("security")).header("Accept-Language", "zh-CN")
                        .flashAttrs(refused.getFlashMap()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("role=\"alert\"").contains("不能停用自己的账号（security）");
        assertThat(rowOf(html, "security")).contains("本人账号").doesNotContain("/security/accounts/security/disable");

        mvc.perform(post("/security/accounts/nobody.here/unlock").with(as("security")).with(csrf()))
                .andExpect(redirectedUrl("/security/accounts"))
                .andExpect(flash().attribute("notice", "security.accounts.gone"));
    }

    private void guess(String user, int times) throws Exception {
        String address = freshAddress();
        for (int i = 0; i < times; i++) {
            mvc.perform(get("/api/categories").with(httpBasic(user, "Wrong-Pass1")).with(request -> {
                request.setRemoteAddr(address);
                return request;
            }));
        }
    }

    private String page(String language) throws Exception {
        return mvc.perform(get("/security/accounts").with(as("security")).header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The table row of one account. */
    private static String rowOf(String html, String username) {
        int at = html.indexOf("<code>" + username + "</code>");
        assertThat(at).as("a row for " + username).isPositive();
        return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
    }

    private boolean enabled(String username) {
        return jdbc.queryForObject("select enabled from app_user where username = ?", Boolean.class, username);
    }

    private Object lockedUntil(String username) {
        return jdbc.queryForObject("select locked_until from app_user where username = ?", Object.class, username);
    }

    long audited(String actor, String action) {
        return jdbc.queryForObject("select count(*) from audit_entry where actor = ? and action = ?", Long.class,
                actor, action);
    }
}
