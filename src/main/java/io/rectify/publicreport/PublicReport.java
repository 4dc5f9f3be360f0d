package io.rectify.publicreport;

import java.time.Instant;
import java.time.LocalDate;

/** One public error report as stored: what the reporter typed, and how the office and the body handled it. */
public record PublicReport(String id, String trackingNumber, String nationalId, ReportChannel channel, Instant receivedAt,
                           String siteUrl, String siteOrgCode, String regionCode, String triageOrgCode, String pageUrl,
                           String description, String contact, ReportStatus status, String duplicateOf, String triageNote,
                           Instant forwardedAt, LocalDate dueDate, boolean reminded, boolean overdue, String reply,
                           Instant repliedAt, Boolean repliedOnTime, String reviewNote, Instant closedAt, String caseId) {

    /** The same report with its contact masked, for everyone but the office that triages it. */
    public PublicReport masked() {
        return new PublicReport(id, trackingNumber, nationalId, channel, receivedAt, siteUrl, siteOrgCode, regionCode,
                triageOrgCode, pageUrl, description, ContactMask.mask(contact), status, duplicateOf, triageNote,
                forwardedAt, dueDate, reminded, overdue, reply, repliedAt, repliedOnTime, reviewNote, closedAt, caseId);
    }
}
