package io.rectify.finding;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.rectify.monitoring.CheckResult;
import io.rectify.monitoring.CheckStatus;
import io.rectify.monitoring.Indicator;
import io.rectify.monitoring.SiteChecks;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Checks that fetch nothing: each answers what the test told it to, so a re-check passes or fails on demand. */
public class FakeSiteChecks implements SiteChecks {

    private final AtomicReference<CheckStatus> next = new AtomicReference<>(CheckStatus.PASS);

    /** What every check answers from now on. */
    public void answer(CheckStatus status) {
        next.set(status);
    }

    @Override
    public List<CheckResult> runNow(long websiteId, Set<Indicator> indicators) {
        CheckStatus status = next.get();
        return indicators.stream().map(indicator -> new CheckResult(websiteId, indicator, status, Instant.now(),
                status == CheckStatus.PASS ? "恢复正常" : "仍未整改", List.of())).toList();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        /** Primary: beside the monitoring's own checks, the tests' answers win. */
        @Bean
        @Primary
        FakeSiteChecks fakeSiteChecks() {
            return new FakeSiteChecks();
        }
    }
}
