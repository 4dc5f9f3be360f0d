package io.rectify.casefile;

/** A case was opened; its process starts in the same transaction. */
public record CaseOpened(String caseId) {
}
