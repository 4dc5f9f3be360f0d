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
            return Verdict.pass(Indicator.TLS, "certificate: the site is served over http, no certificate to judge", null, List.of());
        }
        if (seen.error() != null) {
            return Verdict.fail(Indicator.TLS, "certificate: no TLS handshake: " + seen.error(), null, List.of());
        }
        long daysLeft = Duration.between(now, seen.notAfter()).toDays();
        if (now.isAfter(seen.notAfter())) {
            return Verdict.fail(Indicator.TLS, "certificate: expired on " + seen.notAfter(),
                    Verdict.Veto.of(Math.max(0, daysLeft), warn, "days left"), List.of());
        }
        // the measure runs towards the line: days used of the warning period
        Verdict.Veto veto = Verdict.Veto.of(daysLeft, warn, "days left");
        if (seen.hostProblem() != null) {
            return Verdict.fail(Indicator.TLS, "certificate: " + seen.hostProblem(), veto, List.of());
        }
        if (seen.trustProblem() != null) {
            return Verdict.fail(Indicator.TLS, "certificate: " + seen.trustProblem(), veto, List.of());
        }
        if (daysLeft <= warn) {
            return Verdict.fail(Indicator.TLS, "certificate: expires in " + daysLeft + " days (on " + seen.notAfter()
                    + "), within the " + warn + " days allowed", veto, List.of());
        }
        return Verdict.pass(Indicator.TLS, "certificate: valid for " + daysLeft + " more days", veto, List.of());
    }
}
