package io.rectify.casefile;

/** The case went to the supervision authority, in this transaction (the referral is issued with it). */
public record CaseEscalated(String caseId, String reason) {
}
