package io.rectify.process;

/** The user tasks of bpmn/: their keys are their element ids, and the form keys of the fixed forms. */
public final class CaseTasks {

    public static final String ISSUE_ORDER = "issueOrder";
    /** its form is {@code respond-<category code>} */
    public static final String RESPOND = "respond";
    public static final String VERIFY = "verify";
    public static final String DECIDE_EXTENSION = "decideExtension";
    public static final String REVIEW_ESCALATION = "reviewEscalation";
    public static final String RECORD_SANCTIONS = "recordSanctions";

    private CaseTasks() {
    }
}
