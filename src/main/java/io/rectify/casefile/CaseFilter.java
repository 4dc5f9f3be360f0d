package io.rectify.casefile;

/** The filters of the case list; null means any. */
public record CaseFilter(CaseStatus status, String categoryCode, String respondentOrgCode, Boolean escalated,
                         Boolean overdue) {
}
