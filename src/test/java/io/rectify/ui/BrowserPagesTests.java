package io.rectify.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.rectify.api.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The pages the case walk ({@link BrowserWalkTests}) does not reach, in a real browser and by the
 * users who have them: the supervision bodies' review queue and sanctions registry (with a search),
 * the system administrator's pages (with a refused and an accepted account), the security
 * administrator's accounts (with a button pressed), the audit record, and the password change
 * (forced, refused, done). Every page passes axe-core (no serious or critical WCAG 2.1 A/AA
 * violation) and the Nu HTML Checker (no error), in Chinese and, for some, in English.
 */
@EnabledIf(value = "io.rectify.ui.Browser#available", disabledReason = Browser.MISSING)
class BrowserPagesTests extends BrowserTest {

    @Test
    void everyPageBeyondTheCaseWalkIsAccessibleAndValid() {
        Browser b = browser();

        // ---- the supervision bodies: review queue, sanctions registry and a search in it
        for (String supervision : List.of("nc.supervision", "jx.supervision")) {
            b.signIn(supervision, Api.PASSWORD);
            b.go("nav.main-nav a[href='/reviews']");
            assertThat(b.path()).isEqualTo("/reviews");
            check(supervision + "-reviews");
            b.go("nav.main-nav a[href='/sanctions']");
            check(supervision + "-sanctions");
            b.type("personName", "陈");
            b.go("form[role=search] button[type=submit]");
            assertThat(b.path()).isEqualTo("/sanctions");
            check(supervision + "-sanctions-search");
            b.open("/sanctions?lang=en");
            check(supervision + "-sanctions-english");
            b.open("/reviews?lang=zh-CN");
            b.signOut();
        }

        // ---- the system administrator: every page, a refused account, then a created one
        String newcomer = "browser.user" + System.nanoTime() % 100000;
        b.signIn("admin", Api.PASSWORD);
        b.go("nav.main-nav a[href='/admin']");
        assertThat(b.path()).isEqualTo("/admin/bodies");
        check("admin-bodies");
        for (String page : List.of("websites", "users", "calendar", "jobs")) {
            b.go("nav.admin-nav a[href='/admin/" + page + "']");
            check("admin-" + page);
        }
        b.open("/admin/users");
        b.type("username", newcomer);
        b.type("displayName", "浏览器新用户");
        b.choose("role", "RESPONDER");
        b.choose("orgCode", "JX-SUPERVISION");
        b.go("form[action='/admin/users'] button[type=submit]");
        assertThat(b.text(".error-summary")).as("the body that does not fit the role, next to its field").contains("单位");
        assertThat(b.find("#orgCode").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(b.find("#username").getAttribute("value")).isEqualTo(newcomer);
        assertThat(b.all("#initialPassword")).as("the administrator chooses no password").isEmpty();
        checkAnswerToPost("admin-users-errors");
        b.choose("orgCode", "JX-EDU");
        b.go("form[action='/admin/users'] button[type=submit]");
        assertThat(b.path()).as(b::errorsShown).isEqualTo("/admin/users");
        assertThat(b.text("p.notice")).contains(newcomer);
        check("admin-users-created");
        b.open("/admin/users?lang=en");
        check("admin-users-english");
        assertThat(b.all("nav.main-nav a[href='/sanctions']")).as("the registry is for supervision bodies only").isEmpty();
        b.signOut();

        // ---- the security administrator: the accounts, a button pressed, a refusal
        b.signIn("security", Api.PASSWORD);
        b.go("nav.main-nav a[href='/security/accounts']");
        check("security-accounts");
        b.go("form[action='/security/accounts/" + newcomer + "/approve'] button");
        String oneTime = b.text("#one-time-password");
        assertThat(oneTime).hasSize(16);
        check("security-accounts-approved");
        b.go("form[action='/security/accounts/" + newcomer + "/disable'] button");
        assertThat(b.text(".flash")).contains(newcomer);
        check("security-accounts-disabled");
        b.go("form[action='/security/accounts/" + newcomer + "/enable'] button");
        b.open("/security/accounts?lang=en");
        check("security-accounts-english");
        b.open("/security/accounts?lang=zh-CN");
        b.signOut();

        // ---- the audit administrator: the record, a verification, a filter
        b.signIn("auditor", Api.PASSWORD);
        b.go("nav.main-nav a[href='/audit']");
        check("auditor-audit");
        b.go("form[action='/audit/verification'] button");
        check("auditor-audit-verified");
        b.type("filter-actor", "security");
        b.go("form.audit-filter button[type=submit]");
        check("auditor-audit-filtered");
        b.open("/audit?from=not-a-date");
        check("auditor-audit-bad-filter");
        b.signOut();

        // ---- any user: the password change, forced at the newcomer's first sign-in
        b.signIn(newcomer, oneTime);
        assertThat(b.path()).isEqualTo("/account/password");
        check("password-forced");
        b.type("currentPassword", oneTime);
        b.type("newPassword", "short");
        b.type("newPasswordAgain", "short");
        b.go("form[action='/account/password'] button[type=submit]");
        checkAnswerToPost("password-errors");
        b.type("currentPassword", oneTime);
        b.type("newPassword", "Own-Choice-77");
        b.type("newPasswordAgain", "Own-Choice-77");
        b.go("form[action='/account/password'] button[type=submit]");
        check("password-changed");
        b.signOut();
        b.signIn("jx.edu", Api.PASSWORD);
        b.go("nav.main-nav a[href='/account/password']");
        check("password");
        b.signOut();

        assertThat(problems).as("accessibility and HTML problems on " + b.checkedPages()).isEmpty();
    }
}
