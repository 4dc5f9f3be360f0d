package io.rectify.monitoring.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.rectify.directory.Directory;
import io.rectify.monitoring.MonitoringSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The probes' schedule, kept by db-scheduler in the product's own database (table
 * {@code scheduled_tasks}, migration 26): it survives restarts, and a probe due is picked by one
 * node only (the row's version). Each watched site has two executions: its homepage every 10
 * minutes (≥ 20 a day), its daily checks (columns, messages, links, marks, certificate) once a day, each
 * rescheduled from its own completion with a little jitter so that sites do not fall due together.
 * A recurring sync gives new sites their executions; a site no longer watched loses them at its
 * next turn. Every node may run the schedule ({@code db-scheduler.enabled}); the scheduler reads
 * the application's clock.
 */
@Configuration(proxyBeanMethods = false)
public class ProbeSchedule {

    static final String HOMEPAGE = "monitoring-homepage";
    static final String DAILY = "monitoring-daily";
    static final String SYNC = "monitoring-sync";
    static final String CLEANUP = "monitoring-cleanup";

    private static final Logger log = LoggerFactory.getLogger(ProbeSchedule.class);

    /** the executions run on this thread (run-due counts them) */
    static final ThreadLocal<AtomicInteger> RUN_HERE = new ThreadLocal<>();

    @Bean
    CustomTask<Void> monitoringHomepageTask(Monitor monitor, Directory directory, MonitoringSettings settings, Clock clock) {
        return Tasks.custom(HOMEPAGE, Void.class).onDeadExecution(ProbeSchedule::reviveAtItsDueTime).execute((instance, context) -> {
            long id = Long.parseLong(instance.getId());
            counted();
            if (!watched(directory, id)) {
                return (complete, operations) -> operations.remove();
            }
            monitor.probeHomepage(id, context.getExecution().getExecutionTime());
            return reschedule(clock, settings.schedule().homepageEvery(), settings.schedule().jitter());
        });
    }

    @Bean
    CustomTask<Void> monitoringDailyTask(Monitor monitor, Directory directory, MonitoringSettings settings, Clock clock) {
        return Tasks.custom(DAILY, Void.class).execute((instance, context) -> {
            long id = Long.parseLong(instance.getId());
            counted();
            if (!watched(directory, id)) {
                return (complete, operations) -> operations.remove();
            }
            monitor.runNow(id, Monitor.DAILY);
            return reschedule(clock, settings.schedule().dailyEvery(), settings.schedule().jitter().multipliedBy(10));
        });
    }

    @Bean
    RecurringTask<Void> monitoringSyncTask(Sync sync) {
        return Tasks.recurring(SYNC, FixedDelay.of(Duration.ofMinutes(10))).execute((instance, context) -> sync.run());
    }

    @Bean
    RecurringTask<Void> monitoringCleanupTask(ProbeLog probes, MonitoringSettings settings, Clock clock) {
        return Tasks.recurring(CLEANUP, FixedDelay.of(Duration.ofHours(24))).execute((instance, context) -> {
            int forgotten = probes.forgetBefore(clock.instant().minus(settings.rawRetention()));
            log.info("monitoring: {} raw probe(s) older than {} forgotten; daily counts kept", forgotten, settings.rawRetention());
        });
    }

    /** db-scheduler's clock is the application's: the default profile's clock control moves it too. */
    @Bean
    com.github.kagkarlsson.scheduler.Clock dbSchedulerClock(Clock clock) {
        return clock::instant;
    }

    @Bean
    Sync monitoringSync(DataSource dataSource, Directory directory, JdbcTemplate jdbc, MonitoringSettings settings, Clock clock,
                        CustomTask<Void> monitoringHomepageTask, CustomTask<Void> monitoringDailyTask) {
        return new Sync(SchedulerClient.Builder.create(dataSource, List.<Task<?>>of(monitoringHomepageTask, monitoringDailyTask)).build(),
                directory, jdbc, settings, clock, monitoringHomepageTask, monitoringDailyTask);
    }

    /**
     * An execution whose node died (its heartbeat stopped) runs again on another node, for the due
     * time it had: the library's own revival would make it due "now", and the probe of the earlier
     * due time, if the dead node wrote it, could no longer be told from a new one.
     */
    static void reviveAtItsDueTime(ExecutionComplete dead, ExecutionOperations<Void> operations) {
        log.info("monitoring: {} revived for its due time {}: its node stopped beating", dead.getExecution().taskInstance,
                dead.getExecution().executionTime);
        operations.reschedule(dead, dead.getExecution().executionTime);
    }

    private static void counted() {
        AtomicInteger counter = RUN_HERE.get();
        if (counter != null) {
            counter.incrementAndGet();
        }
    }

    private static boolean watched(Directory directory, long id) {
        return directory.website(id).map(w -> w.watched()).orElse(false);
    }

    private static CompletionHandler<Void> reschedule(Clock clock, Duration every, Duration jitter) {
        return (complete, operations) -> operations.reschedule(complete, clock.instant().plus(every).plus(jitter(jitter)));
    }

    static Duration jitter(Duration max) {
        long millis = max.toMillis();
        return millis <= 0 ? Duration.ZERO : Duration.ofMillis(ThreadLocalRandom.current().nextLong(millis));
    }

    /** Gives every watched site its two executions, once (the row's key makes a second insert a no-op). */
    public static class Sync {
        private final SchedulerClient client;
        private final Directory directory;
        private final JdbcTemplate jdbc;
        private final MonitoringSettings settings;
        private final Clock clock;
        private final CustomTask<Void> homepage;
        private final CustomTask<Void> daily;

        Sync(SchedulerClient client, Directory directory, JdbcTemplate jdbc, MonitoringSettings settings, Clock clock,
             CustomTask<Void> homepage, CustomTask<Void> daily) {
            this.client = client;
            this.directory = directory;
            this.jdbc = jdbc;
            this.settings = settings;
            this.clock = clock;
            this.homepage = homepage;
            this.daily = daily;
        }

        /** Returns how many executions were added. */
        public int run() {
            Set<String> scheduled = new HashSet<>(jdbc.queryForList(
                    "select task_name || '/' || task_instance from scheduled_tasks where task_name in (?, ?)", String.class,
                    HOMEPAGE, DAILY));
            Instant now = clock.instant();
            int added = 0;
            for (Long id : directory.watchedWebsiteIds()) {
                String instance = Long.toString(id);
                if (!scheduled.contains(HOMEPAGE + "/" + instance)
                        && client.scheduleIfNotExists(homepage.instance(instance), now)) {
                    added++;
                }
                if (!scheduled.contains(DAILY + "/" + instance)
                        && client.scheduleIfNotExists(daily.instance(instance), now)) {
                    added++;
                }
            }
            if (added > 0) {
                log.info("monitoring: {} probe execution(s) scheduled for newly watched sites", added);
            }
            return added;
        }

        @EventListener(ApplicationReadyEvent.class)
        @org.springframework.core.annotation.Order(10)
        void onStart() {
            run();
        }
    }
}
