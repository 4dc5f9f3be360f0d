package io.rectify.process;

import static io.rectify.process.ProcessVariable.stringVariable;

import java.util.Date;

/**
 * The variables of bpmn/public-report.bpmn. The report's id is the business key; the row of
 * {@code public_report} is the truth, these only route. The names shared with the case processes
 * are the same declarations.
 */
public final class PublicReportVariables {

    public static final ProcessVariable<String> REPORT_ID = stringVariable("reportId");
    /** the office that triages and reviews: one candidate group */
    public static final ProcessVariable<String> OFFICE_GROUPS = CaseVariables.OFFICE_GROUPS;
    /** the body that runs the site and replies */
    public static final ProcessVariable<String> RESPONDENT_GROUPS = CaseVariables.RESPONDENT_GROUPS;
    /** the triage decision: FORWARD, REJECT or DUPLICATE */
    public static final ProcessVariable<String> TRIAGE = stringVariable("triage");
    /** 24:00 of the third working day after forwarding */
    public static final ProcessVariable<Date> DEADLINE_AT = CaseVariables.DEADLINE_AT;
    /** 09:00 of that day */
    public static final ProcessVariable<Date> REMINDER_AT = CaseVariables.REMINDER_AT;
    public static final ProcessVariable<Boolean> ACCEPTED = CaseVariables.ACCEPTED;

    private PublicReportVariables() {
    }
}
