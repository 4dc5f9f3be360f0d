package io.rectify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import io.rectify.system.security.SecurityClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The security clock of the test application: real time plus whatever a test has let pass, so
 * that a ten-minute lock ends without sleeping. Time only ever moves forward, which other tests
 * sharing the application never notice (locks and throttles end sooner, nothing starts).
 */
public class MovableSecurityClock extends SecurityClock {

    private final AtomicReference<Duration> passed = new AtomicReference<>(Duration.ZERO);

    MovableSecurityClock() {
        super(Clock.system(ZoneOffset.UTC));
    }

    @Override
    public Instant now() {
        return super.now().plus(passed.get());
    }

    public void pass(Duration time) {
        passed.updateAndGet(p -> p.plus(time));
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Configuration {

        @Bean
        @Primary
        MovableSecurityClock movableSecurityClock() {
            return new MovableSecurityClock();
        }
    }
}
