package io.rectify.inspection;

import java.util.List;

import io.rectify.monitoring.CheckResult;

/**
 * The seam to the monitoring: the latest result of each automated check of a site, which
 * prefills the items of an inspection form that name the same indicator. The monitoring supplies
 * a bean of this type; without one the forms start empty.
 */
public interface MonitoringResults {

    /** The latest result of every check of the site, one per indicator; empty if it was never checked. */
    List<CheckResult> latest(long websiteId);
}
