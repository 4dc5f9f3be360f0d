package io.rectify.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.rectify.IntegrationTest;
import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.directory.Directory;
import io.rectify.monitoring.CheckResult;
import io.rectify.monitoring.CheckStatus;
import io.rectify.monitoring.Indicator;
import io.rectify.monitoring.LatestResults;
import io.rectify.monitoring.MonitoringSettings;
import io.rectify.monitoring.internal.check.Verdict;
import io.rectify.monitoring.internal.http.AddressPolicy;
import io.rectify.monitoring.internal.http.HostResolver;
import io.rectify.monitoring.internal.http.SafeHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily run of a site whose homepage gets no answer stops there: its columns, their links and
 * its certificate are not asked for (each would wait out its own timeout), and the checks that
 * need them are inconclusive, neither failed nor passed. A homepage that answers, even with 503,
 * still has its columns read. The monitor runs here with a client of 1 s timeouts, so that a
 * silent site costs the test seconds; what is asserted is the number of requests, not the time.
 */
class DeadSiteDailyRunTests extends IntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** name, path, kind: five columns the freshness rules read and one interaction column */
    private static final String[][] COLUMNS = {{"要闻动态", "news/", "NEWS"}, {"部门动态", "dept/", "NEWS"},
            {"图片新闻", "photo/", "NEWS"}, {"通知公告", "notice/", "NOTICE"}, {"政策文件", "policy/", "POLICY"},
            {"咨询投诉", "hd/", "INTERACTION"}};
    private static final List<Indicator> ON_COLUMNS = List.of(Indicator.COLUMNS_STALE, Indicator.BLANK_COLUMNS,
            Indicator.BROKEN_LINKS, Indicator.INTERACTION_UNANSWERED);

    @Autowired Directory directory;
    @Autowired ProbeLog probes;
    @Autowired MonitoringSettings settings;
    @Autowired Clock clock;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;
    @Autowired LatestResults latest;
    @Autowired JdbcTemplate jdbc;

    private final List<AutoCloseable> servers = new CopyOnWriteArrayList<>();
    private SafeHttpClient quick;

    @BeforeEach
    void quickClient() {
        quick = new SafeHttpClient(new MonitoringSettings.Http(TIMEOUT, TIMEOUT, TIMEOUT.multipliedBy(3), 2 * 1024 * 1024, 5, 4,
                "Rectify-Monitor/test"), new AddressPolicy(true), HostResolver.SYSTEM, clock);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable server : servers) {
            server.close();
        }
        quick.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "https"})
    void aHomepageThatNeverAnswersEndsTheDailyRunAfterOneConnectionAndLeavesTheColumnChecksInconclusive(String scheme)
            throws IOException {
        AtomicInteger connections = new AtomicInteger();
        int port = silentServer(connections);
        long site = site(scheme + "://127.0.0.1:" + port + "/");
        Instant yesterday = clock.instant().minus(Duration.ofDays(1));
        new TransactionTemplate(transactions).executeWithoutResult(tx -> probes.saveResult(site, Verdict.fail(Indicator.COLUMNS_STALE,
                "栏目：5 个栏目不更新，5 个即否决", null, List.of()), yesterday, List.of()));

        List<CheckResult> results = monitor().runNow(site, Monitor.DAILY);

        assertThat(connections).as("the homepage's connection only: no column, link or certificate asked for").hasValue(1);
        assertThat(jdbc.queryForList("select purpose from probe where website_id = ?", String.class, site))
                .as("the run's requests as stored").containsExactly("HOMEPAGE");
        assertThat(results).as("nothing failed or passed on pages not read").noneMatch(CheckResult::failed);
        for (Indicator indicator : ON_COLUMNS) {
            CheckResult result = of(results, indicator);
            assertThat(result.status()).as(indicator.name()).isEqualTo(CheckStatus.INCONCLUSIVE);
            assertThat(result.detail()).as(indicator.name()).contains("首页无响应", "本次未读取 6 个栏目", "要闻动态", "咨询投诉");
        }
        assertThat(of(results, Indicator.TLS).status()).isEqualTo(scheme.equals("https") ? CheckStatus.INCONCLUSIVE : CheckStatus.PASS);

        // the stored result is this run's: yesterday's failure is neither kept nor confirmed, and its evidence is the homepage's request
        CheckResult stored = of(latest.latest(site), Indicator.COLUMNS_STALE);
        assertThat(stored.status()).isEqualTo(CheckStatus.INCONCLUSIVE);
        assertThat(stored.checkedAt()).isAfter(yesterday);
        assertThat(stored.evidence()).singleElement().satisfies(probe -> {
            assertThat(probe.url()).isEqualTo(scheme + "://127.0.0.1:" + port + "/");
            assertThat(probe.status()).isNull();
        });
    }

    @Test
    void aHomepageAnswering503IsAServerThatIsThereAndItsColumnsAreStillRead() throws IOException {
        LocalDate longAgo = LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.ZONE).minusDays(300);
        Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", exchange -> {
            asked.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger()).incrementAndGet();
            boolean homepage = exchange.getRequestURI().getPath().equals("/");
            byte[] page = (homepage ? "<p>服务暂不可用</p>" : "<ul><li>关于做好冬季安全生产工作的通知 " + longAgo + "</li></ul>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(homepage ? 503 : 200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        server.start();
        servers.add(() -> server.stop(0));
        long site = site("http://127.0.0.1:" + server.getAddress().getPort() + "/");

        List<CheckResult> results = monitor().runNow(site, Monitor.DAILY);

        for (String[] column : COLUMNS) {
            assertThat(asked.get("/" + column[1])).as(column[0]).hasValue(1);
        }
        CheckResult stale = of(results, Indicator.COLUMNS_STALE);
        assertThat(stale.status()).as(stale.detail()).isEqualTo(CheckStatus.FAIL);
        assertThat(stale.detail()).doesNotContain("本次未读取");
    }

    /** The daily run's monitor, with the application's collaborators and a client that gives up after a second. */
    private Monitor monitor() {
        return new Monitor(directory, quick, probes, settings, clock, events, transactions);
    }

    /** A server that takes every connection and never says a word: a site that hangs. Counts the connections. */
    private int silentServer(AtomicInteger connections) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        List<Socket> held = new CopyOnWriteArrayList<>();
        servers.add(() -> {
            server.close();
            for (Socket socket : held) {
                socket.close();
            }
        });
        Thread accepting = new Thread(() -> {
            try {
                while (true) {
                    held.add(server.accept());
                    connections.incrementAndGet();
                }
            } catch (IOException closed) {
                // the test is over
            }
        }, "silent-site");
        accepting.setDaemon(true);
        accepting.start();
        return server.getLocalPort();
    }

    /** A site of a demo department with its six watched columns on the same host. */
    private long site(String url) {
        String org = jdbc.queryForObject("select org_code from website where url like ?", String.class, "%/demo-sites/jxedu/");
        jdbc.update("insert into website (url, name, org_code) values (?, ?, ?)", url, "测试网站", org);
        long id = jdbc.queryForObject("select id from website where url = ?", Long.class, url);
        for (int i = 0; i < COLUMNS.length; i++) {
            jdbc.update("insert into website_column (website_id, position, name, url, kind) values (?, ?, ?, ?, ?)",
                    id, i, COLUMNS[i][0], url + COLUMNS[i][1], COLUMNS[i][2]);
        }
        return id;
    }

    private static CheckResult of(List<CheckResult> results, Indicator indicator) {
        return results.stream().filter(r -> r.indicator() == indicator).findFirst()
                .orElseThrow(() -> new AssertionError(indicator + " not in " + results));
    }
}
