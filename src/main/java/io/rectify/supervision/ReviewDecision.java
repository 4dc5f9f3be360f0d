package io.rectify.supervision;

/** What the supervision authority decides on an escalated case (the reviewEscalation form). */
public enum ReviewDecision {
    /** sanction the responsible persons: recordSanctions follows */
    SANCTION,
    /** no sanction, with the findings that say why */
    NO_SANCTION
}
