package io.rectify.casefile;

public enum CaseOutcome {
    RECTIFIED,
    /** formally waived: an A33-01 site that ended lawfully shut down */
    WAIVED
}
