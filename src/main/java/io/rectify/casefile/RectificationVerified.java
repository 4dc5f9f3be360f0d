package io.rectify.casefile;

/** The office decided on a rectification report, in this transaction: accepted or sent back. */
public record RectificationVerified(String caseId, String actor, boolean accepted) {
}
