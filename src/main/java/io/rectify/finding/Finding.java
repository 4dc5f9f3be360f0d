package io.rectify.finding;

import java.time.Instant;
import java.util.List;

import io.rectify.monitoring.Indicator;

/**
 * A failure, seen by the monitoring or an inspector or named by a 通报 from above, waiting for a
 * decision, or the decision taken on it.
 *
 * @param origin   the monitoring, an inspection or a 通报 from above: the source of the case it opens
 * @param repeatOf the case of the same site and category closed within a year that this failure repeats, or null
 */
public record Finding(String id, long websiteId, Indicator indicator, String categoryCode, FindingStatus status,
                      FindingOrigin origin, String detail, Instant detectedAt, String caseId, String repeatOf, String decidedBy,
                      Instant decidedAt, String dismissReason, List<Evidence> evidence) {

    /** One response the check was judged on, copied from the monitoring's evidence. */
    public record Evidence(long probeEvidenceId, String url, Integer status, Instant fetchedAt, String sha256) {

        /** Where the stored body can be read by who may see the finding or its case; null when no response came. */
        public String bodyPath(String findingId) {
            return sha256 == null ? null : "/api/findings/" + findingId + "/evidence/" + probeEvidenceId;
        }
    }

    Finding withEvidence(List<Evidence> seen) {
        return new Finding(id, websiteId, indicator, categoryCode, status, origin, detail, detectedAt, caseId, repeatOf,
                decidedBy, decidedAt, dismissReason, seen);
    }
}
