package io.rectify.system.security;

import java.time.Duration;

import io.rectify.kernel.TooManyRequestsException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Exports of personal data are limited per user ({@link SecuritySettings#exportsPerMinute()} a
 * minute): a stolen session cannot drain the registry in a loop. Ordinary API calls are never
 * throttled. The exports are counted in the database, so the limit is the same behind any number
 * of nodes.
 */
@Component
public class ExportThrottle {

    private final SlidingWindow exports;

    ExportThrottle(SecuritySettings settings, SecurityClock clock, JdbcTemplate jdbc,
                   PlatformTransactionManager transactions) {
        this.exports = new SlidingWindow("export", settings.exportsPerMinute(), Duration.ofMinutes(1), clock, jdbc,
                transactions);
    }

    /** Counts one export of this user, or refuses it with how long to wait. */
    public void acquire(String username) {
        exports.tryRecord(username).ifPresent(wait -> {
            throw new TooManyRequestsException("导出过于频繁，请稍后再试 / Too many exports: try again later", wait);
        });
    }
}
