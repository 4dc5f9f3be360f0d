package io.rectify.casefile.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.rectify.casefile.CaseSanctions;
import io.rectify.casefile.OpenTasks;

/**
 * The case as API.md shows it, plus a few facts a client needs (requirements, who opened it). A case
 * that came from findings names its website, the findings, their re-check and the case it repeats;
 * any other case has null there and no findings.
 */
public record CaseView(String id, String caseNumber, String categoryCode, String respondentOrgCode,
                       String openedByOrgCode, String title, String description, String websiteUrl, String source,
                       String status, String outcome, String requirements, LocalDate deadline, boolean overdue,
                       boolean serious, boolean escalated, String escalationReason, String reviewStatus,
                       int rejectionCount, boolean extensionUsed, List<OpenTasks.OpenTask> openTasks,
                       List<CaseSanctions.Line> sanctions, OffsetDateTime createdAt, OffsetDateTime closedAt,
                       Long websiteId, List<String> findingIds, Recheck recheck, String repeatOf) {

    /** The re-check of a case that came from findings, run when the department reported. */
    public record Recheck(boolean passed, OffsetDateTime checkedAt, List<Result> results) {

        public record Result(String indicator, String status, OffsetDateTime checkedAt, String detail) {
        }
    }
}
