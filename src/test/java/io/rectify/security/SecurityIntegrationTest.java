package io.rectify.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.rectify.IntegrationTest;
import io.rectify.MovableSecurityClock;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The shared test application, with its movable security clock (ten minutes pass without
 * sleeping) and MockMvc through the real security filters beside the real port: there a
 * request's client address can be chosen, so one test's failed logins never throttle another's.
 */
abstract class SecurityIntegrationTest extends IntegrationTest {

    static final String PASSWORD = "Demo@2026";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Autowired
    WebApplicationContext application;

    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    MovableSecurityClock clock;

    @Autowired
    CsrfTokenRepository csrfTokens;

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(application).apply(SecurityMockMvcConfigurers.springSecurity()).build();
        realCsrfTokens();
    }

    /**
     * MockMvc's {@code csrf()} swaps the CSRF filters' token store for a session-backed test store,
     * and those filters are the real server's too: put the application's own store (a cookie) back,
     * so that a test over the real port meets the application as it is.
     */
    private void realCsrfTokens() {
        for (String path : new String[] {"/login", "/api/cases"}) {
            MockHttpServletRequest request = new MockHttpServletRequest(application.getServletContext(), "GET", path);
            WebTestUtils.setCsrfTokenRepository(request, csrfTokens);
        }
    }

    /** A new RESPONDER account of JX-EDU with {@link #PASSWORD}, no failures, nothing to change. */
    String freshUser() {
        String username = "sec" + System.nanoTime() % 1_000_000 + "." + COUNTER.incrementAndGet();
        jdbc.update("insert into app_user (username, password_hash, display_name, role, org_code, enabled, created_at) "
                + "values (?, ?, ?, 'RESPONDER', 'JX-EDU', true, ?)", username, passwords.encode(PASSWORD), "测试用户",
                Timestamp.from(Instant.now()));
        return username;
    }

    /** A client address no other test uses, so one test's failed logins never throttle another's. */
    static String freshAddress() {
        int n = COUNTER.incrementAndGet();
        return "10.77." + (n / 250) + "." + (n % 250 + 1);
    }

    int failedLogins(String username) {
        return jdbc.queryForObject("select failed_logins from app_user where username = ?", Integer.class, username);
    }

    long audited(String actor, String action) {
        return jdbc.queryForObject("select count(*) from audit_entry where actor = ? and action = ?", Long.class,
                actor, action);
    }
}
