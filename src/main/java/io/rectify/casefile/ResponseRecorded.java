package io.rectify.casefile;

/**
 * The respondent reported on a case, in the transaction that records the report: a case that came
 * from findings re-runs their checks now, so that the office verifies with the site's state in view.
 */
public record ResponseRecorded(String caseId) {
}
