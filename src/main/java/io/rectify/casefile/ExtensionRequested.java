package io.rectify.casefile;

/** The respondent asked for more time; an office decides. */
public record ExtensionRequested(String caseId, int days) {
}
