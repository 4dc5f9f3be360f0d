package io.rectify.casefile;

/**
 * A case was opened; its process starts in the same transaction. The opening body's region comes
 * with it: the offices above the opener take part in the case, and the opening has just read it.
 */
public record CaseOpened(String caseId, String openerRegionCode) {
}
