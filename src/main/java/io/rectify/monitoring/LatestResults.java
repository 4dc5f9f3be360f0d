package io.rectify.monitoring;

import java.util.List;

/**
 * The latest stored result of each check of a site, with the responses it was judged on: what
 * another module reads of the monitoring without running a check (an inspection form is prefilled
 * from it).
 */
public interface LatestResults {

    /** The latest result of every check of the site, one per indicator; empty if it was never checked. */
    List<CheckResult> latest(long websiteId);
}
