package io.rectify.casefile;

/** Where a case stands (API.md). */
public enum CaseStatus {
    /** opened, no order yet */
    DETECTED,
    /** an order is out, waiting for the respondent's report */
    ORDERED,
    /** a report is in, waiting for verification (or, once accepted, for the supervision review) */
    RESPONDED,
    CLOSED
}
