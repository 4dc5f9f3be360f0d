package io.rectify.document;

import java.time.Instant;

/**
 * A frozen document: the PDF exactly as issued and its SHA-256, never rendered again. It belongs to
 * a case ({@code caseId}), to a spot-check campaign ({@code campaignId}, its 通报) or to a 通报 from
 * above ({@code circularId}, the office's reply to it): to exactly one.
 * {@code replaces} names the document a correction replaces, null for an original.
 */
public record IssuedDocument(String id, String caseId, Long campaignId, Long circularId, DocumentKind kind, String number, String title,
                             Instant issuedAt, String issuedBy, String sha256, long size, String replaces,
                             byte[] bytes) {

    /** A file name for a download or a mail attachment: the number, which is unique per kind, as PDF. */
    public String fileName() {
        return number.replaceAll("[\\\\/:*?\"<>|\\s]", "_") + ".pdf";
    }
}
