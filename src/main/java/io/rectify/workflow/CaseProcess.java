package io.rectify.workflow;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import io.rectify.calendar.WorkingDayCalendar;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The processes of bpmn/ as Java sees them: keys, element ids, messages and variable names.
 * Variables are routing only; the case row is the truth.
 */
public final class CaseProcess {

    public static final String KEY = "rectification";
    public static final String SUPERVISION_KEY = "supervisionReview";

    public static final String TASK_ISSUE_ORDER = "issueOrder";
    public static final String TASK_RESPOND = "respond";
    public static final String TASK_VERIFY = "verify";
    public static final String TASK_DECIDE_EXTENSION = "decideExtension";
    public static final String TASK_REVIEW_ESCALATION = "reviewEscalation";
    public static final String TASK_RECORD_SANCTIONS = "recordSanctions";

    public static final String TIMER_REMINDER = "Timer_Reminder";
    public static final String TIMER_DEADLINE = "Timer_Deadline";

    public static final String MESSAGE_EXTENSION_REQUESTED = "ExtensionRequested";
    public static final String MESSAGE_CASE_ESCALATED = "CaseEscalated";
    public static final String MESSAGE_REVIEW_FINISHED = "ReviewFinished";

    public static final String VAR_CASE_ID = "caseId";
    public static final String VAR_CATEGORY = "categoryCode";
    public static final String VAR_OFFICE_GROUPS = "officeGroups";
    public static final String VAR_RESPONDENT_GROUPS = "respondentGroups";
    public static final String VAR_SUPERVISION_GROUPS = "supervisionGroups";
    public static final String VAR_FLAGGED_SERIOUS = "flaggedSerious";
    public static final String VAR_REPEAT = "repeatViolation";
    public static final String VAR_REJECTION_COUNT = "rejectionCount";
    public static final String VAR_OVERDUE = "overdue";
    public static final String VAR_ESCALATED = "escalated";
    public static final String VAR_REVIEW_PENDING = "reviewPending";
    public static final String VAR_SITE_SHUT_DOWN = "siteShutDown";
    public static final String VAR_DEADLINE_AT = "deadlineAt";
    public static final String VAR_REMINDER_AT = "reminderAt";
    public static final String VAR_ACCEPTED = "accepted";
    public static final String VAR_EXTENSION_GRANTED = "extensionGranted";
    public static final String VAR_DECISION = "decision";
    /** the seriousness decision's two outputs, mapped by the business rule tasks */
    public static final String VAR_ESCALATE = "escalate";
    public static final String VAR_ESCALATION_REASON = "escalationReason";

    public static final String DECISION_SERIOUSNESS = "seriousness";
    public static final String DECISION_DEADLINE_POLICY = "deadline-policy";

    private CaseProcess() {
    }

    /** The timer dates of an order's last working day: reminder at 09:00, deadline at 24:00 (Asia/Shanghai). */
    public static Map<String, Object> deadlineVariables(WorkingDayCalendar calendar, LocalDate lastWorkingDay) {
        return Variables.createVariables()
                .putValue(VAR_DEADLINE_AT, Date.from(calendar.deadlineEnd(lastWorkingDay)))
                .putValue(VAR_REMINDER_AT, Date.from(calendar.reminderAt(lastWorkingDay)));
    }
}
