/**
 * Findings: failed checks of the monitoring, failed items of final inspections and defects named by
 * a 通报 from above become findings, one open per site and indicator, that a supervisor of the
 * site's jurisdiction confirms into a case or dismisses (核减). The case's source is the finding's
 * origin's ({@link io.rectify.finding.FindingOrigin#caseSource()}): MONITOR for the monitoring's,
 * INSPECTION for an inspection's or a 通报's.
 * A case that came from findings is re-checked when the department reports, and a finding on a
 * site whose case of the same category closed within a year repeats it. The category of a finding
 * comes from the decision table {@code bpmn/finding-category.dmn}, evaluated by the workflow module
 * ({@link io.rectify.finding.FindingCategories}).
 */
package io.rectify.finding;
