package io.rectify.workflow.internal.engine;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells this node's job executor that a job became due, after the transaction that made it due
 * commits, as the engine does for a job it writes. The management service's calls that make a
 * job due again (new retries, a new due date) do not: without the hint the job waits for the
 * executor's next acquisition, which an idle executor backs off up to a minute.
 */
@Component
public class JobExecutorHint {

    private final ProcessEngineConfigurationImpl engine;

    JobExecutorHint(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    public void afterCommit() {
        JobExecutor executor = engine.getJobExecutor();
        if (executor == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                executor.jobWasAdded();
            }
        });
    }
}
