package io.rectify.inspection;

import java.math.BigDecimal;
import java.time.Instant;

/** The inspection of one sampled site, as the campaign's lists show it; the score once it is final. */
public record SiteInspection(long id, long campaignId, long websiteId, String websiteName, String websiteUrl,
                             String orgCode, String regionCode, SiteLevel level, Status status,
                             boolean noPublicService, String inspector, String reviewer, String reviewNote,
                             BigDecimal score, Boolean vetoed, Boolean qualified, Instant updatedAt,
                             Instant finalisedAt) {

    /** NEW: not opened yet; DRAFT: being entered (kept across restarts); FINAL: scored, frozen. */
    public enum Status {
        NEW, DRAFT, SUBMITTED, FINAL
    }

    public boolean isFinal() {
        return status == Status.FINAL;
    }
}
