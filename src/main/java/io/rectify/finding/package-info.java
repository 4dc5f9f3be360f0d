/**
 * Findings: failed checks of the monitoring become findings, one open per site and indicator, that
 * a supervisor of the site's jurisdiction confirms into a case (source MONITOR) or dismisses (核减).
 * A case that came from findings is re-checked when the department reports, and a finding on a
 * site whose case of the same category closed within a year repeats it. The category of a finding
 * comes from the decision table {@code bpmn/finding-category.dmn}, evaluated by the workflow module
 * ({@link io.rectify.finding.FindingCategories}).
 */
package io.rectify.finding;
