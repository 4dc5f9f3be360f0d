package io.rectify.workflow.internal;

import java.util.ArrayList;
import java.util.OptionalLong;
import java.util.function.Supplier;

import io.rectify.notification.Notifications;
import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * The delivery of one notification as an engine job of its own: the outbox's relay. The job is
 * written in the transaction that wrote the notification ({@link Create}); after the commit any
 * node's job executor may take it and exactly one runs it. Its id names the notification
 * ({@code notification-42}), so a notification never has two delivery jobs.
 *
 * <p>A failed delivery is tried again on {@link #RETRY_CYCLE}; after the last attempt the job
 * keeps no retries and its incident waits on the administrator's jobs page, like any failed job.
 *
 * <p>Earlier releases delivered through a process of its own (bpmn/notification-delivery.bpmn),
 * started in the deciding transaction. That model stays deployed so that the deliveries they
 * started still finish; a job alone writes no process, activity or variable history (issue 5).
 */
@Component
public class NotificationDeliveryJob extends AbstractProcessEnginePlugin
        implements JobHandler<NotificationDeliveryJob.Configuration> {

    static final String TYPE = "rectify-notification-delivery";
    static final String JOB_ID_PREFIX = "notification-";
    /** Six attempts, ten minutes apart: the retry cycle the delivery process had. */
    static final String RETRY_CYCLE = "R6/PT10M";

    private static final FailedJobRetryConfiguration RETRIES = ParseUtil.parseRetryIntervals(RETRY_CYCLE);

    // resolved at the first delivery, once: the engine (and this handler) is built before it
    private final Supplier<Notifications> notifications;

    NotificationDeliveryJob(ObjectProvider<Notifications> notifications) {
        this.notifications = SingletonSupplier.of(notifications::getObject);
    }

    /** The notification a delivery job is for, from the job's id; empty for any other job. */
    public static OptionalLong notificationOf(String jobId) {
        if (jobId == null || !jobId.startsWith(JOB_ID_PREFIX)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(jobId.substring(JOB_ID_PREFIX.length())));
        } catch (NumberFormatException notOurs) {
            return OptionalLong.empty();
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomJobHandlers() == null) {
            configuration.setCustomJobHandlers(new ArrayList<>());
        }
        configuration.getCustomJobHandlers().add(this);
        configuration.setFailedJobCommandFactory(RetryOnCycle::new);
    }

    @Override
    public String getType() {
        return TYPE;
    }

    @Override
    public void execute(Configuration configuration, ExecutionEntity execution, CommandContext commandContext,
                        String tenantId) {
        notifications.get().deliver(configuration.notificationId());
    }

    @Override
    public Configuration newConfiguration(String canonicalString) {
        return new Configuration(Long.parseLong(canonicalString));
    }

    @Override
    public void onDelete(Configuration configuration, JobEntity job) {
        // nothing of ours hangs on the job: the notification row stays, sent or not
    }

    /** Which notification to deliver. */
    record Configuration(long notificationId) implements JobHandlerConfiguration {
        @Override
        public String toCanonicalString() {
            return Long.toString(notificationId);
        }
    }

    /**
     * Writes the delivery job of a notification, in the calling transaction. Run through the
     * engine's command executor, it joins the engine command already running (a timer, a task's
     * completion) or the caller's Spring transaction.
     */
    record Create(long notificationId) implements Command<Void> {
        @Override
        public Void execute(CommandContext commandContext) {
            MessageEntity job = new MessageEntity();
            job.setId(JOB_ID_PREFIX + notificationId);
            job.setJobHandlerType(TYPE);
            job.setJobHandlerConfigurationRaw(Long.toString(notificationId));
            // no process instance to keep in order with, so any free job thread may run it
            job.setExclusive(false);
            // due at once: acquisition asks only "due date <= now" (ensureJobDueDateNotNull)
            job.setDuedate(ClockUtil.getCurrentTime());
            // inserts the row and its job log, and wakes the job executor after the commit
            commandContext.getJobManager().send(job);
            return null;
        }
    }

    /**
     * The engine's retry strategy, with {@link #RETRY_CYCLE} for delivery jobs. The engine reads a
     * retry cycle from the job's activity in a model, and a delivery job has none; every other job
     * is handled exactly as by the engine's default.
     */
    static class RetryOnCycle extends DefaultJobRetryCmd {

        RetryOnCycle(String jobId, Throwable exception) {
            super(jobId, exception);
        }

        @Override
        public Object execute(CommandContext commandContext) {
            JobEntity job = getJob();
            if (job == null || !TYPE.equals(job.getJobHandlerType())) {
                return super.execute(commandContext);
            }
            try {
                executeCustomStrategy(commandContext, job, null);
            } catch (Exception cycleFailed) {
                executeStandardStrategy(commandContext);
            }
            return null;
        }

        @Override
        public FailedJobRetryConfiguration getFailedJobRetryConfiguration(JobEntity job, ActivityImpl activity) {
            return TYPE.equals(job.getJobHandlerType()) ? RETRIES : super.getFailedJobRetryConfiguration(job, activity);
        }
    }
}
