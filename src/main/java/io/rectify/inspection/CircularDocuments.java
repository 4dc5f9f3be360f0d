package io.rectify.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The 通报 of a campaign as the document module lays it out (GB/T 9704, like a case's documents),
 * freezes and keeps it: implemented there, so that this module needs no document types and the
 * document module reads the campaign's {@link CampaignReport}, not the other way round.
 */
public interface CircularDocuments {

    /**
     * Lays the 通报 out from the report, as the campaign's office issues it on {@code issuedOn} with
     * written rectification reports due by {@code reportsDue}, and freezes it. The caller checked
     * who may issue it and that none was issued.
     */
    Issued issue(CampaignReport report, LocalDate issuedOn, LocalDate reportsDue, String actor);

    /** The 通报 of a campaign with its bytes, checked against its recorded SHA-256; empty before it is issued. */
    Optional<Issued> of(long campaignId);

    record Issued(String id, String number, String title, Instant issuedAt, String issuedBy, String sha256, long size,
                  byte[] bytes) {

        /** The number as a file name, like the case documents' downloads. */
        public String fileName() {
            return number.replaceAll("[\\\\/:*?\"<>|\\s]", "_") + ".pdf";
        }
    }
}
