package io.rectify.monitoring.internal.check;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.rectify.monitoring.Indicator;
import io.rectify.monitoring.MonitoringSettings;
import io.rectify.monitoring.internal.http.Fetched;

/**
 * 空白栏目: a watched column whose page was read and lists no dated item at all; fails when five
 * or more are blank.
 */
public class BlankColumns {

    private final MonitoringSettings.Thresholds thresholds;

    public BlankColumns(MonitoringSettings.Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    public Verdict judge(List<ColumnPage> columns, LocalDate today) {
        List<String> blank = new ArrayList<>();
        List<Fetched> evidence = new ArrayList<>();
        boolean anyRead = false;
        for (ColumnPage column : columns) {
            if (!column.page().readable()) {
                continue;
            }
            anyRead = true;
            if (ChineseDates.in(column.page().text(), today).isEmpty()) {
                blank.add(column.column().name());
                evidence.add(column.page().fetched());
            }
        }
        if (!anyRead && !columns.isEmpty()) {
            return Verdict.inconclusive(Indicator.BLANK_COLUMNS, "栏目：均无法读取",
                    columns.stream().map(c -> c.page().fetched()).toList());
        }
        int limit = thresholds.blankColumnsLimit();
        return Verdict.judged(Indicator.BLANK_COLUMNS, blank.size(), limit, "columns",
                "空白栏目：" + blank.size() + " 个，" + limit + " 个即否决"
                        + (blank.isEmpty() ? "" : "：" + String.join("、", blank)), evidence);
    }
}
