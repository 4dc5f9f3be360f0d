package io.rectify.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Clock;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.Task;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monitoring phase of the benchmark: the whole country's 14,000 sites ({@link SiteFleet}, on
 * loopback) watched from one node, then from two.
 *
 * <p>Real time, a shorter window: a 10-minute cycle of 14,000 sites cannot be run many times over
 * in a benchmark, and a cycle compressed into seconds would measure a load no node ever sees. So
 * the schedule is laid out as production's is in its steady state (each execution rescheduled
 * from its completion with jitter spreads the sites evenly over the cycle): the homepage
 * executions fall due one after the other at {@code bench.monitoring.demandPerSecond} (default
 * 28, a fifth above the country's 14,000 / 600 s = 23.3), the daily ones evenly over a day shortened
 * in the same proportion; then the node runs them at real time with the product's own tasks and
 * the scheduler settings of application.yml. Each site falls due once in the run (a homepage
 * probe reschedules itself 10 minutes on), so what is measured is the sustained rate, and the lag
 * of every execution from its due time to its completion.
 *
 * <p>Figures: {@code probes_per_s} (homepage probes completed a second, after a 30 s warm-up),
 * {@code probe_lag_p99_s} (due → done, all executions due in the one-node window, those not done
 * by the end counted with their lag so far), {@code probe_requests_per_s} (every request, the
 * daily runs' columns and links too), {@code monitoring_heap_mb} (after a full GC at the end of
 * the one-node window, the scheduler running), and, with a second scheduler on the same database
 * for {@code bench.monitoring.twoNodeSeconds}, {@code probes_duplicated}: probe rows beyond one for
 * a site's due time (a site falls due once in the run), and executions completed twice.
 */
final class MonitoringLoad {

    static final int SITES = Integer.getInteger("bench.monitoring.sites", 14_000);
    static final double DEMAND_PER_SECOND = Double.parseDouble(System.getProperty("bench.monitoring.demandPerSecond", "28"));
    /** the one-node window: every homepage due in it is measured */
    static final int ONE_NODE_SECONDS = Integer.getInteger("bench.monitoring.seconds", 240);
    static final int TWO_NODE_SECONDS = Integer.getInteger("bench.monitoring.twoNodeSeconds", 90);
    /** not counted in the rate: the JIT compiles the probe's path */
    static final int WARM_UP_SECONDS = 30;
    /** executions due before the end are waited for at most this long (a slow site takes 15 to 30 s) */
    static final int GRACE_SECONDS = 90;

    private static final String HOMEPAGE = "monitoring-homepage";
    private static final String DAILY = "monitoring-daily";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final List<Task<?>> tasks;
    private final Environment environment;
    private final Clock clock;
    private final BiConsumer<String, Number> put;
    private final Queue<Completed> completed = new ConcurrentLinkedQueue<>();

    private record Completed(String node, String task, String instance, Instant due, Instant done) {
        double lagSeconds() {
            return Duration.between(due, done).toMillis() / 1000.0;
        }
    }

    MonitoringLoad(JdbcTemplate jdbc, DataSource dataSource, List<Task<?>> tasks, Environment environment, Clock clock,
                   BiConsumer<String, Number> put) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.tasks = tasks;
        this.environment = environment;
        this.clock = clock;
        this.put = put;
    }

    void run() throws Exception {
        try (SiteFleet fleet = new SiteFleet(LocalDate.now(ZoneOffset.UTC))) {
            register(fleet);
            Instant start = clock.now().plusSeconds(5);
            Instant oneNodeEnd = start.plusSeconds(ONE_NODE_SECONDS);
            Instant twoNodeEnd = oneNodeEnd.plusSeconds(TWO_NODE_SECONDS);
            schedule(start);
            jdbc.execute("analyze scheduled_tasks");
            jdbc.execute("analyze website");
            jdbc.execute("analyze website_column");

            Scheduler first = scheduler("bench-node-1");
            Scheduler second = scheduler("bench-node-2");
            first.start();
            try {
                sleepUntil(oneNodeEnd);
                heap();
                second.start();
                sleepUntil(twoNodeEnd);
                Instant stop = waitForDue(twoNodeEnd, twoNodeEnd.plusSeconds(GRACE_SECONDS));
                figures(start, oneNodeEnd, twoNodeEnd, stop, fleet);
            } finally {
                second.stop();
                first.stop();
            }
        }
    }

    /** 14,000 bodies and their sites at their loopback addresses, each with five watched columns (positions from 0). */
    private void register(SiteFleet fleet) {
        jdbc.update("""
                insert into organization (code, name_zh, name_en, kind, region_code, case_prefix)
                select 'MB-' || n, '监测基准单位' || n, 'Monitored body ' || n, 'DEPARTMENT', (array['JX', 'NC', 'GZ'])[n % 3 + 1], null
                from generate_series(0, ? - 1) n on conflict do nothing""", SITES);
        jdbc.update("""
                insert into website (url, name, org_code, site_code, state)
                select 'http://127.1.' || (n / 250) || '.' || (n % 250 + 1) || ':' || ? || '/', '监测基准网站' || n, 'MB-' || n,
                       'BM' || lpad(n::text, 8, '0'), 'OPEN'
                from generate_series(0, ? - 1) n""", fleet.port(), SITES);
        jdbc.update("""
                insert into website_column (website_id, position, name, url, kind)
                select w.id, c - 1, '栏目' || c, w.url || 'c/' || c || '/', (array['NEWS', 'NOTICE', 'POLICY', 'OTHER', 'OTHER'])[c]
                from website w cross join generate_series(1, ?) c where w.org_code like 'MB-%'""", SiteFleet.COLUMNS);
        assertThat(fleet.homepage(SITES - 1)).isEqualTo(jdbc.queryForObject(
                "select url from website where org_code = ?", String.class, "MB-" + (SITES - 1)));
    }

    /**
     * The steady state of the schedule: homepage executions one after the other at the demanded
     * rate, daily ones spread over the day shortened in the same proportion. The product's own
     * executions of other sites (the demo fleet) are taken out: they are not the country.
     */
    private void schedule(Instant start) {
        jdbc.update("delete from scheduled_tasks where task_name in (?, ?)", HOMEPAGE, DAILY);
        double compression = DEMAND_PER_SECOND * 600 / SITES;
        double dailySpacingMs = 86_400_000.0 / compression / SITES;
        jdbc.update("""
                insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                select ?, w.id::text, cast(? as timestamp with time zone)
                          + (row_number() over (order by w.id) - 1) * cast(? as double precision) * interval '1 millisecond', false, 1
                from website w where w.org_code like 'MB-%'""", HOMEPAGE, Timestamp.from(start), 1000.0 / DEMAND_PER_SECOND);
        // the daily runs in another order than the homepages, so that a site's two do not fall together
        jdbc.update("""
                insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version)
                select ?, w.id::text, cast(? as timestamp with time zone)
                          + ((w.id * 7919) % ?) * cast(? as double precision) * interval '1 millisecond', false, 1
                from website w where w.org_code like 'MB-%'""", DAILY, Timestamp.from(start), SITES, dailySpacingMs);
    }

    /** A node's scheduler, as the starter builds it from application.yml, with a listener that notes completions. */
    private Scheduler scheduler(String name) {
        return Scheduler.create(dataSource, tasks)
                .schedulerName(new SchedulerName.Fixed(name))
                .tableName(environment.getProperty("db-scheduler.table-name", "scheduled_tasks"))
                .threads(environment.getProperty("db-scheduler.threads", Integer.class, 10))
                .pollingInterval(environment.getProperty("db-scheduler.polling-interval", Duration.class, Duration.ofSeconds(10)))
                .clock(clock)
                .addSchedulerListener(new AbstractSchedulerListener() {
                    @Override
                    public void onExecutionComplete(ExecutionComplete done) {
                        completed.add(new Completed(name, done.getExecution().getTaskName(), done.getExecution().getId(),
                                done.getExecution().getExecutionTime(), done.getTimeDone()));
                    }
                })
                .build();
    }

    private void heap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        put.accept("monitoring_heap_mb", (runtime.totalMemory() - runtime.freeMemory()) / 1024.0 / 1024.0);
    }

    /** Waits until nothing due by {@code dueBy} is left in the table, at most until {@code latest}; returns when it stopped. */
    private Instant waitForDue(Instant dueBy, Instant latest) throws InterruptedException {
        while (clock.now().isBefore(latest) && pending(dueBy) > 0) {
            Thread.sleep(1000);
        }
        return clock.now();
    }

    private long pending(Instant dueBy) {
        return jdbc.queryForObject("/* bench-poll */ select count(*) from scheduled_tasks where task_name in (?, ?)"
                + " and execution_time <= ?", Long.class, HOMEPAGE, DAILY, Timestamp.from(dueBy));
    }

    private void figures(Instant start, Instant oneNodeEnd, Instant twoNodeEnd, Instant stop, SiteFleet fleet) {
        List<Completed> all = new ArrayList<>(completed);
        Instant rateFrom = start.plusSeconds(WARM_UP_SECONDS);
        long homepagesDone = all.stream().filter(c -> c.task().equals(HOMEPAGE) && c.node().equals("bench-node-1")
                && !c.done().isBefore(rateFrom) && !c.done().isAfter(oneNodeEnd)).count();
        double seconds = Duration.between(rateFrom, oneNodeEnd).toMillis() / 1000.0;
        put.accept("probes_per_s", homepagesDone / seconds);
        put.accept("probe_requests_per_s", jdbc.queryForObject(
                "select count(*) from probe where fetched_at >= ? and fetched_at < ?", Long.class,
                Timestamp.from(rateFrom), Timestamp.from(oneNodeEnd)) / seconds);

        // the lag of every execution due in the one-node window; one still waiting has waited this long at least
        List<Double> lags = new ArrayList<>();
        all.stream().filter(c -> c.due().isBefore(oneNodeEnd)).forEach(c -> lags.add(c.lagSeconds()));
        List<Timestamp> notDone = jdbc.queryForList("select execution_time from scheduled_tasks where task_name in (?, ?)"
                + " and execution_time < ?", Timestamp.class, HOMEPAGE, DAILY, Timestamp.from(oneNodeEnd));
        notDone.forEach(due -> lags.add(Duration.between(due.toInstant(), stop).toMillis() / 1000.0));
        lags.sort(Double::compare);
        put.accept("probe_lag_p50_s", at(lags, 0.50));
        put.accept("probe_lag_p99_s", at(lags, 0.99));
        put.accept("probe_lag_max_s", lags.get(lags.size() - 1));
        put.accept("probes_due_one_node", lags.size());
        put.accept("probes_not_done", pending(twoNodeEnd));
        put.accept("daily_runs_done", all.stream().filter(c -> c.task().equals(DAILY)).count());

        // two nodes: both ran, and nothing ran twice
        Map<String, Long> twoNodeRuns = all.stream().filter(c -> !c.due().isBefore(oneNodeEnd))
                .collect(Collectors.groupingBy(Completed::node, Collectors.counting()));
        put.accept("two_node_runs_node1", twoNodeRuns.getOrDefault("bench-node-1", 0L));
        put.accept("two_node_runs_node2", twoNodeRuns.getOrDefault("bench-node-2", 0L));
        assertThat(twoNodeRuns.getOrDefault("bench-node-2", 0L)).as("the second node ran probes: else no figure of duplicates")
                .isPositive();
        long executionsTwice = all.stream().collect(Collectors.groupingBy(c -> c.task() + "/" + c.instance() + "@" + c.due(),
                Collectors.counting())).values().stream().mapToLong(n -> n - 1).sum();
        // a site's homepage falls due once in the run, and a site whose daily run came also has its homepage read there
        Long rowsTwice = jdbc.queryForObject("""
                select coalesce(sum(n - 1), 0) from (
                    select p.website_id, count(*) n from probe p join website w on w.id = p.website_id
                    where p.purpose = 'HOMEPAGE' and p.fetched_at >= ? and w.org_code like 'MB-%'
                      and not exists (select 1 from scheduled_tasks t where t.task_name = ? and t.task_instance = p.website_id::text
                                      and t.last_success >= ?)
                    group by p.website_id) per_site
                where n > 1""", Long.class, Timestamp.from(start), DAILY, Timestamp.from(start));
        put.accept("probes_duplicated", rowsTwice + executionsTwice);
        put.accept("fleet_requests", fleet.requests());
    }

    private static double at(List<Double> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    private void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(clock.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
