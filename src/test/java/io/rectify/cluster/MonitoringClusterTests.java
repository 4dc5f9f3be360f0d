package io.rectify.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.sun.net.httpserver.HttpServer;
import io.rectify.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two nodes probe a handful of sites from one PostgreSQL database (db-scheduler's table); one is
 * killed with SIGKILL while it holds probes; the other revives them once the dead node's heartbeat
 * is old, for the due times they had. Every due time of every site ends with exactly one probe row,
 * and no site was asked for its homepage more often than the probes stored say, but for the
 * requests the dead node made and could not store. The sites are served inside this test, each on
 * an address of its own in 127.0.0.0/8: only loopback is contacted. Runs in the JVM of the tests
 * that start applications of their own (see the pom).
 */
@Tag(TestDatabase.POSTGRES_ONLY)
class MonitoringClusterTests {

    static final int SITES = 6;
    /** each answer takes this long, so that a node holds probes when it is killed */
    static final Duration ANSWER_AFTER = Duration.ofMillis(1500);
    static final Duration HOMEPAGE_EVERY = Duration.ofSeconds(4);
    /** a node is dead when its heartbeat is this many beats old */
    static final Duration HEARTBEAT = Duration.ofSeconds(1);
    /** the library's least */
    static final int MISSED_HEARTBEATS = 4;

    final Path runDirectory = Path.of("target", "cluster", "monitoring-" + UUID.randomUUID().toString().substring(0, 8));
    final List<RectifyNode> nodes = new ArrayList<>();
    final List<HttpServer> sites = new ArrayList<>();
    /** homepage requests each site received, by its address and port */
    final Map<String, AtomicInteger> homepageRequests = new ConcurrentHashMap<>();
    JdbcTemplate db;

    @AfterEach
    void stop() {
        nodes.forEach(RectifyNode::stop);
        sites.forEach(site -> site.stop(0));
    }

    @Test
    void everyDueProbeIsDoneOnceWhenANodeIsKilledWhileProbing() throws Exception {
        Map<String, String> database = TestDatabase.fresh();
        db = new JdbcTemplate(RectifyNode.database(database));
        String classPath = RectifyNode.testClassPath();
        try {
            // A migrates the empty database; the sites are registered; B's start gives them their executions
            RectifyNode a = start("node-a", classPath, database);
            List<String> addresses = serveSites();
            register(addresses);
            RectifyNode b = start("node-b", classPath, database);

            Set<String> holders = new HashSet<>();
            awaitUntil("both nodes holding homepage probes, a few rounds done", Duration.ofSeconds(90), () -> {
                holders.addAll(db.queryForList("select picked_by from scheduled_tasks where task_name = 'monitoring-homepage'"
                        + " and picked", String.class));
                return holders.containsAll(List.of("node-a", "node-b")) && scheduledProbes() >= 2 * SITES
                        && heldBy("node-a").size() > 0;
            });
            a.kill();
            Instant killedAt = Instant.now();
            // what the dead node held stays marked as its own until the survivor finds its heartbeat old
            List<Map<String, Object>> heldAtKill = heldBy("node-a");
            // a site whose daily run A held asks for its homepage too: that request may be lost with A as well
            Set<String> heldSites = new HashSet<>(db.queryForList("select w.url from scheduled_tasks t join website w"
                    + " on w.id::text = t.task_instance where t.picked and t.picked_by = 'node-a' and w.org_code = 'MC-BODY'",
                    String.class));
            assertThat(heldAtKill).as("probes A held when it was killed").isNotEmpty();

            awaitUntil("every probe A held done again by B, for its due time, and every site probed since",
                    Duration.ofSeconds(60), () -> heldAtKill.stream().allMatch(this::probedOnce)
                            && addresses.stream().allMatch(address -> probedSince(address, killedAt.plus(HOMEPAGE_EVERY))));
            b.stop();

            for (Map<String, Object> held : heldAtKill) {
                assertThat(probes(held)).as("probe rows of the due time A held at the kill: " + held).isEqualTo(1);
            }
            assertThat(db.queryForObject("""
                    select count(*) from (select website_id, due_at from probe where due_at is not null
                                          group by website_id, due_at having count(*) > 1) twice""", Integer.class))
                    .as("due times probed more than once").isZero();
            // each site asked for its homepage once per probe stored (scheduled or the daily run's), and
            // once more at most where the dead node's request was under way
            for (String address : addresses) {
                String url = url(address);
                int stored = db.queryForObject("select count(*) from probe p join website w on w.id = p.website_id"
                        + " where w.url = ? and p.purpose = 'HOMEPAGE'", Integer.class, url);
                int asked = homepageRequests.get(address).get();
                assertThat(asked - stored).as("homepage requests to " + url + " not stored as probes")
                        .isBetween(0, heldSites.contains(url) ? 1 : 0);
            }
            System.out.printf("monitoring cluster: %d probes held by A at the kill, done once each by B; %d scheduled probes"
                    + " of %d sites in all%n", heldAtKill.size(), scheduledProbes(), SITES);
        } catch (Throwable failure) {
            nodes.forEach(node -> System.out.println(node.logTail(60)));
            throw failure;
        }
    }

    private RectifyNode start(String name, String classPath, Map<String, String> database) {
        Map<String, String> properties = RectifyNode.productionProperties(database, runDirectory);
        // the test's sites are on loopback, which production refuses
        properties.put("rectify.monitoring.allow-private-addresses", "true");
        properties.put("rectify.monitoring.scheduling", "true");
        properties.put("rectify.monitoring.schedule.homepage-every", HOMEPAGE_EVERY.toMillis() + "ms");
        properties.put("rectify.monitoring.schedule.jitter", "200ms");
        properties.put("db-scheduler.scheduler-name", name);
        properties.put("db-scheduler.polling-interval", "500ms");
        properties.put("db-scheduler.heartbeat-interval", HEARTBEAT.toMillis() + "ms");
        properties.put("db-scheduler.missed-heartbeats-limit", String.valueOf(MISSED_HEARTBEATS));
        RectifyNode node = RectifyNode.start(name, classPath, runDirectory, properties);
        nodes.add(node);
        return node;
    }

    /** The sites, each at an address of its own (127.0.0.0/8 is all loopback), slow to answer. */
    private List<String> serveSites() throws IOException {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < SITES; i++) {
            String address = "127.0.0." + (40 + i);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 16);
            server.setExecutor(Executors.newFixedThreadPool(4));
            AtomicInteger requests = new AtomicInteger();
            server.createContext("/", exchange -> {
                try (exchange) {
                    if (exchange.getRequestURI().getPath().equals("/")) {
                        requests.incrementAndGet();
                    }
                    RectifyNode.pause(ANSWER_AFTER);
                    byte[] body = "<html><body><p>集群测试网站 2026-12-05</p></body></html>".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                } catch (IOException dropped) {
                    // the killed node's connection
                }
            });
            server.start();
            sites.add(server);
            String site = address + ":" + server.getAddress().getPort();
            homepageRequests.put(site, requests);
            addresses.add(site);
        }
        return addresses;
    }

    private void register(List<String> addresses) {
        db.update("insert into organization (code, name_zh, name_en, kind, region_code) values (?, ?, ?, 'DEPARTMENT', 'JX')",
                "MC-BODY", "集群监测单位", "Cluster monitoring body");
        for (int i = 0; i < addresses.size(); i++) {
            db.update("insert into website (url, name, org_code, site_code, state) values (?, ?, 'MC-BODY', ?, 'OPEN')",
                    url(addresses.get(i)), "集群测试网站" + i, String.format("MC%08d", i));
        }
    }

    private static String url(String address) {
        return "http://" + address + "/";
    }

    /** the homepage executions a node holds now: site, due time */
    private List<Map<String, Object>> heldBy(String node) {
        return db.queryForList("""
                select w.id site_id, w.url site_url, t.execution_time due from scheduled_tasks t
                join website w on w.id::text = t.task_instance
                where t.task_name = 'monitoring-homepage' and t.picked and t.picked_by = ? and w.org_code = 'MC-BODY'""", node);
    }

    private int probes(Map<String, Object> held) {
        return db.queryForObject("select count(*) from probe where website_id = ? and due_at = ?", Integer.class,
                held.get("site_id"), held.get("due"));
    }

    private boolean probedOnce(Map<String, Object> held) {
        return probes(held) == 1;
    }

    private boolean probedSince(String address, Instant since) {
        return db.queryForObject("select count(*) from probe p join website w on w.id = p.website_id where w.url = ?"
                + " and p.due_at is not null and p.fetched_at >= ?", Integer.class, url(address), Timestamp.from(since)) > 0;
    }

    private int scheduledProbes() {
        return db.queryForObject("select count(*) from probe p join website w on w.id = p.website_id"
                + " where w.org_code = 'MC-BODY' and p.due_at is not null", Integer.class);
    }

    private static void awaitUntil(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            RectifyNode.pause(Duration.ofMillis(200));
        }
    }
}
