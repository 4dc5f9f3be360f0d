package io.rectify.monitoring.internal.check;

import java.util.List;
import java.util.Locale;

import io.rectify.monitoring.Indicator;
import io.rectify.monitoring.MonitoringSettings;
import io.rectify.monitoring.internal.http.Fetched;

/**
 * 站点无法访问: of the homepage probes of the rolling window (a week), the share that got no page
 * within the timeout; fails at 5% or more. Fewer probes than the minimum sample: not judged.
 */
public class Reachability {

    private final MonitoringSettings.Thresholds thresholds;

    public Reachability(MonitoringSettings.Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    public Verdict judge(long probes, long failed, List<Fetched> evidence) {
        long days = thresholds.reachabilityWindow().toDays();
        if (probes < thresholds.reachabilityMinProbes()) {
            return Verdict.inconclusive(Indicator.UNREACHABLE, String.format(Locale.ROOT,
                    "可访问性：%d 天内探测 %d 次，不足判断所需的 %d 次", days, probes,
                    thresholds.reachabilityMinProbes()), evidence);
        }
        double percent = 100.0 * failed / probes;
        double limit = thresholds.reachabilityFailPercent();
        return Verdict.judged(Indicator.UNREACHABLE, percent, limit, "%", String.format(Locale.ROOT,
                "可访问性：失败率 %.2f%%，%s%% 即否决（%d 天内探测 %d 次，失败 %d 次）",
                Math.floor(percent * 100) / 100, strip(limit), days, probes, failed), evidence);
    }

    private static String strip(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
