package io.rectify.system.security;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Real time for security decisions (locks, throttles, remembered credentials). It is not the
 * business clock that the demo's clock control moves: moving that clock must neither unlock an
 * account nor stretch a throttle. Tests replace this bean to pass ten minutes without sleeping.
 */
public class SecurityClock {

    private final Clock clock;

    public SecurityClock(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** This clock as a {@link Clock}, for code that takes one. */
    Clock asClock() {
        SecurityClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return self.now();
            }
        };
    }
}
