package io.rectify.workflow.internal.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;

import io.rectify.notification.Notifications;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * The delivery of one notification as engine jobs of its own (a custom job handler): the outbox's
 * relay. The first job is written in the transaction that wrote the notification ({@link #schedule});
 * after the commit any node's job executor may take it and exactly one runs it. It fans the
 * notification out to its recipients and channels and, in its own transaction, writes one job per
 * delivery that has somewhere to go, so a mail server that is down delays the mail and nothing
 * else. The ids name the notification ({@code notification-42}) and the delivery
 * ({@code notification-42-delivery-17}), so neither ever has two jobs.
 *
 * <p>Retries are the engine's: the job is written with {@link #ATTEMPTS} retries, and the engine's
 * own failed-job command counts them down and raises the incident when none is left, which waits on
 * the administrator's jobs page like any failed job. The engine reads a wait between attempts only
 * from a model's activity (a timer or an asynchronous step), and a delivery job has none; so after
 * each failed attempt but the last, the job's failure event (a history event) moves the next attempt
 * {@link #BETWEEN_ATTEMPTS} ahead through the management service. The engine writes that event at
 * history level full, the product's level ({@code EngineSettingsTests}).
 *
 * <p>Earlier releases delivered through a process of its own (bpmn/notification-delivery.bpmn),
 * started in the deciding transaction. That model stays deployed so that the deliveries they
 * started still finish; a job alone writes no process, activity or variable history.
 */
@Component
public class NotificationDeliveryJob extends AbstractProcessEnginePlugin
        implements JobHandler<NotificationDeliveryJob.Configuration> {

    static final String TYPE = "rectify-notification-delivery";
    static final String JOB_ID_PREFIX = "notification-";
    static final String DELIVERY_INFIX = "-delivery-";
    /** Six attempts, the first ten minutes after the failure and each wait twice the one before. */
    static final int ATTEMPTS = 6;
    static final Duration BETWEEN_ATTEMPTS = Duration.ofMinutes(10);

    // resolved at the first delivery, once: the engine (and this handler) is built before them
    private final Supplier<Notifications> notifications;
    private final Supplier<ProcessEngineConfigurationImpl> engine;
    private final Supplier<ManagementService> management;

    NotificationDeliveryJob(ObjectProvider<Notifications> notifications,
                            ObjectProvider<ProcessEngineConfigurationImpl> engine,
                            ObjectProvider<ManagementService> management) {
        this.notifications = SingletonSupplier.of(notifications::getObject);
        this.engine = SingletonSupplier.of(engine::getObject);
        this.management = SingletonSupplier.of(management::getObject);
    }

    /** The notification a delivery job is for, from the job's id; empty for any other job. */
    public static OptionalLong notificationOf(String jobId) {
        if (jobId == null || !jobId.startsWith(JOB_ID_PREFIX)) {
            return OptionalLong.empty();
        }
        String rest = jobId.substring(JOB_ID_PREFIX.length());
        int delivery = rest.indexOf(DELIVERY_INFIX);
        try {
            return OptionalLong.of(Long.parseLong(delivery < 0 ? rest : rest.substring(0, delivery)));
        } catch (NumberFormatException notOurs) {
            return OptionalLong.empty();
        }
    }

    /**
     * Writes the delivery job of a notification, in the calling transaction: run through the
     * engine's command executor, it joins the engine command already running (a timer, a task's
     * completion) or the caller's Spring transaction.
     */
    public void schedule(long notificationId) {
        engine.get().getCommandExecutorTxRequired().execute(new Create(new Configuration(notificationId, null)));
    }

    /** Writes the job of one delivery of a notification, in the calling transaction. */
    public void scheduleDelivery(long notificationId, long deliveryId) {
        engine.get().getCommandExecutorTxRequired().execute(new Create(new Configuration(notificationId, deliveryId)));
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomJobHandlers() == null) {
            configuration.setCustomJobHandlers(new ArrayList<>());
        }
        configuration.getCustomJobHandlers().add(this);
        if (configuration.getCustomHistoryEventHandlers() == null) {
            configuration.setCustomHistoryEventHandlers(new ArrayList<>());
        }
        configuration.getCustomHistoryEventHandlers().add(new WaitBetweenAttempts());
    }

    @Override
    public String getType() {
        return TYPE;
    }

    @Override
    public void execute(Configuration configuration, ExecutionEntity execution, CommandContext commandContext,
                        String tenantId) {
        if (configuration.deliveryId() != null) {
            notifications.get().deliver(configuration.deliveryId());
            return;
        }
        notifications.get().fanOut(configuration.notificationId()).ifPresent(deliveries -> deliveries.forEach(
                delivery -> new Create(new Configuration(configuration.notificationId(), delivery))
                        .execute(commandContext)));
    }

    @Override
    public Configuration newConfiguration(String canonicalString) {
        int slash = canonicalString.indexOf('/');
        return slash < 0 ? new Configuration(Long.parseLong(canonicalString), null)
                : new Configuration(Long.parseLong(canonicalString.substring(0, slash)),
                        Long.parseLong(canonicalString.substring(slash + 1)));
    }

    @Override
    public void onDelete(Configuration configuration, JobEntity job) {
        // nothing of ours hangs on the job: the notification row stays, sent or not
    }

    /** The wait after the given failure (0 for the first), doubling from {@link #BETWEEN_ATTEMPTS}. */
    static Duration waitAfter(int failuresBefore) {
        return BETWEEN_ATTEMPTS.multipliedBy(1L << Math.max(0, Math.min(failuresBefore, 10)));
    }

    /** Which notification to fan out ({@code 42}), or which of its deliveries to send ({@code 42/17}). */
    record Configuration(long notificationId, Long deliveryId) implements JobHandlerConfiguration {
        @Override
        public String toCanonicalString() {
            return deliveryId == null ? Long.toString(notificationId) : notificationId + "/" + deliveryId;
        }

        String jobId() {
            return JOB_ID_PREFIX + notificationId + (deliveryId == null ? "" : DELIVERY_INFIX + deliveryId);
        }
    }

    private record Create(Configuration configuration) implements Command<Void> {
        @Override
        public Void execute(CommandContext commandContext) {
            MessageEntity job = new MessageEntity();
            job.setId(configuration.jobId());
            job.setJobHandlerType(TYPE);
            job.setJobHandlerConfigurationRaw(configuration.toCanonicalString());
            job.setRetries(ATTEMPTS);
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
     * On a delivery job's failure, before the engine counts the attempt down: unless this was the
     * last attempt, the next one is due {@link #BETWEEN_ATTEMPTS} from now after the first failure,
     * twice that after the second, and so on (10, 20, 40, 80, 160 minutes). Runs in the engine's
     * command that records the failure, so the wait and the count are written together.
     */
    private class WaitBetweenAttempts implements HistoryEventHandler {
        @Override
        public void handleEvent(HistoryEvent event) {
            if (event instanceof HistoricJobLogEvent log && log.isFailureLog()
                    && notificationOf(log.getJobId()).isPresent() && log.getJobRetries() > 1) {
                management.get().setJobDuedate(log.getJobId(), Date.from(ClockUtil.getCurrentTime().toInstant()
                        .plus(waitAfter(ATTEMPTS - log.getJobRetries()))));
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }
}
