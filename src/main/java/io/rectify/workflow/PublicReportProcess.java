package io.rectify.workflow;

/**
 * bpmn/public-report.bpmn as Java sees it: the process key and the element ids Java looks up. The
 * task keys and the variables are declared in {@link io.rectify.process.PublicReportTasks} and
 * {@link io.rectify.process.PublicReportVariables}.
 */
public final class PublicReportProcess {

    public static final String KEY = "publicReport";

    public static final String TIMER_REMINDER = "Timer_ReportReminder";
    public static final String TIMER_DEADLINE = "Timer_ReportDeadline";

    private PublicReportProcess() {
    }
}
