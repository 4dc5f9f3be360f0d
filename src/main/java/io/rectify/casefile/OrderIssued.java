package io.rectify.casefile;

/** The office issued the rectification order, in this transaction: what it set down is frozen as a document. */
public record OrderIssued(String caseId, String actor) {
}
