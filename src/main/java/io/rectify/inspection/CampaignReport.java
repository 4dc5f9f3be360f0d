package io.rectify.inspection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The numbers of a campaign as its 通报 states them, computed once: the results page shows them
 * now, and the 通报 document and its XLSX are to read the same object. Counted over the final
 * inspections; {@code pending} are the sampled sites not yet final.
 */
public record CampaignReport(Campaign campaign, String checklistVersion, Tally total, List<Row> byRegionAndLevel,
                             List<FailingSite> failing, List<SiteInspection> sites) {

    /** How many were checked (final), how many qualified, how many await, and 合格率 (0–1, null when none checked). */
    public record Tally(int checked, int qualified, int pending) {
        public BigDecimal rate() {
            return checked == 0 ? null
                    : BigDecimal.valueOf(qualified).divide(BigDecimal.valueOf(checked), 4, RoundingMode.HALF_UP);
        }

        public int failed() {
            return checked - qualified;
        }
    }

    public record Row(String regionCode, SiteLevel level, Tally tally) {
    }

    /** A site that failed: vetoed or under 60, with every failed item. */
    public record FailingSite(SiteInspection site, List<Inspections.FailedItem> defects) {
    }
}
