package io.rectify.casefile;

/** The kinds of things written into a case's file. */
public enum CaseRecordKind {
    OPENED, ORDER, RESPONSE, VERIFICATION, EXTENSION_REQUEST, EXTENSION_DECISION, OVERDUE, REMINDER,
    ESCALATION, REVIEW, CLOSED,
    /** 催办: an office chased the respondent on an open order; statistics count these rows */
    URGED
}
