package io.rectify.system.security;

import java.time.Duration;

import io.rectify.system.TooManyRequestsException;
import org.springframework.stereotype.Component;

/**
 * Exports of personal data are limited per user ({@link SecuritySettings#exportsPerMinute()} a
 * minute): a stolen session cannot drain the registry in a loop. Ordinary API calls are never
 * throttled.
 */
@Component
public class ExportThrottle {

    private final SlidingWindow exports;

    ExportThrottle(SecuritySettings settings, SecurityClock clock) {
        this.exports = new SlidingWindow(settings.exportsPerMinute(), Duration.ofMinutes(1), clock);
    }

    /** Counts one export of this user, or refuses it with how long to wait. */
    public void acquire(String username) {
        exports.tryRecord(username).ifPresent(wait -> {
            throw new TooManyRequestsException("导出过于频繁，请稍后再试 / Too many exports: try again later", wait);
        });
    }
}
