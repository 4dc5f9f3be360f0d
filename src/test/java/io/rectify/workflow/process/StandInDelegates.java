package io.rectify.workflow.process;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Stand-ins for the workflow module's delegates, registered under their bean names in the
 * engine's beans map ({@code camunda.cfg.xml}). Each does to the process variables what the
 * process contract says the real delegate does, and remembers the cases (business keys) it ran for.
 */
public final class StandInDelegates {

    /** How far the stand-in {@code extendDeadline} moves the deadline and the reminder. */
    public static final Duration EXTENSION = Duration.ofDays(5);

    private StandInDelegates() {
    }

    /** The stand-in registered under {@code beanName} in the engine's beans map. */
    public static StandIn named(ProcessEngine engine, String beanName) {
        Map<Object, Object> beans = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getBeans();
        return (StandIn) beans.get(beanName);
    }

    /** Forgets every recorded run, so that each test starts from nothing. */
    public static void forgetAll(ProcessEngine engine) {
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getBeans().values()
                .forEach(bean -> ((StandIn) bean).forget());
    }

    /** A delegate that records the business key of every case it ran for. */
    public abstract static class StandIn implements JavaDelegate {

        private final List<String> cases = new CopyOnWriteArrayList<>();

        @Override
        public final void execute(DelegateExecution execution) {
            cases.add(execution.getProcessBusinessKey());
            act(execution);
        }

        protected void act(DelegateExecution execution) {
        }

        /** The business keys of the cases this delegate ran for, once per run. */
        public List<String> ranFor() {
            return List.copyOf(cases);
        }

        void forget() {
            cases.clear();
        }
    }

    public static class SendReminder extends StandIn {
    }

    public static class CloseRectified extends StandIn {
    }

    public static class CloseWaived extends StandIn {
    }

    /** {@code markOverdue}: the order is overdue. */
    public static class MarkOverdue extends StandIn {
        @Override
        protected void act(DelegateExecution execution) {
            execution.setVariable("overdue", true);
        }
    }

    /**
     * {@code escalateCase}: the case is escalated, a supervision review is pending, and the
     * supervision authority gets the case (start message {@code CaseEscalated}, same business key).
     */
    public static class EscalateCase extends StandIn {
        @Override
        protected void act(DelegateExecution execution) {
            execution.setVariable("escalated", true);
            execution.setVariable("reviewPending", true);
            execution.getProcessEngineServices().getRuntimeService()
                    .createMessageCorrelation("CaseEscalated")
                    .processInstanceBusinessKey(execution.getProcessBusinessKey())
                    .setVariable("caseId", execution.getVariable("caseId"))
                    .setVariable("categoryCode", execution.getVariable("categoryCode"))
                    .setVariable("supervisionGroups", execution.getVariable("supervisionGroups"))
                    .correlateStartMessage();
        }
    }

    /**
     * {@code extendDeadline}: moves the deadline and the reminder by {@link #EXTENSION} and lets the
     * open timers of the order fire at the new times.
     */
    public static class ExtendDeadline extends StandIn {
        @Override
        protected void act(DelegateExecution execution) {
            execution.setVariable("deadlineAt", later((Date) execution.getVariable("deadlineAt")));
            execution.setVariable("reminderAt", later((Date) execution.getVariable("reminderAt")));
            ManagementService management = execution.getProcessEngineServices().getManagementService();
            for (String timer : List.of("Timer_Deadline", "Timer_Reminder")) {
                for (Job job : management.createJobQuery()
                        .processInstanceId(execution.getProcessInstanceId()).activityId(timer).list()) {
                    management.recalculateJobDuedate(job.getId(), false);
                }
            }
        }

        private static Date later(Date date) {
            return Date.from(date.toInstant().plus(EXTENSION));
        }
    }

    /**
     * {@code notifyReviewFinished}: the case's review is no longer pending; a case already waiting
     * for the review to finish goes on.
     */
    public static class NotifyReviewFinished extends StandIn {
        @Override
        protected void act(DelegateExecution execution) {
            RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
            ProcessInstance caseProcess = runtime.createProcessInstanceQuery()
                    .processDefinitionKey("rectification")
                    .processInstanceBusinessKey(execution.getProcessBusinessKey())
                    .singleResult();
            if (caseProcess == null) {
                return;
            }
            runtime.setVariable(caseProcess.getId(), "reviewPending", false);
            boolean waiting = runtime.createExecutionQuery()
                    .processInstanceId(caseProcess.getId())
                    .messageEventSubscriptionName("ReviewFinished")
                    .count() > 0;
            if (waiting) {
                runtime.createMessageCorrelation("ReviewFinished")
                        .processInstanceId(caseProcess.getId())
                        .correlate();
            }
        }
    }

    /**
     * {@code deliverNotification}: hands the message over, or fails as an unreachable receiver
     * does while {@link #receiverDown} is set.
     */
    public static class DeliverNotification extends StandIn {

        private volatile boolean receiverDown;

        public void receiverDown(boolean down) {
            receiverDown = down;
        }

        @Override
        protected void act(DelegateExecution execution) {
            if (receiverDown) {
                throw new IllegalStateException("receiver unreachable");
            }
        }

        @Override
        void forget() {
            super.forget();
            receiverDown = false;
        }
    }
}
