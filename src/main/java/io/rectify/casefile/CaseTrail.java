package io.rectify.casefile;

import java.util.Set;

/**
 * What a case's audit trail shows to a reader who may not read the supervision review's findings
 * and the sanctions (the department, an office without the right): no event that names who
 * recorded or read sanctions, and the review's decision without its words. The case page's
 * timeline and the case file's PDF both read it here, so the two never disagree.
 */
public final class CaseTrail {

    private static final Set<String> SANCTION_EVENTS = Set.of("SANCTIONS_RECORDED", "SANCTIONS_READ");
    private static final String REVIEW_DECIDED = "REVIEW_DECIDED";

    private CaseTrail() {
    }

    /** Whether an audit event with this action is shown at all. */
    public static boolean shows(String action, boolean findings) {
        return findings || !SANCTION_EVENTS.contains(action);
    }

    /** The detail shown for an audit event: none for the review's decision without {@code findings}. */
    public static String detail(String action, String detail, boolean findings) {
        return findings || !REVIEW_DECIDED.equals(action) ? detail : null;
    }
}
