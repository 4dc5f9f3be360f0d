package io.rectify.casefile.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.rectify.casefile.CaseSanctions;
import io.rectify.casefile.OpenTasks;

/** The case as API.md shows it, plus a few facts a client needs (requirements, who opened it). */
public record CaseView(String id, String caseNumber, String categoryCode, String respondentOrgCode,
                       String openedByOrgCode, String title, String description, String websiteUrl, String source,
                       String status, String outcome, String requirements, LocalDate deadline, boolean overdue,
                       boolean serious, boolean escalated, String escalationReason, String reviewStatus,
                       int rejectionCount, boolean extensionUsed, List<OpenTasks.OpenTask> openTasks,
                       List<CaseSanctions.Line> sanctions, OffsetDateTime createdAt, OffsetDateTime closedAt) {
}
