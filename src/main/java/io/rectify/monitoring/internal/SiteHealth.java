package io.rectify.monitoring.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.rectify.directory.Actor;
import io.rectify.directory.Directory;
import io.rectify.directory.Organization;
import io.rectify.directory.Role;
import io.rectify.directory.Website;
import io.rectify.kernel.NotFoundException;
import io.rectify.monitoring.CheckStatus;
import io.rectify.monitoring.Indicator;
import io.rectify.monitoring.internal.ProbeLog.StoredResult;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Which sites a user sees (a supervisor: the bodies of the region and below; a department: its
 * own; the system administrator: all) and how each is doing: FAILING when a check fails, WARNING
 * when one is within a fifth of its veto line, could not be judged, or nothing was checked yet, OK
 * otherwise.
 */
@Service
public class SiteHealth {

    public enum Health {
        OK, WARNING, FAILING
    }

    /** the share of the veto line past which a site is warned */
    static final BigDecimal WARN_AT = new BigDecimal("0.8");

    private final Directory directory;
    private final ProbeLog log;

    SiteHealth(Directory directory, ProbeLog log) {
        this.directory = directory;
        this.log = log;
    }

    public record SiteRow(Website website, Health health, List<StoredResult> results) {
    }

    /** The sites of the caller's jurisdiction, of one body if {@code orgCode} is given. */
    public List<SiteRow> sites(Actor actor, String orgCode) {
        Set<String> bodies = bodiesOf(actor);
        Collection<String> wanted = orgCode == null || orgCode.isBlank() ? bodies
                : bodies.contains(orgCode.strip()) ? List.of(orgCode.strip()) : List.of();
        List<Website> sites = directory.websitesOf(wanted);
        Map<Long, List<StoredResult>> results = new LinkedHashMap<>();
        log.resultsOf(sites.stream().map(Website::id).toList())
                .forEach(r -> results.computeIfAbsent(r.websiteId(), k -> new ArrayList<>()).add(r));
        return sites.stream().map(site -> {
            List<StoredResult> of = results.getOrDefault(site.id(), List.of());
            return new SiteRow(site, health(of), of);
        }).toList();
    }

    /** Refuses (403) a role that sees no site's health at all, before anything about a site is looked up. */
    public void requireReader(Actor actor) {
        bodiesOf(actor);
    }

    /** One site the caller may see, or 404. */
    public Website visible(Actor actor, long websiteId) {
        Website site = directory.website(websiteId).orElseThrow(() -> new NotFoundException("website " + websiteId));
        if (!bodiesOf(actor).contains(site.orgCode())) {
            throw new NotFoundException("website " + websiteId);
        }
        return site;
    }

    /** A site whose checks the caller may run now: a supervisor of its jurisdiction, or the administrator. */
    public Website runnable(Actor actor, long websiteId) {
        Website site = visible(actor, websiteId);
        if (actor.role() != Role.SUPERVISOR && actor.role() != Role.ADMIN) {
            throw new AccessDeniedException("only a supervisor of the site's jurisdiction runs its checks");
        }
        return site;
    }

    public List<StoredResult> results(long websiteId) {
        return log.results(websiteId);
    }

    static Health health(List<StoredResult> results) {
        if (results.isEmpty()) {
            return Health.WARNING;
        }
        boolean warn = false;
        for (StoredResult r : results) {
            if (r.status() == CheckStatus.FAIL) {
                return Health.FAILING;
            }
            if (r.status() == CheckStatus.INCONCLUSIVE && r.indicator() != Indicator.NOT_GOV_DOMAIN) {
                warn = true;
            }
            if (r.status() == CheckStatus.PASS && r.measure() != null && r.limit() != null && r.indicator() != Indicator.TLS
                    && r.limit().signum() > 0 && r.measure().compareTo(r.limit().multiply(WARN_AT)) >= 0) {
                warn = true;
            }
        }
        return warn ? Health.WARNING : Health.OK;
    }

    private Set<String> bodiesOf(Actor actor) {
        if (actor == null) {
            return Set.of();
        }
        return switch (actor.role()) {
            case ADMIN -> codes(directory.organizations());
            case SUPERVISOR -> {
                Set<String> regions = directory.regionAndBelow(actor.regionCode());
                Set<String> codes = new HashSet<>();
                directory.organizations().stream().filter(o -> regions.contains(o.regionCode())).forEach(o -> codes.add(o.code()));
                yield codes;
            }
            case RESPONDER -> actor.orgCode() == null ? Set.of() : Set.of(actor.orgCode());
            default -> throw new AccessDeniedException("the websites' health is for supervisors, departments and the administrator");
        };
    }

    private static Set<String> codes(List<Organization> organizations) {
        Set<String> codes = new HashSet<>();
        organizations.forEach(o -> codes.add(o.code()));
        return codes;
    }
}
