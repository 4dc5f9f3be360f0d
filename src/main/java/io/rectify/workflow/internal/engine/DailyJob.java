package io.rectify.workflow.internal.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.function.Supplier;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.workflow.DailyTick;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.MessageEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * The daily job (a custom job handler): publishes {@link DailyTick} and writes the next day's job,
 * due at the next midnight in Asia/Shanghai. Its id names the day ({@code daily-2026-12-06}), so
 * two nodes starting at once, or a run and a start, never leave two jobs for one day. Started when
 * the application is ready if no daily job is waiting.
 */
@Component
public class DailyJob extends AbstractProcessEnginePlugin implements JobHandler<DailyJob.Configuration> {

    static final String TYPE = "rectify-daily";
    static final String JOB_ID_PREFIX = "daily-";
    private static final Logger log = LoggerFactory.getLogger(DailyJob.class);

    private final Supplier<ProcessEngineConfigurationImpl> engine;
    private final Supplier<ApplicationEventPublisher> events;

    DailyJob(ObjectProvider<ProcessEngineConfigurationImpl> engine, ObjectProvider<ApplicationEventPublisher> events) {
        this.engine = SingletonSupplier.of(engine::getObject);
        this.events = SingletonSupplier.of(events::getObject);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomJobHandlers() == null) {
            configuration.setCustomJobHandlers(new ArrayList<>());
        }
        configuration.getCustomJobHandlers().add(this);
    }

    @EventListener(ApplicationReadyEvent.class)
    void startIfNoneWaits() {
        try {
            engine.get().getCommandExecutorTxRequired().execute(new StartIfNoneWaits());
        } catch (RuntimeException anotherNodeWasFirst) {
            log.debug("the daily job was written by another node: {}", anotherNodeWasFirst.getMessage());
        }
    }

    @Override
    public String getType() {
        return TYPE;
    }

    @Override
    public void execute(Configuration configuration, ExecutionEntity execution, CommandContext commandContext,
                        String tenantId) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        events.get().publishEvent(new DailyTick(now));
        LocalDate tomorrow = LocalDate.ofInstant(now, WorkingDayCalendar.ZONE).plusDays(1);
        if (commandContext.getJobManager().findJobById(JOB_ID_PREFIX + tomorrow) == null) {
            commandContext.getJobManager().send(job(tomorrow, tomorrow.atStartOfDay(WorkingDayCalendar.ZONE).toInstant()));
        }
    }

    @Override
    public Configuration newConfiguration(String canonicalString) {
        return new Configuration();
    }

    @Override
    public void onDelete(Configuration configuration, JobEntity job) {
        // nothing hangs on it
    }

    private static MessageEntity job(LocalDate day, Instant due) {
        MessageEntity job = new MessageEntity();
        job.setId(JOB_ID_PREFIX + day);
        job.setJobHandlerType(TYPE);
        job.setJobHandlerConfigurationRaw("daily");
        job.setRetries(3);
        job.setExclusive(false);
        job.setDuedate(Date.from(due));
        return job;
    }

    /** Nothing to configure: every run is the same. */
    public record Configuration() implements JobHandlerConfiguration {
        @Override
        public String toCanonicalString() {
            return "daily";
        }
    }

    private static final class StartIfNoneWaits implements Command<Void> {
        @Override
        public Void execute(CommandContext commandContext) {
            if (!commandContext.getJobManager().findJobsByConfiguration(TYPE, "daily", null).isEmpty()) {
                return null;
            }
            Instant now = ClockUtil.getCurrentTime().toInstant();
            // the first run is now: a sweep on start, then every midnight
            commandContext.getJobManager().send(job(LocalDate.ofInstant(now, WorkingDayCalendar.ZONE), now));
            return null;
        }
    }
}
