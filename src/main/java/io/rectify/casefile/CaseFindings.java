package io.rectify.casefile;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the monitoring's findings add to a case that came from them: its website, the findings it
 * was opened with or that joined it, the re-check run when the department reported, and the closed
 * case it repeats. Implemented by the findings module (which depends on this one, not the other way
 * round); without it, no case came from findings.
 */
public interface CaseFindings {

    Optional<Monitored> of(String caseId);

    /** The same for many cases, in a few queries: for the case list. */
    Map<String, Monitored> of(Collection<String> caseIds);

    /**
     * @param websiteId  the registered site the findings are about
     * @param findingIds the findings confirmed into (or joined to) the case, oldest first
     * @param recheck    the re-check of the findings' indicators when the department reported, or null
     * @param repeatOf   the case of the same site and category closed within a year that this one repeats, or null
     * @param findings   the findings with their evidence, for the case page
     */
    record Monitored(long websiteId, List<String> findingIds, Recheck recheck, String repeatOf, List<Line> findings) {
    }

    /** The re-check: passed when every re-run check passed. */
    record Recheck(boolean passed, Instant checkedAt, List<Result> results) {

        public record Result(String indicator, String status, Instant checkedAt, String detail) {
        }
    }

    /** A finding as the case page lists it. */
    record Line(String id, String indicator, String detail, Instant detectedAt, List<Seen> evidence) {
    }

    /** One response a finding was judged on; {@code body} the address of its stored body, null when no response came. */
    record Seen(String url, Integer status, Instant fetchedAt, String sha256, String body) {
    }
}
