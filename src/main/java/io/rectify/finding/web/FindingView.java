package io.rectify.finding.web;

import java.time.OffsetDateTime;
import java.util.List;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.finding.Finding;

/**
 * A finding as API.md shows it, plus its origin (MONITORING, INSPECTION or CIRCULAR), the case it
 * repeats and, once decided, who decided when and why a dismissed one was dismissed.
 */
public record FindingView(String id, long websiteId, String indicator, String categoryCode, String status,
                          String detail, OffsetDateTime detectedAt, String caseId, List<Evidence> evidence,
                          String origin, String repeatOf, String decidedBy, OffsetDateTime decidedAt,
                          String dismissReason) {

    /** @param body the address of the stored body, null when no response came */
    public record Evidence(String url, Integer status, OffsetDateTime fetchedAt, String sha256, String body) {
    }

    static FindingView of(Finding f) {
        return new FindingView(f.id(), f.websiteId(), f.indicator().name(), f.categoryCode(), f.status().name(),
                f.detail(), local(f.detectedAt()), f.caseId(),
                f.evidence().stream().map(e -> new Evidence(e.url(), e.status(), local(e.fetchedAt()), e.sha256(), e.bodyPath(f.id()))).toList(),
                f.origin().name(), f.repeatOf(), f.decidedBy(), local(f.decidedAt()), f.dismissReason());
    }

    static OffsetDateTime local(java.time.Instant instant) {
        return instant == null ? null : instant.atZone(WorkingDayCalendar.ZONE).toOffsetDateTime();
    }
}
