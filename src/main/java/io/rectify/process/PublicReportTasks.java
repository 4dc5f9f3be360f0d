package io.rectify.process;

/** The user tasks of bpmn/public-report.bpmn: their keys are their element ids and their form keys. */
public final class PublicReportTasks {

    /** the office decides: forward to the site's body, reject as not an error, or a duplicate */
    public static final String TRIAGE = "triageReport";
    /** the site's body says what it fixed, or why nothing is wrong */
    public static final String REPLY = "replyToReport";
    /** the office accepts the reply or sends it back */
    public static final String REVIEW = "reviewReply";

    private PublicReportTasks() {
    }
}
