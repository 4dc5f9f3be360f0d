package io.rectify.workflow;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;

/**
 * For demonstrations and acceptance runs (default profile only): sets the one clock the
 * application and the engine read, and runs the jobs due by it, synchronously.
 */
@Service
@ConditionalOnProperty(name = "rectify.clock-control", havingValue = "true")
public class ClockControl {

    private static final Logger log = LoggerFactory.getLogger(ClockControl.class);

    /** a job that fails keeps its retries for the job executor; we stop after this many rounds */
    private static final int MAX_ROUNDS = 20;

    private final ManagementService management;

    ClockControl(ManagementService management) {
        this.management = management;
    }

    public void set(Instant now) {
        ClockUtil.setCurrentTime(Date.from(now));
        log.warn("clock set to {}", now);
    }

    public void reset() {
        ClockUtil.reset();
        log.warn("clock back to real time");
    }

    /** Runs every job due by the clock, including the ones that running them makes due. */
    public int runDueJobs() {
        int executed = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Job> due = management.createJobQuery().executable().active().list();
            int before = executed;
            for (Job job : due) {
                try {
                    management.executeJob(job.getId());
                    executed++;
                } catch (OptimisticLockingException | org.camunda.bpm.engine.exception.NullValueException raced) {
                    // the job executor took it first
                } catch (RuntimeException failed) {
                    log.warn("job {} failed: {}", job.getId(), failed.getMessage());
                }
            }
            if (executed == before) {
                break;
            }
        }
        return executed;
    }
}
