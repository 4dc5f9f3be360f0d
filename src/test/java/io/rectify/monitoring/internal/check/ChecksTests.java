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
import java.util.Set;

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
            183, 5, 5, 30, 1, 14, 90);

    @Test
    void reachabilityFailsAtFivePercentNotBelow() {
        Reachability check = new Reachability(DEFAULTS);
        Verdict below = check.judge(10_000, 499, List.of());
        assertThat(below.status()).isEqualTo(CheckStatus.PASS);
        assertThat(below.detail()).contains("失败率 4.99%，5% 即否决");
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
        assertThat(thirteen.detail()).contains("已 13 天未更新，14 天即否决");
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
        assertThat(fourStale.detail()).contains("4 个栏目不更新，5 个即否决");
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
        assertThat(five.detail()).contains("空白栏目：5 个，5 个即否决");
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
                .contains("过期");
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

    @Test
    void aPortalLinkingToAnUnregisteredSiteOfItsOwnDomainFailsAndNamesIt() {
        String footer = """
                <div class="links"><a href="https://www.gov.cn/">中国政府网</a>
                <a href="http://www.beijing.gov.cn/">北京市人民政府</a>
                <a href="http://jyt.example.gov.cn/">省教育厅</a>
                <a href="https://WWW.wsjkw.example.gov.cn/index.html">省卫健委</a>
                <a href="http://www.example.gov.cn/zwgk/">政务公开</a>
                <a href="/xxgk/">信息公开</a>
                <a href="javascript:void(0)">收藏</a>
                <a href="http://lottery.example.gov.cn/draw.html">彩票开奖</a></div>""";
        UnregisteredSites check = new UnregisteredSites();
        String domain = UnregisteredSites.domainOf(URI.create("http://www.example.gov.cn/")).orElseThrow();
        assertThat(domain).isEqualTo("example.gov.cn");

        Verdict oneMissing = check.judge(page(footer), domain, Set.of("jyt.example.gov.cn", "wsjkw.example.gov.cn", "example.gov.cn"));
        assertThat(oneMissing.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(oneMissing.detail()).contains("lottery.example.gov.cn").contains("draw.html")
                .doesNotContain("beijing").doesNotContain("jyt.");
        assertThat(oneMissing.veto().measure()).isEqualByComparingTo("1");
        assertThat(oneMissing.veto().limit()).isEqualByComparingTo("1");
        assertThat(oneMissing.evidence()).hasSize(1);

        Verdict allRegistered = check.judge(page(footer), domain,
                Set.of("jyt.example.gov.cn", "wsjkw.example.gov.cn", "lottery.example.gov.cn"));
        assertThat(allRegistered.status()).isEqualTo(CheckStatus.PASS);
        assertThat(allRegistered.veto().measure()).isEqualByComparingTo("0");

        assertThat(check.judge(page(null), domain, Set.of()).status()).isEqualTo(CheckStatus.INCONCLUSIVE);
        assertThat(UnregisteredSites.domainOf(URI.create("http://127.0.0.1:8080/demo-sites/jxgov/"))).isEmpty();
        assertThat(UnregisteredSites.domainOf(URI.create("https://www.example.com/"))).isEmpty();
    }

    @Test
    void aMessageUnansweredForMoreThanNinetyDaysFailsOnNinetyItDoesNot() {
        UnansweredMessages check = new UnansweredMessages(DEFAULTS);
        Verdict ninetyOne = check.judge(List.of(interaction(messageTable(TODAY.minusDays(91)))), TODAY);
        assertThat(ninetyOne.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(ninetyOne.veto().measure()).isEqualByComparingTo("91");
        assertThat(ninetyOne.veto().limit()).isEqualByComparingTo("90");
        assertThat(ninetyOne.detail()).contains("咨询投诉 1 条", "于 " + TODAY.minusDays(91) + " 提出", "共读取 4 条留言");
        assertThat(ninetyOne.evidence()).hasSize(1);
        Verdict ninety = check.judge(List.of(interaction(messageTable(TODAY.minusDays(90)))), TODAY);
        assertThat(ninety.status()).isEqualTo(CheckStatus.PASS);
        assertThat(ninety.veto().measure()).isEqualByComparingTo("90");
        assertThat(ninety.detail()).contains("读取 4 条留言，1 条未回复，无超过 90 天的");
        assertThat(check.judge(List.of(interaction(messageTable(TODAY.minusDays(89)))), TODAY).status()).isEqualTo(CheckStatus.PASS);
    }

    @Test
    void oldMessagesAllAnsweredPassAndColumnsOfOtherKindsAreNotRead() {
        UnansweredMessages check = new UnansweredMessages(DEFAULTS);
        String answered = messageTable(TODAY.minusDays(3)).replace("待回复", "已回复");
        Verdict pass = check.judge(List.of(interaction(answered),
                new ColumnPage(new WatchedColumn("工作动态", "http://x.gov.cn/news", ColumnKind.NEWS),
                        page("<table><tr><th>留言时间</th><th>状态</th></tr><tr><td>2026-01-02</td><td>未回复</td></tr></table>"))), TODAY);
        assertThat(pass.status()).isEqualTo(CheckStatus.PASS);
        assertThat(pass.detail()).contains("读取 4 条留言，0 条未回复");
        assertThat(pass.veto().measure()).isEqualByComparingTo("0");
    }

    @Test
    void labelledListItemsAreReadWithTheirStateOrTheirEmptyReplyDate() {
        String list = """
                <div class="hdjl-list"><h2>网民留言</h2><ul>
                <li><a href="/hd/1.html">关于学位房划片的咨询</a><p>留言时间：2026-11-20</p><p>办理状态：<span class="ok">已答复</span></p></li>
                <li><a href="/hd/2.html">学校食堂收费问题</a><p>提问时间：2026年8月1日</p><p>状态：<em>处理中</em></p></li>
                <li><a href="/hd/3.html">关于教师招聘的疑问</a><p>留言时间：2026-07-30 09:15</p><p>回复时间：</p></li>
                <li><a href="/hd/4.html">校车安全</a><p>留言时间：2026-06-01</p><p>回复时间：2026-06-05</p></li>
                </ul><div class="page">共 4 条 第 1/1 页</div></div>""";
        List<InteractionMessages.Message> messages = InteractionMessages.on(page(list), TODAY);
        assertThat(messages).extracting(InteractionMessages.Message::asked).containsExactly(LocalDate.of(2026, 11, 20),
                LocalDate.of(2026, 8, 1), LocalDate.of(2026, 7, 30), LocalDate.of(2026, 6, 1));
        assertThat(messages).extracting(InteractionMessages.Message::answer).containsExactly(InteractionMessages.Answer.ANSWERED,
                InteractionMessages.Answer.UNANSWERED, InteractionMessages.Answer.UNANSWERED, InteractionMessages.Answer.ANSWERED);
        assertThat(messages.get(3).replied()).contains(LocalDate.of(2026, 6, 5));

        Verdict verdict = new UnansweredMessages(DEFAULTS).judge(List.of(interaction(list)), TODAY);
        assertThat(verdict.status()).isEqualTo(CheckStatus.FAIL);
        assertThat(verdict.detail()).contains("咨询投诉 2 条", "最早的于 2026-07-30 提出，已 128 天");
    }

    @Test
    void noReadableMessageIsInconclusiveWithTheReason() {
        UnansweredMessages check = new UnansweredMessages(DEFAULTS);
        Verdict empty = check.judge(List.of(interaction("<h2>咨询投诉</h2><p>暂无留言</p>")), TODAY);
        assertThat(empty.status()).isEqualTo(CheckStatus.INCONCLUSIVE);
        assertThat(empty.detail()).contains("读不到带日期和回复状态的留言", "咨询投诉（没有带日期和办理状态的留言）");
        assertThat(empty.evidence()).hasSize(1);
        // dated but with no state, no reply date: whether they were answered cannot be told
        Verdict stateless = check.judge(List.of(interaction("<ul><li>留言时间：2026-01-02 关于招生的咨询</li></ul>")), TODAY);
        assertThat(stateless.status()).isEqualTo(CheckStatus.INCONCLUSIVE);
        Verdict down = check.judge(List.of(new ColumnPage(new WatchedColumn("咨询投诉", "http://x.gov.cn/hd", ColumnKind.INTERACTION),
                page(null))), TODAY);
        assertThat(down.status()).isEqualTo(CheckStatus.INCONCLUSIVE);
        assertThat(down.detail()).contains("咨询投诉（");
        assertThat(UnansweredMessages.watches(List.of(column("动态", ColumnKind.NEWS, TODAY).column()))).isFalse();
    }

    /** A message board as a table: a header row, then four messages, the last one unanswered since {@code oldest}. */
    static String messageTable(LocalDate oldest) {
        return """
                <table class="hdjl"><thead><tr><th>序号</th><th>留言标题</th><th>留言时间</th><th>状态</th><th>回复时间</th></tr></thead>
                <tbody>
                <tr><td>1</td><td><a href="/hd/1.html">关于高考加分政策的咨询</a></td><td>%s</td><td>已回复</td><td>%s</td></tr>
                <tr><td>2</td><td><a href="/hd/2.html">某小学课后服务收费</a></td><td>%s</td><td>已办结</td><td>%s</td></tr>
                <tr><td>3</td><td><a href="/hd/3.html">2025年教师资格认定时间</a></td><td>%s</td><td>已回复</td><td>%s</td></tr>
                <tr><td>4</td><td><a href="/hd/4.html">学区划分是否调整</a></td><td>%s</td><td>待回复</td><td></td></tr>
                </tbody></table>""".formatted(TODAY.minusDays(2), TODAY.minusDays(1), TODAY.minusDays(30), TODAY.minusDays(25),
                TODAY.minusDays(200), TODAY.minusDays(190), oldest);
    }

    static ColumnPage interaction(String html) {
        return new ColumnPage(new WatchedColumn("咨询投诉", "http://x.gov.cn/hdjl/", ColumnKind.INTERACTION), page(html));
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
                    "timed out", true));
        }
        return Page.of(new Fetched(url, url, 200, "Content-Type: text/html\n", html.getBytes(StandardCharsets.UTF_8), false,
                StandardCharsets.UTF_8, Instant.now(), 120, null, false));
    }
}
