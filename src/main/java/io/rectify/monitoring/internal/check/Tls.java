package io.rectify.monitoring.internal.check;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.rectify.monitoring.Indicator;
import io.rectify.monitoring.MonitoringSettings;
import io.rectify.monitoring.internal.http.SafeHttpClient.CertificateSeen;

/**
 * The certificate of a https site: fails when it has expired, expires within 14 days, names
 * another host or is not trusted. A site served over plain http has no certificate to judge.
 */
public class Tls {

    private final MonitoringSettings.Thresholds thresholds;

    public Tls(MonitoringSettings.Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    public Verdict judge(URI homepage, CertificateSeen seen, Instant now) {
        int warn = thresholds.certificateWarnDays();
        if (!"https".equalsIgnoreCase(homepage.getScheme())) {
            return Verdict.pass(Indicator.TLS, "证书：网站使用 http，没有证书可查", null, List.of());
        }
        if (seen.error() != null) {
            return Verdict.fail(Indicator.TLS, "证书：TLS 握手失败：" + seen.error(), null, List.of());
        }
        long daysLeft = Duration.between(now, seen.notAfter()).toDays();
        if (now.isAfter(seen.notAfter())) {
            return Verdict.fail(Indicator.TLS, "证书：已于 " + seen.notAfter() + " 过期",
                    Verdict.Veto.of(Math.max(0, daysLeft), warn, "days left"), List.of());
        }
        // the measure runs towards the line: days used of the warning period
        Verdict.Veto veto = Verdict.Veto.of(daysLeft, warn, "days left");
        if (seen.hostProblem() != null) {
            return Verdict.fail(Indicator.TLS, "证书：" + seen.hostProblem(), veto, List.of());
        }
        if (seen.trustProblem() != null) {
            return Verdict.fail(Indicator.TLS, "证书：" + seen.trustProblem(), veto, List.of());
        }
        if (daysLeft <= warn) {
            return Verdict.fail(Indicator.TLS, "证书：" + daysLeft + " 天后（" + seen.notAfter()
                    + "）过期，不足 " + warn + " 天", veto, List.of());
        }
        return Verdict.pass(Indicator.TLS, "证书：还有 " + daysLeft + " 天有效", veto, List.of());
    }
}
