package io.rectify.workflow.internal;

import static io.rectify.process.CaseVariables.CASE_ID;
import static io.rectify.process.CaseVariables.CATEGORY;
import static io.rectify.process.CaseVariables.ESCALATED;
import static io.rectify.process.CaseVariables.ESCALATION_REASON;
import static io.rectify.process.CaseVariables.OVERDUE;
import static io.rectify.process.CaseVariables.RESPONDENT_GROUPS;
import static io.rectify.process.CaseVariables.REVIEW_PENDING;
import static io.rectify.process.CaseVariables.SUPERVISION_GROUPS;

import java.time.LocalDate;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.casefile.CaseOutcome;
import io.rectify.casefile.CaseService;
import io.rectify.notification.Notifications;
import io.rectify.process.CaseVariables;
import io.rectify.process.ProcessVariable;
import io.rectify.process.Routing;
import io.rectify.supervision.SupervisionReviews;
import io.rectify.workflow.CaseProcess;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service tasks of bpmn/: each takes the case id, calls a module's service, and puts back
 * at most one decision. The bean names are the delegate expressions of the models.
 */
@Configuration(proxyBeanMethods = false)
class Delegates {

    @Bean
    JavaDelegate escalateCase(CaseService cases, RuntimeService runtime, Notifications notifications) {
        return execution -> {
            String caseId = caseId(execution);
            String reason = escalationReason(execution);
            cases.escalate(caseId, reason);
            String supervisionGroups = SUPERVISION_GROUPS.from(execution::getVariable);
            notifications.send(caseId, "ESCALATED", supervisionGroups, "ESCALATED:" + caseId);
            set(execution, ESCALATED, true);
            set(execution, REVIEW_PENDING, true);
            runtime.createMessageCorrelation(CaseProcess.MESSAGE_CASE_ESCALATED)
                    .processInstanceBusinessKey(caseId)
                    .setVariables(Routing.of(CASE_ID, caseId)
                            .with(CATEGORY, CATEGORY.from(execution::getVariable))
                            .with(SUPERVISION_GROUPS, supervisionGroups)
                            .asMap())
                    .correlateStartMessage();
        };
    }

    @Bean
    JavaDelegate markOverdue(CaseService cases, CaseNotices notices) {
        return execution -> {
            boolean overdue = cases.markOverdue(caseId(execution));
            if (overdue) {
                notices.overdue(caseId(execution));
            }
            set(execution, OVERDUE, overdue);
        };
    }

    /**
     * The reminder timer fired: remind the respondent of the working days left, once per deadline and
     * count. The timer's last wake, at the end of the deadline, finds no reminder due (OrderReminders).
     */
    @Bean
    JavaDelegate sendReminder(CaseService cases, Notifications notifications, OrderReminders reminders) {
        return execution -> {
            String caseId = caseId(execution);
            LocalDate deadline = cases.load(caseId).deadline();
            reminders.due(deadline).ifPresent(workingDaysLeft -> {
                if (notifications.remind(caseId, RESPONDENT_GROUPS.from(execution::getVariable),
                        "REMINDER:" + caseId + ":" + deadline + ":" + workingDaysLeft, workingDaysLeft)) {
                    cases.recordReminder(caseId, workingDaysLeft);
                }
            });
        };
    }

    /** The office granted more time: move the deadline variables and re-time the open timers. */
    @Bean
    JavaDelegate extendDeadline(CaseService cases, WorkingDayCalendar calendar, ManagementService management) {
        return execution -> {
            LocalDate deadline = cases.load(caseId(execution)).deadline();
            execution.setVariables(CaseVariables.deadline(calendar, deadline).asMap());
            for (String timer : new String[] {CaseProcess.TIMER_REMINDER, CaseProcess.TIMER_DEADLINE}) {
                for (Job job : management.createJobQuery().processInstanceId(execution.getProcessInstanceId())
                        .activityId(timer).list()) {
                    management.recalculateJobDuedate(job.getId(), false);
                }
            }
        };
    }

    @Bean
    JavaDelegate closeRectified(CaseService cases, CaseNotices notices) {
        return execution -> {
            cases.close(caseId(execution), CaseOutcome.RECTIFIED);
            notices.closed(caseId(execution));
        };
    }

    @Bean
    JavaDelegate closeWaived(CaseService cases, CaseNotices notices) {
        return execution -> {
            cases.close(caseId(execution), CaseOutcome.WAIVED);
            notices.closed(caseId(execution));
        };
    }

    /** The supervision review ended: tell the case process, which may be waiting to close. */
    @Bean
    JavaDelegate notifyReviewFinished(SupervisionReviews reviews, RuntimeService runtime) {
        return execution -> {
            String caseId = caseId(execution);
            reviews.finish(caseId);
            ProcessInstance caseProcess = runtime.createProcessInstanceQuery()
                    .processDefinitionKey(CaseProcess.KEY).processInstanceBusinessKey(caseId).singleResult();
            if (caseProcess != null) {
                runtime.setVariables(caseProcess.getId(), Routing.of(REVIEW_PENDING, false).asMap());
                runtime.createMessageCorrelation(CaseProcess.MESSAGE_REVIEW_FINISHED)
                        .processInstanceId(caseProcess.getId())
                        .correlateAll();
            }
        };
    }

    private static <T> void set(DelegateExecution execution, ProcessVariable<T> variable, T value) {
        execution.setVariable(variable.name(), value);
    }

    private static String caseId(DelegateExecution execution) {
        return CASE_ID.from(execution::getVariable);
    }

    /** The reason the seriousness decision gave: CATEGORY, OVERDUE, REJECTED_TWICE, REPEAT or FLAGGED. */
    private static String escalationReason(DelegateExecution execution) {
        return ESCALATION_REASON.from(execution::getVariable);
    }
}
