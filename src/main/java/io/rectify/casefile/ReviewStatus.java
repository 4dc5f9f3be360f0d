package io.rectify.casefile;

/** The supervision review of an escalated case. */
public enum ReviewStatus {
    NONE, PENDING, DECIDED
}
