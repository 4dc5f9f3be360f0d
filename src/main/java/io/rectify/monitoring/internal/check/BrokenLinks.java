package io.rectify.monitoring.internal.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.rectify.monitoring.Indicator;
import io.rectify.monitoring.MonitoringSettings;
import io.rectify.monitoring.internal.http.Fetched;
import io.rectify.monitoring.internal.http.SafeHttpClient;

/**
 * 链接不可用: the same-site links of the homepage and the watched columns, at most
 * {@code linksPerRun} of them, each asked with HEAD and, when HEAD is not answered well (some
 * servers refuse it), with GET; a link is broken when neither gives a page.
 */
public class BrokenLinks {

    private final MonitoringSettings.Thresholds thresholds;
    private final SafeHttpClient http;

    public BrokenLinks(MonitoringSettings.Thresholds thresholds, SafeHttpClient http) {
        this.thresholds = thresholds;
        this.http = http;
    }

    public Verdict judge(List<Page> pages) {
        Set<String> links = new LinkedHashSet<>();
        for (Page page : pages) {
            if (page.readable()) {
                links.addAll(page.sameSiteLinks());
            }
        }
        if (links.isEmpty()) {
            boolean anyRead = pages.stream().anyMatch(Page::readable);
            return anyRead
                    ? Verdict.judged(Indicator.BROKEN_LINKS, 0, thresholds.brokenLinksLimit(), "links", "链接：没有可检查的本站链接", List.of())
                    : Verdict.inconclusive(Indicator.BROKEN_LINKS, "链接：页面无法读取",
                    pages.stream().map(Page::fetched).toList());
        }
        List<String> broken = new ArrayList<>();
        List<Fetched> evidence = new ArrayList<>();
        int followed = 0;
        for (String link : links) {
            if (followed >= thresholds.linksPerRun()) {
                break;
            }
            followed++;
            Fetched head = http.head(link);
            if (head.ok()) {
                continue;
            }
            Fetched get = http.get(link);
            if (!get.ok()) {
                broken.add(link + "（" + get.summary() + "）");
                evidence.add(get);
            }
        }
        int limit = thresholds.brokenLinksLimit();
        return Verdict.judged(Indicator.BROKEN_LINKS, broken.size(), limit, "links",
                "链接：检查 " + followed + " 条（共找到 " + links.size() + " 条），" + broken.size() + " 条打不开，" + limit + " 条即不合格"
                        + (broken.isEmpty() ? "" : "：" + String.join("；", broken.subList(0, Math.min(5, broken.size())))),
                evidence);
    }
}
