package io.rectify.process;

import static io.rectify.process.ProcessVariable.booleanVariable;
import static io.rectify.process.ProcessVariable.dateVariable;
import static io.rectify.process.ProcessVariable.integerVariable;
import static io.rectify.process.ProcessVariable.stringVariable;

import java.time.LocalDate;
import java.util.Date;

import io.rectify.calendar.WorkingDayCalendar;

/**
 * The variables of the case processes (bpmn/rectification.bpmn, bpmn/supervision-review.bpmn), each
 * declared once with its type: the name the models use in their expressions. Variables are routing
 * only; the case row is the truth.
 */
public final class CaseVariables {

    /** the case id, also the business key of every process of the case */
    public static final ProcessVariable<String> CASE_ID = stringVariable("caseId");
    public static final ProcessVariable<String> CATEGORY = stringVariable("categoryCode");
    /** candidate groups, comma-separated: the opening office and the offices above it */
    public static final ProcessVariable<String> OFFICE_GROUPS = stringVariable("officeGroups");
    public static final ProcessVariable<String> RESPONDENT_GROUPS = stringVariable("respondentGroups");
    public static final ProcessVariable<String> SUPERVISION_GROUPS = stringVariable("supervisionGroups");
    public static final ProcessVariable<Boolean> FLAGGED_SERIOUS = booleanVariable("flaggedSerious");
    public static final ProcessVariable<Boolean> REPEAT = booleanVariable("repeatViolation");
    public static final ProcessVariable<Integer> REJECTION_COUNT = integerVariable("rejectionCount");
    public static final ProcessVariable<Boolean> OVERDUE = booleanVariable("overdue");
    public static final ProcessVariable<Boolean> ESCALATED = booleanVariable("escalated");
    public static final ProcessVariable<Boolean> REVIEW_PENDING = booleanVariable("reviewPending");
    public static final ProcessVariable<Boolean> SITE_SHUT_DOWN = booleanVariable("siteShutDown");
    /** the deadline timer and the respondent's due date: 24:00 of the order's last working day */
    public static final ProcessVariable<Date> DEADLINE_AT = dateVariable("deadlineAt");
    /**
     * 09:00 of the order's last working day: the reminder timer of the case process's earlier
     * versions, still set for their running instances (the current one reminds at each of
     * {@code rectify.notifications.reminder-days} from {@link #DEADLINE_AT}); the public report's timer
     */
    public static final ProcessVariable<Date> REMINDER_AT = dateVariable("reminderAt");
    public static final ProcessVariable<Boolean> ACCEPTED = booleanVariable("accepted");
    public static final ProcessVariable<Boolean> EXTENSION_GRANTED = booleanVariable("extensionGranted");
    /** the supervision review's decision, a {@code ReviewDecision} name */
    public static final ProcessVariable<String> DECISION = stringVariable("decision");
    /** the seriousness decision's first output, mapped by the business rule tasks */
    public static final ProcessVariable<Boolean> ESCALATE = booleanVariable("escalate");
    /** its second: CATEGORY, OVERDUE, REJECTED_TWICE, REPEAT, FLAGGED, NOT_SERIOUS or ALREADY_ESCALATED */
    public static final ProcessVariable<String> ESCALATION_REASON = stringVariable("escalationReason");

    private CaseVariables() {
    }

    /** The timer dates of an order's last working day, in the business time zone. */
    public static Routing deadline(WorkingDayCalendar calendar, LocalDate lastWorkingDay) {
        return Routing.of(DEADLINE_AT, Date.from(calendar.deadlineEnd(lastWorkingDay)))
                .with(REMINDER_AT, Date.from(calendar.reminderAt(lastWorkingDay)));
    }
}
