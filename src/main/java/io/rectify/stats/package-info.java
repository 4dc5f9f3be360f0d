/**
 * The evaluation (Art. 26): scorecards per body and per region for any period, the ranking of
 * bodies by the administrator's weights, the annual supervision report. A figure is computed
 * once, by {@link io.rectify.stats.Scorecards}: the dashboards, their tables, the XLSX files
 * and {@code GET /api/stats/...} all read it, so they cannot disagree.
 */
package io.rectify.stats;
