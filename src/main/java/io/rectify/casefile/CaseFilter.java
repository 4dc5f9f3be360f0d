package io.rectify.casefile;

/** The filters of the case list; null means any. {@code text} matches the case number or the title. */
public record CaseFilter(CaseStatus status, String categoryCode, String respondentOrgCode, Boolean escalated,
                         Boolean overdue, String text) {

    public CaseFilter(CaseStatus status, String categoryCode, String respondentOrgCode, Boolean escalated,
                      Boolean overdue) {
        this(status, categoryCode, respondentOrgCode, escalated, overdue, null);
    }
}
