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
 */
public record Scorecard(String key, long opened, Map<String, Long> openedByCategory, Map<String, Long> openedBySource,
                        long repeats, long ordersIssued, long closed, long closedRated, long closedOnTime,
                        Double onTimeRate, Double medianWorkingDays, long rejections, long openOrders, long overdue,
                        Double overdueRate, long escalations, long extensionsGranted,
                        Map<String, Long> sanctionsByType) {

    /** All sanctions of the period, or null when the reader may not read them. */
    public Long sanctions() {
        return sanctionsByType == null ? null : sanctionsByType.values().stream().mapToLong(Long::longValue).sum();
    }
}
