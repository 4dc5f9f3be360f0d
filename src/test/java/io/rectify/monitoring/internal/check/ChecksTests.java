package io.rectify.monitoring.internal.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.rectify.directory.ColumnKind;
import io.rectify.directory.WatchedColumn;
import io.rectify.monitoring.CheckStatus;
import io.rectify.monitoring.MonitoringSettings;
import io.rectify.monitoring.internal.http.Fetched;
import io.rectify.monitoring.internal.http.SafeHttpClient.CertificateSeen;
import org.junit.jupiter.api.Test;

/** Each check at the edges of its veto line, on real-looking pages. */
class ChecksTests {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    static final MonitoringSettings.Thresholds DEFAULTS = new MonitoringSettings.Thresholds(Duration.ofDays(7), 5, 20, 14, 14,
            183, 5, 5, 30, 1, 14);

    @Test
    void reachabilityFailsAtFivePercentNotBelow() {
        Reachability check = new Reachability(DEFAULTS);
        Verdict below = check.judge(10_000, 499, List.of());
        assertThat(below.status()).isEqualTo(CheckStatus.PASS);
        assertThat(below.detail()).contains("4.99% failed of the allowed 5%");
        assertThat(below.veto().measure()).isEqualByComparingTo("4.99");
        Verdict at = check.judge(10_000, 500, List.of());
        assertThat(at.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(at.veto().limit()).isEqualByComparingTo("5");
        assertThat(at.veto().unit()).isEqualTo("%");
        assertThat(check.judge(19, 19, List.of()).status()).isEqualTo(CheckStatus.INCONCLUSIVE);
    }

    @Test
    void theHomepageFailsOnItsFourteenthDayWithoutAnItem() {
        HomepageFreshness check = new HomepageFreshness(DEFAULTS);
        Verdict thirteen = check.judge(page(homepage(TODAY.minusDays(13))), TODAY, Optional.empty());
        assertThat(thirteen.status()).isEqualTo(CheckStatus.PASS);
        assertThat(thirteen.detail()).contains("13 of 14 days");
        Verdict fourteen = check.judge(page(homepage(TODAY.minusDays(14))), TODAY, Optional.empty());
        assertThat(fourteen.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(fourteen.veto().measure()).isEqualByComparingTo("14");
    }

    @Test
    void aHomepageThatDatesNothingIsJudgedByWhenItsListLastChanged() {
        HomepageFreshness check = new HomepageFreshness(DEFAULTS);
        Page undated = page("<ul><li><a href='/a'>关于开展政府网站自查工作的通知要求</a></li></ul>");
        assertThat(check.judge(undated, TODAY, Optional.empty()).status()).isEqualTo(CheckStatus.INCONCLUSIVE);
        assertThat(check.judge(undated, TODAY, Optional.of(TODAY.minusDays(13))).status()).isEqualTo(CheckStatus.PASS);
        assertThat(check.judge(undated, TODAY, Optional.of(TODAY.minusDays(14))).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(check.judge(page(null), TODAY, Optional.empty()).status()).isEqualTo(CheckStatus.INCONCLUSIVE);
    }

    @Test
    void fiveStaleColumnsFailFourDoNot() {
        ColumnFreshness check = new ColumnFreshness(DEFAULTS);
        List<ColumnPage> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            four.add(column("动态" + i, ColumnKind.NEWS, TODAY.minusDays(14)));
        }
        four.add(column("通知公告", ColumnKind.NOTICE, TODAY.minusDays(100)));
        four.add(column("政策文件", ColumnKind.POLICY, TODAY.minusDays(182)));
        Verdict fourStale = check.judge(four, TODAY);
        assertThat(fourStale.status()).isEqualTo(CheckStatus.PASS);
        assertThat(fourStale.detail()).contains("4 of the allowed 5 stale");
        four.add(column("规划计划", ColumnKind.POLICY, TODAY.minusDays(183)));
        Verdict fiveStale = check.judge(four, TODAY);
        assertThat(fiveStale.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(fiveStale.evidence()).hasSize(5);
    }

    @Test
    void fiveBlankColumnsFail() {
        BlankColumns check = new BlankColumns(DEFAULTS);
        List<ColumnPage> columns = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            columns.add(new ColumnPage(new WatchedColumn("空" + i, "http://x.gov.cn/" + i, ColumnKind.OTHER),
                    page("<h2>栏目</h2><p>暂无信息</p>")));
        }
        columns.add(column("动态", ColumnKind.NEWS, TODAY));
        assertThat(check.judge(columns, TODAY).status()).isEqualTo(CheckStatus.PASS);
        columns.add(new ColumnPage(new WatchedColumn("空4", "http://x.gov.cn/4", ColumnKind.OTHER), page("<p></p>")));
        Verdict five = check.judge(columns, TODAY);
        assertThat(five.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(five.detail()).contains("5 of the allowed 5");
    }

    @Test
    void theIdentityMarksAreFoundInARealFooterAndTheMissingOnesNamed() {
        IdentityMarks check = new IdentityMarks();
        String footer = """
                <div class="footer"><p>主办：江西省教育厅 网站标识码：3600000001</p>
                <p><a href="https://beian.miit.gov.cn">赣ICP备05001234号</a>
                <img src="/images/ga.png"><a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=36010202000123">赣公网安备 36010202000123号</a></p>
                <span id="_ideConac"><a href="https://bszs.conac.cn/sitename?method=show&id=1"><img src="/images/dzjg.png"></a></span>
                <a href="https://zfwzzc.www.gov.cn/check_web/errorInfo/jcInfoNew?sitecode=3600000001"><img src="/images/jiucuo.png"></a></div>""";
        assertThat(check.judge(page(footer), "3600000001").status()).isEqualTo(CheckStatus.PASS);
        Verdict bare = check.judge(page("<p>主办：江西省教育厅 赣ICP备05001234号</p>"), "3600000001");
        assertThat(bare.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(bare.detail()).contains("网站标识码", "公安机关备案号", "党政机关网站标识", "我为政府网站找错").doesNotContain("ICP备案号");
    }

    @Test
    void theCertificateFailsExpiredOrWithinFourteenDaysOrForAnotherHost() {
        Tls check = new Tls(DEFAULTS);
        Instant now = Instant.parse("2026-12-05T02:00:00Z");
        URI site = URI.create("https://www.jxedu.gov.cn/");
        assertThat(check.judge(site, new CertificateSeen(now.plus(Duration.ofDays(15)), "CN=x", null, null, null), now).status())
                .isEqualTo(CheckStatus.PASS);
        assertThat(check.judge(site, new CertificateSeen(now.plus(Duration.ofDays(14)), "CN=x", null, null, null), now).status())
                .isEqualTo(CheckStatus.FAIL);
        assertThat(check.judge(site, new CertificateSeen(now.minus(Duration.ofDays(1)), "CN=x", null, null, null), now).detail())
                .contains("expired");
        assertThat(check.judge(site, new CertificateSeen(now.plus(Duration.ofDays(90)), "CN=x", null,
                "the certificate does not name www.jxedu.gov.cn", null), now).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(check.judge(site, CertificateSeenFailed.of("TLS failed: handshake"), now).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(check.judge(URI.create("http://www.jxedu.gov.cn/"), null, now).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void aSiteOutsideGovCnFails() {
        NotGovDomain check = new NotGovDomain();
        assertThat(check.judge(URI.create("https://www.jxedu.gov.cn/")).status()).isEqualTo(CheckStatus.PASS);
        assertThat(check.judge(URI.create("https://jxedu.com.cn/")).status()).isEqualTo(CheckStatus.FAIL);
        assertThat(check.judge(URI.create("http://127.0.0.1:8080/demo-sites/x/")).status()).isEqualTo(CheckStatus.INCONCLUSIVE);
    }

    static final class CertificateSeenFailed {
        static CertificateSeen of(String error) {
            return new CertificateSeen(null, null, null, null, error);
        }
    }

    static String homepage(LocalDate newest) {
        StringBuilder items = new StringBuilder("<ul class=\"news\">");
        for (int i = 0; i < 5; i++) {
            LocalDate day = newest.minusDays(i * 4L);
            items.append("<li><a href=\"/art/").append(i).append(".html\">全省政府网站第").append(i + 1)
                    .append("季度检查情况通报</a><span>").append(day.getYear()).append("年").append(day.getMonthValue())
                    .append("月").append(day.getDayOfMonth()).append("日</span></li>");
        }
        return items.append("</ul><div class=\"footer\">Copyright 2019-2026 电话：0791-86765432</div>").toString();
    }

    static ColumnPage column(String name, ColumnKind kind, LocalDate newest) {
        return new ColumnPage(new WatchedColumn(name, "http://x.gov.cn/" + name, kind), page(homepage(newest)));
    }

    static Page page(String html) {
        URI url = URI.create("http://www.example.gov.cn/");
        if (html == null) {
            return Page.of(new Fetched(url, url, null, "", new byte[0], false, StandardCharsets.UTF_8, Instant.now(), 15000,
                    "timed out"));
        }
        return Page.of(new Fetched(url, url, 200, "Content-Type: text/html\n", html.getBytes(StandardCharsets.UTF_8), false,
                StandardCharsets.UTF_8, Instant.now(), 120, null));
    }
}
