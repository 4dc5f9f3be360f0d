package io.rectify.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.rectify.monitoring.internal.check.Page;
import io.rectify.monitoring.internal.http.Fetched;
import org.junit.jupiter.api.Test;

/** The demo pages carry what their site is meant to show. */
class DemoFleetTests {

    DemoFleet fleet = new DemoFleet(null, null, Clock.fixed(Instant.parse("2026-12-05T02:00:00Z"), ZoneOffset.UTC));

    @Test
    void theUnkeptSiteLinksToPagesThatAreMissing() {
        DemoFleet.DemoSite site = fleet.site("jxhealth").orElseThrow();
        URI base = URI.create("http://127.0.0.1:8080/demo-sites/jxhealth/");
        Page page = Page.of(new Fetched(base, base, 200, "", fleet.homepage(site).getBytes(StandardCharsets.UTF_8), false,
                StandardCharsets.UTF_8, Instant.now(), 1, null));
        assertThat(page.sameSiteLinks()).contains("http://127.0.0.1:8080/demo-sites/jxhealth/c/1/0.html",
                "http://127.0.0.1:8080/demo-sites/jxhealth/c/9/");
        assertThat(fleet.article(site, 1, 0)).isEmpty();
        assertThat(fleet.column(site, 9)).isEmpty();
    }
}
