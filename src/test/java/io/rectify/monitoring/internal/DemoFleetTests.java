package io.rectify.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.time.Instant;
import java.time.ZoneOffset;

import io.rectify.directory.ColumnKind;
import io.rectify.directory.WatchedColumn;
import io.rectify.monitoring.CheckStatus;
import io.rectify.monitoring.MonitoringSettings;
import io.rectify.monitoring.internal.check.ColumnPage;
import io.rectify.monitoring.internal.check.Page;
import io.rectify.monitoring.internal.check.UnansweredMessages;
import io.rectify.monitoring.internal.check.Verdict;
import io.rectify.monitoring.internal.http.Fetched;
import org.junit.jupiter.api.Test;

/** The demo pages carry what their site is meant to show. */
class DemoFleetTests {

    DemoFleet fleet = new DemoFleet(null, null, Clock.fixed(Instant.parse("2026-12-05T02:00:00Z"), ZoneOffset.UTC));

    @Test
    void oneDemoSiteLeavesAMessageUnansweredForMonthsAndTheOthersAnswerInTime() {
        UnansweredMessages check = new UnansweredMessages(new MonitoringSettings.Thresholds(Duration.ofDays(7), 5, 20, 14, 14,
                183, 5, 5, 30, 1, 14, 90));
        LocalDate today = LocalDate.of(2026, 12, 5);
        for (DemoFleet.DemoSite site : DemoFleet.SITES) {
            URI url = URI.create("http://127.0.0.1:8080/demo-sites/" + site.name() + "/c/6/");
            Page page = Page.of(new Fetched(url, url, 200, "", fleet.column(site, 6).orElseThrow().getBytes(StandardCharsets.UTF_8),
                    false, StandardCharsets.UTF_8, Instant.now(), 1, null, false));
            Verdict verdict = check.judge(List.of(new ColumnPage(new WatchedColumn("咨询投诉", url.toString(), ColumnKind.INTERACTION),
                    page)), today);
            assertThat(verdict.status()).as(site.name() + ": " + verdict.detail())
                    .isEqualTo(site.name().equals("ncedu") ? CheckStatus.FAIL : CheckStatus.PASS);
            assertThat(verdict.detail()).as(site.name()).contains("读取 8 条留言");
            assertThat(verdict.veto().measure()).isEqualByComparingTo(Integer.toString(site.unansweredDays()));
        }
    }

    @Test
    void theUnkeptSiteLinksToPagesThatAreMissing() {
        DemoFleet.DemoSite site = fleet.site("jxhealth").orElseThrow();
        URI base = URI.create("http://127.0.0.1:8080/demo-sites/jxhealth/");
        Page page = Page.of(new Fetched(base, base, 200, "", fleet.homepage(site).getBytes(StandardCharsets.UTF_8), false,
                StandardCharsets.UTF_8, Instant.now(), 1, null, false));
        assertThat(page.sameSiteLinks()).contains("http://127.0.0.1:8080/demo-sites/jxhealth/c/1/0.html",
                "http://127.0.0.1:8080/demo-sites/jxhealth/c/9/");
        assertThat(fleet.article(site, 1, 0)).isEmpty();
        assertThat(fleet.column(site, 9)).isEmpty();
    }
}
