package io.rectify.casefile;

/** How the violation was detected (DOMAIN.md "Detection sources"). */
public enum CaseSource {
    MANUAL, INSPECTION, MONITOR, COMPLAINT
}
