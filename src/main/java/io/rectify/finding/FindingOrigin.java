package io.rectify.finding;

import io.rectify.casefile.CaseSource;

/**
 * Where a finding came from, and so the source of the case it opens: the scorecards count the cases
 * opened by source, and a case an inspector's judgement opened is no case of the monitoring's.
 */
public enum FindingOrigin {

    /** The monitoring's own failed check. */
    MONITORING(CaseSource.MONITOR),
    /** A failed item of a final inspection: a spot check or a self-inspection. */
    INSPECTION(CaseSource.INSPECTION),
    /** A defect named by a 通报 from above, which is the result of a higher authority's inspection. */
    CIRCULAR(CaseSource.INSPECTION);

    private final CaseSource caseSource;

    FindingOrigin(CaseSource caseSource) {
        this.caseSource = caseSource;
    }

    /** The source of a case opened from a finding of this origin (a case it joins keeps its own). */
    public CaseSource caseSource() {
        return caseSource;
    }
}
