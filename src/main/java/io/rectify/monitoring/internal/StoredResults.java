package io.rectify.monitoring.internal;

import java.util.List;

import io.rectify.monitoring.CheckResult;
import io.rectify.monitoring.LatestResults;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The stored results as the published {@link LatestResults}: each with its evidence rows, as the check saw them. */
@Component
class StoredResults implements LatestResults {

    private final ProbeLog log;

    StoredResults(ProbeLog log) {
        this.log = log;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CheckResult> latest(long websiteId) {
        return log.results(websiteId).stream()
                .map(r -> new CheckResult(r.websiteId(), r.indicator(), r.status(), r.checkedAt(), r.detail(),
                        log.evidence(r.evidenceIds())))
                .toList();
    }
}
