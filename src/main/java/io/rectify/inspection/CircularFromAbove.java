package io.rectify.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A 通报 from above as an office imported it: who issued it ({@code issuer}, the addressee of the
 * reply), its number (文号) and date, the day the written reply is due, and whether its lines opened
 * cases at once ({@code opensCases}) or findings for a supervisor to confirm.
 */
public record CircularFromAbove(long id, String officeCode, String regionCode, String issuer, String number,
                                LocalDate issuedOn, LocalDate replyDue, boolean opensCases, Instant importedAt,
                                String importedBy, List<Line> lines) {

    /**
     * A line of the 通报: the site and the defect it names, and what follows the defect here — the
     * finding it opened or found open ({@code findingStatus} OPEN, CONFIRMED or DISMISSED) and the case
     * ({@code caseStatus}, {@code outcome} and {@code closedAt} once closed), each null while there is none.
     */
    public record Line(int lineNo, long websiteId, String websiteName, String websiteUrl, String orgCode,
                       String indicator, String defect, String findingId, String findingStatus, String dismissReason,
                       String caseId, String caseNumber, String caseStatus, String outcome, Instant closedAt) {

        /** Whether the defect is dealt with: its case closed, or its finding dismissed as not a defect (核减). */
        public boolean done() {
            return "CLOSED".equals(caseStatus) || (caseId == null && "DISMISSED".equals(findingStatus));
        }
    }
}
