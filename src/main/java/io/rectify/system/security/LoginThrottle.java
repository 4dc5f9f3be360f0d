package io.rectify.system.security;

import java.time.Duration;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * One address guessing passwords is refused for a while after
 * {@link SecuritySettings#addressFailures()} failures within {@link SecuritySettings#addressWindow()}.
 * It refuses the address, never an account: the accounts it tried are not locked by it, so an
 * attacker cannot lock other people out by guessing from one place. The failures are counted in
 * the database: behind several nodes an address has the same number of guesses as behind one.
 */
@Component
class LoginThrottle {

    private final SlidingWindow failures;

    LoginThrottle(SecuritySettings settings, SecurityClock clock, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.failures = new SlidingWindow("login-address", settings.addressFailures(), settings.addressWindow(), clock,
                jdbc, transactions);
    }

    Optional<Duration> refused(String address) {
        return failures.blocked(key(address));
    }

    /** Counts a failure; answers whether the address is now refused. */
    boolean failed(String address) {
        failures.record(key(address));
        return refused(address).isPresent();
    }

    private static String key(String address) {
        return address == null ? "unknown" : address;
    }
}
