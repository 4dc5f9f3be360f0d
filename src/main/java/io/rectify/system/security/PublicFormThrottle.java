package io.rectify.system.security;

import java.time.Duration;

import io.rectify.kernel.TooManyRequestsException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Submissions of the public error report page, counted per client address in the shared throttle
 * (scope {@code public-report} of {@code throttle_event}), so a flood from one address is refused
 * on every node. The address is kept only there, and only for the window.
 */
@Component
public class PublicFormThrottle {

    private final SecurityClock clock;
    private final JdbcTemplate jdbc;
    private final PlatformTransactionManager transactions;

    PublicFormThrottle(SecurityClock clock, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Counts one submission from this address, or refuses it (429) with how long to wait. */
    public void acquire(String address, int limit, Duration window) {
        new SlidingWindow("public-report", limit, window, clock, jdbc, transactions).tryRecord(address).ifPresent(wait -> {
            throw new TooManyRequestsException("提交过于频繁，请稍后再试 / Too many reports from your address: try again later",
                    wait);
        });
    }
}
