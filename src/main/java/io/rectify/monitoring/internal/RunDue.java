package io.rectify.monitoring.internal;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;

/**
 * For demonstrations and acceptance runs (default profile only, like {@code jobs/run-due}): runs
 * every probe due by the application's clock, now, on the caller's thread. It is db-scheduler's
 * own manual scheduler on the same table, so a probe the background scheduler holds is not run
 * twice and each run is rescheduled as the background would.
 */
@Service
@ConditionalOnProperty(name = "rectify.clock-control", havingValue = "true")
public class RunDue {

    /** probes that make further probes due are run in rounds; the schedule never needs this many */
    private static final int MAX_ROUNDS = 100;

    private final ProbeSchedule.Sync sync;
    private final Clock clock;
    private final ManualScheduler manual;
    private final SettableClock manualClock = new SettableClock();

    RunDue(ProbeSchedule.Sync sync, Clock clock, DataSource dataSource, CustomTask<Void> monitoringHomepageTask,
           CustomTask<Void> monitoringDailyTask) {
        this.sync = sync;
        this.clock = clock;
        this.manual = TestHelper.createManualScheduler(dataSource, List.<Task<?>>of(monitoringHomepageTask, monitoringDailyTask))
                .clock(manualClock).build();
    }

    /** Returns how many probe executions ran. */
    public synchronized int runDue() {
        sync.run();
        AtomicInteger executed = new AtomicInteger();
        ProbeSchedule.RUN_HERE.set(executed);
        try {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                int before = executed.get();
                manualClock.set(clock.instant());
                manual.runAnyDueExecutions();
                if (executed.get() == before) {
                    break;
                }
            }
        } finally {
            ProbeSchedule.RUN_HERE.remove();
        }
        return executed.get();
    }
}
