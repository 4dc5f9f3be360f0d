package io.rectify.monitoring;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The monitoring's settings ({@code rectify.monitoring.*}); the thresholds default to the 2019
 * national indicators (国办秘函〔2019〕19号).
 *
 * @param allowPrivateAddresses whether loopback, private and link-local addresses may be fetched: true
 *                              in the default profile only (demo and test sites on this machine)
 * @param scheduling            whether this node runs the schedule (the probes are in the database either way)
 */
@ConfigurationProperties("rectify.monitoring")
public record MonitoringSettings(
        @DefaultValue("false") boolean allowPrivateAddresses,
        @DefaultValue("true") boolean scheduling,
        @DefaultValue Http http,
        @DefaultValue Schedule schedule,
        @DefaultValue Thresholds thresholds,
        @DefaultValue("30d") Duration rawRetention) {

    /**
     * @param maxBodyBytes  a body is read up to this and then cut off (kept, marked truncated)
     * @param totalDeadline a response still arriving after this is abandoned (a slow trickle)
     */
    public record Http(
            @DefaultValue("15s") Duration connectTimeout,
            @DefaultValue("15s") Duration readTimeout,
            @DefaultValue("30s") Duration totalDeadline,
            @DefaultValue("2097152") int maxBodyBytes,
            @DefaultValue("5") int maxRedirects,
            @DefaultValue("16") int maxConcurrency,
            @DefaultValue("Rectify-Monitor/1.0 (+government website inspection; 政府网站监测)") String userAgent) {
    }

    /**
     * @param homepageEvery every site's homepage is probed this often (≥ 20 a day: 144 at 10 minutes)
     * @param dailyEvery    columns, links, identity marks and the certificate this often
     * @param jitter        each site's next run moves by up to this, so sites do not all fall due at once
     */
    public record Schedule(
            @DefaultValue("10m") Duration homepageEvery,
            @DefaultValue("1d") Duration dailyEvery,
            @DefaultValue("2m") Duration jitter) {
    }

    /**
     * @param reachabilityWindow     the rolling window of the reachability indicator
     * @param reachabilityFailPercent fail at this share of failed probes or more
     * @param reachabilityMinProbes  fewer probes in the window than this: not judged (inconclusive)
     * @param homepageMaxDays        fail when the newest homepage item is this old or older
     * @param newsMaxDays            a news column is stale at this age
     * @param noticeMaxDays          a notice or policy column is stale at this age (six months)
     * @param staleColumnsLimit      fail at this many stale columns
     * @param blankColumnsLimit      fail at this many blank columns
     * @param linksPerRun            at most this many same-site links are followed per run
     * @param brokenLinksLimit       fail at this many broken links
     * @param certificateWarnDays    a certificate expiring within this many days fails
     * @param interactionMaxDays     a message asked more than this many days ago and still unanswered fails (three months)
     */
    public record Thresholds(
            @DefaultValue("7d") Duration reachabilityWindow,
            @DefaultValue("5") double reachabilityFailPercent,
            @DefaultValue("20") int reachabilityMinProbes,
            @DefaultValue("14") int homepageMaxDays,
            @DefaultValue("14") int newsMaxDays,
            @DefaultValue("183") int noticeMaxDays,
            @DefaultValue("5") int staleColumnsLimit,
            @DefaultValue("5") int blankColumnsLimit,
            @DefaultValue("30") int linksPerRun,
            @DefaultValue("1") int brokenLinksLimit,
            @DefaultValue("14") int certificateWarnDays,
            @DefaultValue("90") int interactionMaxDays) {
    }
}
