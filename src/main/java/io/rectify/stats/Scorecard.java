package io.rectify.stats;

import java.util.Map;

/**
 * The figures of one body, one region or one month over a period (src/docs/stats.md says how
 * each is counted).
 *
 * @param key               the body's code, the region's code, the month (YYYY-MM) or {@code ALL}
 * @param opened            cases opened in the period
 * @param openedByCategory  of those, by category code
 * @param openedBySource    of those, by source (MANUAL, INSPECTION, MONITOR, COMPLAINT)
 * @param repeats           of those, repeat violations (a case of the same category closed within 365 days before)
 * @param ordersIssued      first orders issued in the period
 * @param closed            cases closed in the period
 * @param closedRated       of those, the ones whose timeliness is known (all but cases closed before the figures existed)
 * @param closedOnTime      of those, the ones whose accepted report came by the deadline then in force
 * @param onTimeRate        closedOnTime / closedRated, null when nothing was closed
 * @param medianWorkingDays median working days from the first order to the accepted report, of the closed cases
 * @param rejections        reports sent back, on the cases closed in the period
 * @param openOrders        cases with an order open now
 * @param overdue           of those, past their deadline now
 * @param overdueRate       overdue / openOrders, null when no order is open
 * @param escalations       cases escalated to supervision in the period
 * @param extensionsGranted extensions granted in the period
 * @param sanctionsByType   sanctions decided in the period by type; null for a reader who may not read sanctions
 * @param sites             the monitoring's health of the bodies' sites now (the latest result of each check)
 * @param spotChecks        the spot checks (抽查) of the bodies' sites finalised in the period
 * @param errorReports      the public error reports (找错) about the bodies' sites received in the period
 */
public record Scorecard(String key, long opened, Map<String, Long> openedByCategory, Map<String, Long> openedBySource,
                        long repeats, long ordersIssued, long closed, long closedRated, long closedOnTime,
                        Double onTimeRate, Double medianWorkingDays, long rejections, long openOrders, long overdue,
                        Double overdueRate, long escalations, long extensionsGranted,
                        Map<String, Long> sanctionsByType, SiteHealth sites, SpotChecks spotChecks,
                        ErrorReports errorReports) {

    /** All sanctions of the period, or null when the reader may not read them. */
    public Long sanctions() {
        return sanctionsByType == null ? null : sanctionsByType.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The monitoring's latest judgement of the sites, now whatever the period (like the open orders).
     *
     * @param monitored           sites with at least one check result
     * @param healthy             of those, the sites passing every indicator checked
     * @param healthyRate         healthy / monitored, null when no site is monitored
     * @param checkedByIndicator  sites judged on each indicator (pass or fail; an inconclusive check is not judged)
     * @param passingByIndicator  of those, the sites passing it (the veto line not crossed)
     */
    public record SiteHealth(long monitored, long healthy, Double healthyRate, Map<String, Long> checkedByIndicator,
                             Map<String, Long> passingByIndicator) {
    }

    /**
     * The spot checks finalised in the period (only final results count).
     *
     * @param checked       sites whose inspection was finalised
     * @param qualified     of those, qualified (合格)
     * @param vetoed        of those, failed by a veto item (单项否决)
     * @param qualifiedRate 合格率: qualified / checked, null when none was checked
     * @param meanScore     the mean score, two decimals, null when none was checked
     */
    public record SpotChecks(long checked, long qualified, long vetoed, Double qualifiedRate, Double meanScore) {
    }

    /**
     * The public error reports (我为政府网站找错) received in the period, as {@code /api/public-reports/stats} counts them.
     *
     * @param received       reports received
     * @param forwarded      of those, forwarded to the site's body
     * @param replied        of those, answered by the body
     * @param repliedOnTime  of those, answered within three working days of forwarding
     * @param overdue        forwarded reports whose three working days ended without a reply
     * @param onTimeRate     按期办结率: repliedOnTime / forwarded, null when none was forwarded
     */
    public record ErrorReports(long received, long forwarded, long replied, long repliedOnTime, long overdue,
                               Double onTimeRate) {
    }
}
