package io.rectify.monitoring.internal.check;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import io.rectify.monitoring.Indicator;
import io.rectify.monitoring.MonitoringSettings;

/**
 * 首页不更新: the newest dated item on the homepage, or, on a homepage that dates nothing, the day
 * its list of items last changed; fails when that is two weeks (14 days) old or older.
 */
public class HomepageFreshness {

    private final MonitoringSettings.Thresholds thresholds;

    public HomepageFreshness(MonitoringSettings.Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /**
     * @param itemsLastChanged the day the homepage's list of item titles was last seen to change,
     *                         if it has been watched before
     */
    public Verdict judge(Page homepage, LocalDate today, Optional<LocalDate> itemsLastChanged) {
        if (!homepage.readable()) {
            return Verdict.inconclusive(Indicator.HOMEPAGE_STALE, "首页无法读取：" + homepage.fetched().summary(),
                    List.of(homepage.fetched()));
        }
        int limit = thresholds.homepageMaxDays();
        Optional<LocalDate> newest = ChineseDates.newest(homepage.text(), today);
        if (newest.isPresent()) {
            long age = ChronoUnit.DAYS.between(newest.get(), today);
            return Verdict.judged(Indicator.HOMEPAGE_STALE, age, limit, "days",
                    "首页：最新条目发布于 " + newest.get() + "，已 " + age + " 天未更新，" + limit + " 天即否决",
                    List.of(homepage.fetched()));
        }
        if (itemsLastChanged.isEmpty()) {
            return Verdict.inconclusive(Indicator.HOMEPAGE_STALE,
                    "首页：没有带日期的条目，自今日起比对其条目列表是否变化", List.of(homepage.fetched()));
        }
        long age = ChronoUnit.DAYS.between(itemsLastChanged.get(), today);
        return Verdict.judged(Indicator.HOMEPAGE_STALE, age, limit, "days",
                "首页：没有带日期的条目，条目列表已 " + age + " 天未变化，" + limit + " 天即否决",
                List.of(homepage.fetched()));
    }
}
