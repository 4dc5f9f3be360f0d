package io.rectify.monitoring;

import java.util.List;
import java.util.Set;

/** Runs the checks of one site now, outside the schedule: a supervisor's "check now" and the re-check before a case closes. */
public interface SiteChecks {

    /** Runs the named checks of the site, stores their results and answers them, one per indicator. */
    List<CheckResult> runNow(long websiteId, Set<Indicator> indicators);

    /** Runs every check of the site. */
    default List<CheckResult> runNow(long websiteId) {
        return runNow(websiteId, java.util.EnumSet.allOf(Indicator.class));
    }
}
