package io.rectify.workflow;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
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

    /** jobs that make further jobs due are run in rounds; a model never needs this many */
    private static final int MAX_ROUNDS = 200;

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

    /**
     * Runs every job due by the clock, including the ones that running them makes due. A job
     * the job executor ran at the same moment loses us the race with an optimistic-locking
     * conflict, which means the executor's run has committed: either way it is done on return.
     */
    public int runDueJobs() {
        int executed = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Job> due = management.createJobQuery().executable().active().list();
            if (due.isEmpty()) {
                break;
            }
            for (Job job : due) {
                try {
                    management.executeJob(job.getId());
                    executed++;
                } catch (OptimisticLockingException | NullValueException ranByTheJobExecutor) {
                    log.debug("job {} was run by the job executor", job.getId());
                } catch (RuntimeException failed) {
                    // the engine counted the failure and moved the job to its retry time
                    log.warn("job {} failed: {}", job.getId(), failed.getMessage());
                }
            }
        }
        return executed;
    }
}
