package io.rectify.monitoring.web;

import org.springframework.security.access.prepost.PreAuthorize;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.kernel.NotFoundException;
import io.rectify.monitoring.CheckResult;
import io.rectify.monitoring.internal.Monitor;
import io.rectify.monitoring.internal.ProbeLog.StoredResult;
import io.rectify.monitoring.internal.SiteHealth;
import io.rectify.system.web.CurrentActor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** API.md "Websites and monitoring": the sites of a jurisdiction with their health, and their checks. */
@RestController
@RequestMapping("/api/websites")
class WebsitesApi {


    private final SiteHealth health;
    private final Monitor monitor;
    private final CurrentActor currentActor;

    WebsitesApi(SiteHealth health, Monitor monitor, CurrentActor currentActor) {
        this.health = health;
        this.monitor = monitor;
        this.currentActor = currentActor;
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR', 'RESPONDER', 'ADMIN')")
    @GetMapping
    List<SiteView> websites(@RequestParam(required = false) String orgCode) {
        return health.sites(currentActor.get(), orgCode).stream()
                .map(row -> new SiteView(row.website().id(), row.website().siteCode(), row.website().name(), row.website().url(),
                        row.website().orgCode(), row.website().state().name(), row.health().name(), row.website().active()))
                .toList();
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR', 'RESPONDER', 'ADMIN')")
    @GetMapping("/{id}/checks")
    List<CheckView> checks(@PathVariable String id) {
        health.requireReader(currentActor.get());
        long websiteId = id(id);
        health.visible(currentActor.get(), websiteId);
        return health.results(websiteId).stream().map(CheckView::of).toList();
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR', 'RESPONDER', 'ADMIN')")
    @PostMapping("/{id}/checks/run")
    List<CheckView> run(@PathVariable String id) {
        health.requireReader(currentActor.get());
        long websiteId = id(id);
        health.runnable(currentActor.get(), websiteId);
        List<CheckResult> ran = monitor.runNow(websiteId);
        Map<io.rectify.monitoring.Indicator, StoredResult> stored = new java.util.EnumMap<>(io.rectify.monitoring.Indicator.class);
        health.results(websiteId).forEach(r -> stored.put(r.indicator(), r));
        return ran.stream().map(r -> stored.containsKey(r.indicator()) ? CheckView.of(stored.get(r.indicator()))
                : new CheckView(r.indicator().name(), r.status().name(), time(r.checkedAt()), r.detail(), null)).toList();
    }

    static long id(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException notAnId) {
            throw new NotFoundException("website " + id);
        }
    }

    static OffsetDateTime time(Instant instant) {
        return instant.atZone(WorkingDayCalendar.ZONE).toOffsetDateTime();
    }

    record SiteView(long id, String siteCode, String name, String url, String orgCode, String state, String health, boolean active) {
    }

    record Veto(BigDecimal measure, BigDecimal limit, String unit) {
    }

    record CheckView(String indicator, String status, OffsetDateTime checkedAt, String detail, Veto veto) {
        static CheckView of(StoredResult r) {
            return new CheckView(r.indicator().name(), r.status().name(), time(r.checkedAt()), r.detail(),
                    r.measure() == null ? null : new Veto(r.measure().stripTrailingZeros(), r.limit().stripTrailingZeros(), r.unit()));
        }
    }
}
