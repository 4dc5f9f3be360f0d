package io.rectify.workflow;

/**
 * The processes of bpmn/ as the engine-facing code sees them: process keys, the element ids Java
 * looks up, messages and decisions. The user tasks' keys and the typed variables are declared once
 * in {@link io.rectify.process.CaseTasks} and {@link io.rectify.process.CaseVariables}, outside
 * this module, so the modules' task handlers route with the same declarations.
 */
public final class CaseProcess {

    public static final String KEY = "rectification";
    public static final String SUPERVISION_KEY = "supervisionReview";

    public static final String TIMER_REMINDER = "Timer_Reminder";
    public static final String TIMER_DEADLINE = "Timer_Deadline";

    public static final String MESSAGE_EXTENSION_REQUESTED = "ExtensionRequested";
    public static final String MESSAGE_CASE_ESCALATED = "CaseEscalated";
    public static final String MESSAGE_REVIEW_FINISHED = "ReviewFinished";

    public static final String DECISION_SERIOUSNESS = "seriousness";
    public static final String DECISION_DEADLINE_POLICY = "deadline-policy";
    public static final String DECISION_FINDING_CATEGORY = "finding-category";

    private CaseProcess() {
    }
}
