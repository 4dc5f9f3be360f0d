package io.rectify.sanction;

/** The supervision body recorded the sanctions of a case, in this transaction: the register is issued with them. */
public record SanctionsRecorded(String caseId, String actor) {
}
