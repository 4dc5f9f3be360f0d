package io.rectify.finding;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectify.casefile.CaseFindings;
import io.rectify.casefile.ResponseRecorded;
import io.rectify.monitoring.CheckResult;
import io.rectify.monitoring.CheckStatus;
import io.rectify.monitoring.Indicator;
import io.rectify.monitoring.SiteChecks;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The re-check before a case that came from findings may close: when the department reports, the
 * checks of the case's findings run again at once, and their result is stored on the case in the
 * report's own transaction, so it cannot be lost between the report and the verification.
 * <p>
 * The checks fetch the site, which takes as long as the site does: they run on a small pool of
 * their own while the report waits at most {@link FindingSettings#recheckTimeout()}. A re-check
 * that took longer, or could not run, is stored as inconclusive, which does not pass: the office
 * then accepts only with a written reason (or sends the report back).
 */
@Component
class Rechecks {

    private static final Logger log = LoggerFactory.getLogger(Rechecks.class);

    private final FindingStore store;
    private final ObjectProvider<SiteChecks> siteChecks;
    private final ObjectMapper json;
    private final FindingSettings settings;
    private final Clock clock;
    private final ThreadPoolExecutor pool;

    Rechecks(FindingStore store, ObjectProvider<SiteChecks> siteChecks, ObjectMapper json, FindingSettings settings,
             Clock clock) {
        this.store = store;
        this.siteChecks = siteChecks;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(32), task -> {
            Thread thread = new Thread(task, "recheck-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.pool.allowCoreThreadTimeOut(true);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    @EventListener
    void on(ResponseRecorded event) {
        FindingStore.MonitoredRow monitored = store.monitoredCases(List.of(event.caseId())).get(event.caseId());
        if (monitored == null) {
            return;
        }
        // what only an inspector judges cannot be judged again here: the office reads the report
        Set<Indicator> indicators = EnumSet.noneOf(Indicator.class);
        store.ofCase(event.caseId()).stream().map(Finding::indicator).filter(Indicator::probed).forEach(indicators::add);
        if (indicators.isEmpty()) {
            return;
        }
        SiteChecks checks = siteChecks.getIfAvailable();
        List<CaseFindings.Recheck.Result> results = checks == null
                ? inconclusive(indicators, "no checks are installed on this node")
                : run(checks, monitored.websiteId(), indicators);
        boolean passed = indicators.stream().allMatch(indicator -> results.stream()
                .anyMatch(r -> r.indicator().equals(indicator.name()) && CheckStatus.PASS.name().equals(r.status())));
        store.recheck(event.caseId(), passed, clock.instant(), write(results));
    }

    private List<CaseFindings.Recheck.Result> run(SiteChecks checks, long websiteId, Set<Indicator> indicators) {
        Future<List<CheckResult>> running;
        try {
            running = pool.submit(() -> checks.runNow(websiteId, indicators));
        } catch (RejectedExecutionException e) {
            return inconclusive(indicators, "too many re-checks at once");
        }
        try {
            List<CheckResult> done = running.get(settings.recheckTimeout().toMillis(), TimeUnit.MILLISECONDS);
            List<CaseFindings.Recheck.Result> results = new ArrayList<>();
            for (CheckResult r : done) {
                if (indicators.contains(r.indicator())) {
                    results.add(new CaseFindings.Recheck.Result(r.indicator().name(), r.status().name(),
                            r.checkedAt() == null ? clock.instant() : r.checkedAt(), r.detail()));
                }
            }
            for (Indicator missing : indicators) {
                if (results.stream().noneMatch(r -> r.indicator().equals(missing.name()))) {
                    results.add(inconclusive(missing, "the check gave no result"));
                }
            }
            return results;
        } catch (TimeoutException e) {
            running.cancel(true);
            return inconclusive(indicators, "the re-check took longer than " + settings.recheckTimeout().toSeconds() + " s");
        } catch (ExecutionException e) {
            log.warn("re-check of website {} failed", websiteId, e.getCause());
            return inconclusive(indicators, "the re-check failed: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return inconclusive(indicators, "the re-check was interrupted");
        }
    }

    private List<CaseFindings.Recheck.Result> inconclusive(Set<Indicator> indicators, String why) {
        return indicators.stream().map(indicator -> inconclusive(indicator, why)).toList();
    }

    private CaseFindings.Recheck.Result inconclusive(Indicator indicator, String why) {
        Instant now = clock.instant();
        return new CaseFindings.Recheck.Result(indicator.name(), CheckStatus.INCONCLUSIVE.name(), now, why);
    }

    private String write(List<CaseFindings.Recheck.Result> results) {
        try {
            return json.writeValueAsString(results);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the re-check", e);
        }
    }
}
