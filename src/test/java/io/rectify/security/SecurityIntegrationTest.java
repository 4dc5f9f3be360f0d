package io.rectify.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.rectify.IntegrationTest;
import io.rectify.system.security.SecurityClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole application with a security clock the test moves (ten minutes pass without
 * sleeping) and MockMvc beside the real port, where a request's client address can be chosen.
 * One context for all security tests; the business tests keep theirs.
 */
@AutoConfigureMockMvc
@Import(SecurityIntegrationTest.MovableClockConfiguration.class)
abstract class SecurityIntegrationTest extends IntegrationTest {

    static final String PASSWORD = "Demo@2026";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    MovableSecurityClock clock;

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

    /** Real time plus whatever the test has let pass. */
    static final class MovableSecurityClock extends SecurityClock {

        private final AtomicReference<Duration> passed = new AtomicReference<>(Duration.ZERO);

        MovableSecurityClock() {
            super(Clock.system(ZoneOffset.UTC));
        }

        @Override
        public Instant now() {
            return super.now().plus(passed.get());
        }

        void pass(Duration time) {
            passed.updateAndGet(p -> p.plus(time));
        }
    }

    @TestConfiguration
    static class MovableClockConfiguration {

        @Bean
        @Primary
        MovableSecurityClock movableSecurityClock() {
            return new MovableSecurityClock();
        }
    }
}
