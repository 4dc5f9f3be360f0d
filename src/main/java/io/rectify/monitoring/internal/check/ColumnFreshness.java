package io.rectify.monitoring.internal.check;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.rectify.directory.ColumnKind;
import io.rectify.monitoring.Indicator;
import io.rectify.monitoring.MonitoringSettings;
import io.rectify.monitoring.internal.http.Fetched;

/**
 * 栏目不更新: the newest date on each news column (two weeks) and notice or policy column (six
 * months) page; fails when five or more are stale. Columns of other kinds, blank columns (their
 * own check) and columns that could not be read are not counted.
 */
public class ColumnFreshness {

    private final MonitoringSettings.Thresholds thresholds;

    public ColumnFreshness(MonitoringSettings.Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    public Verdict judge(List<ColumnPage> columns, LocalDate today) {
        List<String> stale = new ArrayList<>();
        List<String> unread = new ArrayList<>();
        List<Fetched> evidence = new ArrayList<>();
        int judged = 0;
        for (ColumnPage column : columns) {
            Integer maxDays = maxDays(column.column().kind());
            if (maxDays == null) {
                continue;
            }
            if (!column.page().readable()) {
                unread.add(column.column().name());
                continue;
            }
            Optional<LocalDate> newest = ChineseDates.newest(column.page().text(), today);
            if (newest.isEmpty()) {
                continue;
            }
            judged++;
            long age = ChronoUnit.DAYS.between(newest.get(), today);
            if (age >= maxDays) {
                stale.add(column.column().name() + "（" + age + " 天未更新，限 " + maxDays + " 天）");
                evidence.add(column.page().fetched());
            }
        }
        int limit = thresholds.staleColumnsLimit();
        if (judged == 0 && !unread.isEmpty()) {
            return Verdict.inconclusive(Indicator.COLUMNS_STALE, "栏目：均无法读取（" + String.join("、", unread) + "）",
                    columns.stream().map(c -> c.page().fetched()).toList());
        }
        String detail = "栏目：" + stale.size() + " 个栏目不更新，" + limit + " 个即否决"
                + (stale.isEmpty() ? "" : "：" + String.join("、", stale))
                + (unread.isEmpty() ? "" : "；未能读取：" + String.join("、", unread));
        return Verdict.judged(Indicator.COLUMNS_STALE, stale.size(), limit, "columns", detail, evidence);
    }

    private Integer maxDays(ColumnKind kind) {
        return switch (kind) {
            case NEWS -> thresholds.newsMaxDays();
            case NOTICE, POLICY -> thresholds.noticeMaxDays();
            default -> null;
        };
    }
}
