package io.rectify.monitoring.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.directory.Directory;
import io.rectify.directory.OrgKind;
import io.rectify.directory.WatchedColumn;
import io.rectify.directory.Website;
import io.rectify.kernel.NotFoundException;
import io.rectify.monitoring.CheckFailed;
import io.rectify.monitoring.CheckResult;
import io.rectify.monitoring.Indicator;
import io.rectify.monitoring.MonitoringSettings;
import io.rectify.monitoring.ProbeEvidence;
import io.rectify.monitoring.SiteChecks;
import io.rectify.monitoring.internal.ProbeLog.Purpose;
import io.rectify.monitoring.internal.check.BlankColumns;
import io.rectify.monitoring.internal.check.BrokenLinks;
import io.rectify.monitoring.internal.check.ColumnFreshness;
import io.rectify.monitoring.internal.check.ColumnPage;
import io.rectify.monitoring.internal.check.DeadHomepage;
import io.rectify.monitoring.internal.check.HomepageFreshness;
import io.rectify.monitoring.internal.check.IdentityMarks;
import io.rectify.monitoring.internal.check.NotGovDomain;
import io.rectify.monitoring.internal.check.Page;
import io.rectify.monitoring.internal.check.Reachability;
import io.rectify.monitoring.internal.check.Tls;
import io.rectify.monitoring.internal.check.UnansweredMessages;
import io.rectify.monitoring.internal.check.UnregisteredSites;
import io.rectify.monitoring.internal.check.Verdict;
import io.rectify.monitoring.internal.http.Fetched;
import io.rectify.monitoring.internal.http.SafeHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the checks of a site: fetches what they need (outside any transaction), lets each check
 * judge, then stores the requests and the results in one short transaction and publishes a
 * {@link CheckFailed} for each failure in it. A homepage that got no answer at all ends the
 * fetching: the columns, their links and the certificate are not asked for ({@link DeadHomepage}). The schedule calls it; so do "check now" and the
 * re-check before a case closes ({@link SiteChecks}).
 */
@Service
public class Monitor implements SiteChecks {

    /** what the daily run and "check now" judge */
    static final Set<Indicator> PROBED = java.util.Arrays.stream(Indicator.values()).filter(Indicator::probed)
            .collect(java.util.stream.Collectors.toCollection(() -> EnumSet.noneOf(Indicator.class)));
    /** what the daily run judges: all but reachability, which the homepage probes judge */
    static final Set<Indicator> DAILY = PROBED.stream().filter(i -> i != Indicator.UNREACHABLE)
            .collect(java.util.stream.Collectors.toCollection(() -> EnumSet.noneOf(Indicator.class)));
    private static final Set<Indicator> READ_COLUMNS = EnumSet.of(Indicator.COLUMNS_STALE, Indicator.BLANK_COLUMNS,
            Indicator.BROKEN_LINKS, Indicator.INTERACTION_UNANSWERED);
    private static final Logger logger = LoggerFactory.getLogger(Monitor.class);

    private final Directory directory;
    private final SafeHttpClient http;
    private final ProbeLog log;
    private final MonitoringSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    private final Reachability reachability;
    private final HomepageFreshness homepageFreshness;
    private final ColumnFreshness columnFreshness;
    private final BlankColumns blankColumns;
    private final BrokenLinks brokenLinks;
    private final UnansweredMessages unansweredMessages;
    private final IdentityMarks identityMarks = new IdentityMarks();
    private final Tls tls;
    private final NotGovDomain notGovDomain = new NotGovDomain();
    private final UnregisteredSites unregisteredSites = new UnregisteredSites();

    Monitor(Directory directory, SafeHttpClient http, ProbeLog log, MonitoringSettings settings, Clock clock,
            ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.directory = directory;
        this.http = http;
        this.log = log;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        MonitoringSettings.Thresholds thresholds = settings.thresholds();
        this.reachability = new Reachability(thresholds);
        this.homepageFreshness = new HomepageFreshness(thresholds);
        this.columnFreshness = new ColumnFreshness(thresholds);
        this.blankColumns = new BlankColumns(thresholds);
        this.brokenLinks = new BrokenLinks(thresholds, http);
        this.unansweredMessages = new UnansweredMessages(thresholds);
        this.tls = new Tls(thresholds);
    }

    @Override
    public List<CheckResult> runNow(long websiteId, Set<Indicator> indicators) {
        Website site = directory.website(websiteId).orElseThrow(() -> new NotFoundException("website " + websiteId));
        Set<Indicator> wanted = EnumSet.noneOf(Indicator.class);
        wanted.addAll(indicators);
        wanted.retainAll(PROBED);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, WorkingDayCalendar.ZONE);
        URI homepageUri = homepageUri(site);

        Page homepage = Page.of(http.get(site.url()));
        Optional<DeadHomepage> dead = DeadHomepage.of(homepage, site.columns());
        List<ColumnPage> columns = new ArrayList<>();
        if (wanted.stream().anyMatch(READ_COLUMNS::contains)) {
            if (dead.isEmpty()) {
                site.columns().forEach(column -> columns.add(new ColumnPage(column, Page.of(http.get(column.url())))));
            } else {
                logger.info("monitoring: website {} gave no answer ({}); its links and {} column page(s) not read this run: {}",
                        websiteId, homepage.fetched().error(), site.columns().size(),
                        site.columns().stream().map(WatchedColumn::url).toList());
            }
        }
        List<Verdict> verdicts = new ArrayList<>();
        if (wanted.contains(Indicator.HOMEPAGE_STALE)) {
            verdicts.add(homepageFreshness.judge(homepage, today, homepage.readable()
                    ? log.itemsChanged(websiteId, homepage.itemTitles(), today) : Optional.empty()));
        }
        if (wanted.contains(Indicator.COLUMNS_STALE)) {
            verdicts.add(onColumns(dead, Indicator.COLUMNS_STALE, () -> columnFreshness.judge(columns, today)));
        }
        if (wanted.contains(Indicator.BLANK_COLUMNS)) {
            verdicts.add(onColumns(dead, Indicator.BLANK_COLUMNS, () -> blankColumns.judge(columns, today)));
        }
        // a site that registers no interaction column has nothing to judge here: no result, not a warning
        if (wanted.contains(Indicator.INTERACTION_UNANSWERED) && UnansweredMessages.watches(site.columns())) {
            verdicts.add(onColumns(dead, Indicator.INTERACTION_UNANSWERED, () -> unansweredMessages.judge(columns, today)));
        }
        if (wanted.contains(Indicator.BROKEN_LINKS)) {
            verdicts.add(onColumns(dead, Indicator.BROKEN_LINKS, () -> {
                List<Page> pages = new ArrayList<>();
                pages.add(homepage);
                columns.forEach(c -> pages.add(c.page()));
                return brokenLinks.judge(pages);
            }));
        }
        if (wanted.contains(Indicator.IDENTITY_MISSING)) {
            verdicts.add(identityMarks.judge(homepage, site.siteCode()));
        }
        if (wanted.contains(Indicator.TLS) && homepageUri != null) {
            boolean https = "https".equalsIgnoreCase(homepageUri.getScheme());
            verdicts.add(https && dead.isPresent() ? dead.get().certificateNotAsked()
                    : tls.judge(homepageUri, https ? http.certificate(site.url()) : null, now));
        }
        if (wanted.contains(Indicator.NOT_GOV_DOMAIN) && homepageUri != null) {
            verdicts.add(notGovDomain.judge(homepageUri));
        }
        // only a portal answers for the sites of its government's domain; other sites have nothing to judge here
        if (wanted.contains(Indicator.UNREGISTERED_SITE) && homepageUri != null && isPortal(site)) {
            UnregisteredSites.domainOf(homepageUri).ifPresent(domain ->
                    verdicts.add(unregisteredSites.judge(homepage, domain, registeredHostsUnder(domain))));
        }
        return transaction.execute(status -> {
            Map<Fetched, ProbeEvidence> recorded = new IdentityHashMap<>();
            recorded.put(homepage.fetched(), log.record(websiteId, Purpose.HOMEPAGE, homepage.fetched(), true));
            for (ColumnPage column : columns) {
                recorded.put(column.page().fetched(), log.record(websiteId, Purpose.COLUMN, column.page().fetched(), true));
            }
            List<Verdict> all = new ArrayList<>(verdicts);
            if (wanted.contains(Indicator.UNREACHABLE)) {
                all.add(0, reachabilityNow(websiteId, now));
            }
            List<CheckResult> results = new ArrayList<>();
            for (Verdict verdict : all) {
                List<ProbeEvidence> evidence = new ArrayList<>();
                for (Fetched fetched : verdict.evidence()) {
                    evidence.add(recorded.computeIfAbsent(fetched, f -> log.record(websiteId, Purpose.LINK, f, true)));
                }
                if (verdict.indicator() == Indicator.UNREACHABLE) {
                    evidence.addAll(log.latestFailedHomepageProbes(websiteId, now.minus(settings.thresholds().reachabilityWindow()), 5));
                }
                results.add(store(websiteId, verdict, now, evidence));
            }
            return results;
        });
    }

    /**
     * The scheduled homepage probe of a due time: one GET, its row, and the reachability of the
     * week judged again. No audit entry, no engine history. The schedule runs an execution at least
     * once (a node that dies before it reschedules leaves it to another), so a due time already
     * probed is not probed again, and a probe of the same due time written meanwhile by another
     * node makes this one write nothing.
     */
    public void probeHomepage(long websiteId, Instant due) {
        Website site = directory.website(websiteId).orElse(null);
        if (site == null || !site.watched() || log.probedFor(websiteId, due)) {
            return;
        }
        Fetched fetched = http.get(site.url());
        Instant now = clock.instant();
        try {
            transaction.executeWithoutResult(status -> {
                log.recordScheduled(websiteId, fetched, due);
                Verdict verdict = reachabilityNow(websiteId, now);
                store(websiteId, verdict, now, log.latestFailedHomepageProbes(websiteId,
                        now.minus(settings.thresholds().reachabilityWindow()), 5));
            });
        } catch (DuplicateKeyException probedMeanwhile) {
            // another node wrote this due time's probe first: it stays the one
        }
    }

    /** A check of the columns or their links judges them, unless the homepage got no answer and they were not read. */
    private static Verdict onColumns(Optional<DeadHomepage> dead, Indicator indicator, Supplier<Verdict> judge) {
        return dead.map(d -> d.notRead(indicator)).orElseGet(judge);
    }

    /** A portal is the site of a government's office (政府办公厅/室), as the inspections' levels have it. */
    private boolean isPortal(Website site) {
        return directory.findOrganization(site.orgCode()).map(owner -> owner.kind() == OrgKind.OFFICE).orElse(false);
    }

    private Set<String> registeredHostsUnder(String domain) {
        Set<String> hosts = new HashSet<>();
        for (String url : directory.websiteUrlsNaming(domain)) {
            try {
                String host = URI.create(url.strip()).getHost();
                if (host != null) {
                    hosts.add(UnregisteredSites.bare(host));
                }
            } catch (IllegalArgumentException notAnAddress) {
                // a registered address that names no host registers none
            }
        }
        return hosts;
    }

    private Verdict reachabilityNow(long websiteId, Instant now) {
        long[] counts = log.homepageProbesSince(websiteId, now.minus(settings.thresholds().reachabilityWindow()));
        return reachability.judge(counts[0], counts[1], List.of());
    }

    private CheckResult store(long websiteId, Verdict verdict, Instant now, List<ProbeEvidence> evidence) {
        log.saveResult(websiteId, verdict, now, evidence);
        CheckResult result = new CheckResult(websiteId, verdict.indicator(), verdict.status(), now, verdict.detail(), evidence);
        if (result.failed()) {
            events.publishEvent(new CheckFailed(result));
        }
        return result;
    }

    private static URI homepageUri(Website site) {
        try {
            return SafeHttpClient.parse(site.url());
        } catch (IllegalArgumentException unusable) {
            return null;
        }
    }
}
