package io.rectify.finding;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.rectify.monitoring.CheckResult;
import io.rectify.monitoring.CheckStatus;
import io.rectify.monitoring.Indicator;
import io.rectify.monitoring.SiteChecks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The monitoring's checks, unless a test tells every check what to answer: then they fetch nothing,
 * so a re-check passes or fails on demand. Part of the shared test application, so the tests that
 * script the checks and those that probe for real use one application (one engine per JVM).
 */
public class FakeSiteChecks implements SiteChecks {

    private final AtomicReference<CheckStatus> next = new AtomicReference<>();
    private final ObjectProvider<SiteChecks> checks;

    FakeSiteChecks(ObjectProvider<SiteChecks> checks) {
        this.checks = checks;
    }

    /** What every check answers from now on. */
    public void answer(CheckStatus status) {
        next.set(status);
    }

    /** The monitoring's own checks answer again. */
    public void reset() {
        next.set(null);
    }

    @Override
    public List<CheckResult> runNow(long websiteId, Set<Indicator> indicators) {
        CheckStatus status = next.get();
        if (status == null) {
            SiteChecks real = checks.stream().filter(c -> c != this).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no site checks besides the scripted ones"));
            return real.runNow(websiteId, indicators);
        }
        return indicators.stream().map(indicator -> new CheckResult(websiteId, indicator, status, Instant.now(),
                status == CheckStatus.PASS ? "恢复正常" : "仍未整改", List.of())).toList();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        /** Primary: beside the monitoring's own checks, the tests' answers win. */
        @Bean
        @Primary
        FakeSiteChecks fakeSiteChecks(ObjectProvider<SiteChecks> checks) {
            return new FakeSiteChecks(checks);
        }
    }
}
