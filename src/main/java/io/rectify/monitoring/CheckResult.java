package io.rectify.monitoring;

import java.time.Instant;
import java.util.List;

/** The latest judgement of one indicator on one site, with the responses it was made on. */
public record CheckResult(long websiteId, Indicator indicator, CheckStatus status, Instant checkedAt,
        String detail, List<ProbeEvidence> evidence) {

    public boolean failed() {
        return status == CheckStatus.FAIL;
    }
}
