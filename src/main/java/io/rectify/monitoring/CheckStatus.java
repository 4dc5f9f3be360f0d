package io.rectify.monitoring;

/** The outcome of one check: a site passes, fails, or could not be judged this time (with the reason in the detail). */
public enum CheckStatus {
    PASS, FAIL, INCONCLUSIVE
}
