package io.rectify.workflow;

import java.time.Instant;
import java.util.List;

import io.rectify.audit.AuditLog;
import io.rectify.workflow.internal.engine.EngineClock;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For demonstrations and acceptance runs (default profile only): sets the one clock the
 * application and the engine read, and runs the jobs due by it, synchronously. Every use is
 * audited: moving the clock moves every deadline.
 */
@Service
@ConditionalOnProperty(name = "rectify.clock-control", havingValue = "true")
public class ClockControl {

    private static final Logger log = LoggerFactory.getLogger(ClockControl.class);

    /** jobs that make further jobs due are run in rounds; a model never needs this many */
    private static final int MAX_ROUNDS = 200;

    private final ManagementService management;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    ClockControl(ManagementService management, AuditLog audit, PlatformTransactionManager transactions) {
        this.management = management;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    public void set(Instant now, String actor) {
        EngineClock.set(now);
        log.warn("clock set to {}", now);
        audited(actor, "CLOCK_SET", "clock set to " + now);
    }

    public void reset(String actor) {
        EngineClock.reset();
        log.warn("clock back to real time");
        audited(actor, "CLOCK_RESET", "clock back to real time");
    }

    private void audited(String actor, String action, String detail) {
        transaction.executeWithoutResult(status -> audit.record(actor, action, null, detail));
    }

    /**
     * Runs every job due by the clock, including the ones that running them makes due. A job
     * the job executor ran at the same moment loses us the race with an optimistic-locking
     * conflict, which means the executor's run has committed: either way it is done on return.
     */
    public int runDueJobs(String actor) {
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
        audited(actor, "DUE_JOBS_RUN", executed + " job(s) executed");
        return executed;
    }
}
