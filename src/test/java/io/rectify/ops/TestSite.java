package io.rectify.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.rectify.RectifyApplication;
import io.rectify.api.Api;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A Rectify site on the test PostgreSQL server, run as an operator runs one (src/docs/security.md,
 * "Database roles"): a schema owner and an application role, databases owned by the owner, the scripts of
 * {@code src/ops} with the standard libpq environment, and Rectify started on a database in this
 * JVM. What a database holds is read as the superuser. Closing it drops the databases it named and
 * its roles.
 */
final class TestSite implements AutoCloseable {

    /** what a deadline timer and a reminder leave behind them, and nothing else does */
    static final List<String> TIMER_EFFECTS = List.of("record:REMINDER", "notification:REMINDER",
            "audit:REMINDER_SENT", "record:OVERDUE", "audit:ORDER_OVERDUE", "record:ESCALATION",
            "audit:CASE_ESCALATED", "notification:ESCALATED", "process:supervisionReview");

    final String server = System.getenv().getOrDefault("RECTIFY_TEST_PG", "127.0.0.1:5432");
    final String superuser = System.getenv().getOrDefault("RECTIFY_TEST_PG_USER", "postgres");
    final String owner;
    final String app;
    private final Path work;
    private final List<String> databases = new ArrayList<>();

    /** A site with these two roles, created now unless the server has them already. */
    TestSite(Path work, String owner, String app) throws SQLException {
        this.work = work;
        this.owner = owner;
        this.app = app;
        for (String role : List.of(owner, app)) {
            if (query("postgres", "select 1 from pg_roles where rolname = '" + role + "'").isEmpty()) {
                execute("postgres", superuser, "create role " + role + " login");
            }
        }
    }

    /** A site with roles of its own, named for this run. */
    static TestSite withNewRoles(Path work) throws SQLException {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        return new TestSite(work, "rectify_owner_" + suffix, "rectify_app_" + suffix);
    }

    @Override
    public void close() throws SQLException {
        for (String database : databases) {
            execute("postgres", superuser, "drop database if exists " + database + " with (force)");
        }
        execute("postgres", superuser, "drop role if exists " + app);
        execute("postgres", superuser, "drop role if exists " + owner);
    }

    /** A name for a database this site drops when it closes (not created yet). */
    String newDatabaseName() {
        // named like TestDatabase's, so that .ci/run drops it should the test die before its cleanup
        String name = "rectify_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        databases.add(name);
        return name;
    }

    // --- the application --------------------------------------------------------------------

    /** Rectify on this database as the application role, Flyway as the owner, on a free port. */
    ConfigurableApplicationContext start(String database, Path attachments, boolean jobExecutor) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", "jdbc:postgresql://" + server + "/" + database);
        properties.put("spring.datasource.username", app);
        properties.put("spring.datasource.password", "");
        properties.put("spring.flyway.user", owner);
        properties.put("spring.flyway.password", "");
        properties.put("server.port", "0");
        properties.put("rectify.data-dir", work.resolve("data").toString());
        properties.put("rectify.attachments.dir", attachments.toString());
        properties.put("camunda.bpm.job-execution.enabled", Boolean.toString(jobExecutor));
        // an idle job executor looks again within a second (by default it backs off to a minute)
        properties.put("camunda.bpm.job-execution.wait-time-in-millis", "200");
        properties.put("camunda.bpm.job-execution.max-wait", "1000");
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(RectifyApplication.class).run(arguments);
    }

    static Api api(ConfigurableApplicationContext running, String user) {
        String base = "http://localhost:" + running.getEnvironment().getProperty("local.server.port");
        // the JDK's client: the HTML checker's Jetty on the test classpath would otherwise be chosen
        return new Api(new TestRestTemplate(new RestTemplateBuilder().rootUri(base)
                .requestFactoryBuilder(ClientHttpRequestFactoryBuilder.jdk())), user);
    }

    /** Waits until the job executor has run each of these timers. */
    void awaitFired(String database, List<TimerJob> timers) throws Exception {
        String ids = timers.stream().map(t -> "'" + t.id() + "'").collect(Collectors.joining(","));
        awaitNoRows(database, "select id_ from act_ru_job where id_ in (" + ids + ")",
                "the job executor fired the timers within 2 minutes");
    }

    /** Waits, up to 2 minutes, until this query finds nothing; {@code what} says what it waits for. */
    void awaitNoRows(String database, String sql, String what) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!query(database, sql).isEmpty()) {
            assertThat(System.nanoTime()).as(what).isLessThan(until);
            Thread.sleep(250);
        }
    }

    // --- the scripts ------------------------------------------------------------------------

    record Run(int exit, String output) {
    }

    Run script(String name, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of("src/ops", name).toString()));
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile(work, name, ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        // the standard libpq environment, as an operator would set it
        builder.environment().put("PGHOST", server.substring(0, server.lastIndexOf(':')));
        builder.environment().put("PGPORT", server.substring(server.lastIndexOf(':') + 1));
        builder.environment().put("PGUSER", superuser);
        builder.environment().remove("PGDATABASE");
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not finish within 3 minutes: " + Files.readString(output));
        }
        return new Run(process.exitValue(), Files.readString(output));
    }

    // --- what a database holds ----------------------------------------------------------------

    record TimerJob(String id, Instant due, String activity, String caseId) {
    }

    /** The timers pending in the database, with the activity they wait at and their case. */
    List<TimerJob> timers(String database) throws SQLException {
        List<TimerJob> timers = new ArrayList<>();
        try (Connection c = connect(database, superuser); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select j.id_, j.duedate_, d.act_id_, e.business_key_ from act_ru_job j"
                     + " join act_ru_jobdef d on d.id_ = j.job_def_id_"
                     + " join act_ru_execution e on e.id_ = j.process_instance_id_"
                     + " where j.type_ = 'timer' order by j.id_")) {
            while (rows.next()) {
                timers.add(new TimerJob(rows.getString(1), rows.getTimestamp(2).toInstant(), rows.getString(3),
                        rows.getString(4)));
            }
        }
        return timers;
    }

    /** Per case, how many of each record, notification, audit action and process it has. */
    Map<String, Map<String, Long>> effects(String database) throws SQLException {
        Map<String, Map<String, Long>> effects = new HashMap<>();
        for (String[] row : query(database, "select case_id, 'record:' || kind, count(*) from case_record group by 1, 2"
                + " union all select case_id, 'notification:' || kind, count(*) from notification group by 1, 2"
                + " union all select case_id, 'audit:' || action, count(*) from audit_entry where case_id is not null group by 1, 2"
                + " union all select business_key_, 'process:' || proc_def_key_, count(*) from act_hi_procinst group by 1, 2")) {
            effects.computeIfAbsent(row[0], k -> new HashMap<>()).put(row[1], Long.parseLong(row[2]));
        }
        return effects;
    }

    static long count(Map<String, Map<String, Long>> effects, String caseId, String effect) {
        return effects.getOrDefault(caseId, Map.of()).getOrDefault(effect, 0L);
    }

    Set<String> workItems(String database) throws SQLException {
        return query(database, "select task_id || ' ' || candidate_group from work_item").stream()
                .map(row -> row[0]).collect(Collectors.toCollection(TreeSet::new));
    }

    /** the engine's open user tasks of the cases with their candidate groups (the error reports have their own list) */
    Set<String> engineTasks(String database) throws SQLException {
        return query(database, "select t.id_ || ' ' || l.group_id_ from act_ru_task t"
                + " join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null"
                + " where t.proc_def_id_ not like 'publicReport:%'")
                .stream().map(row -> row[0]).collect(Collectors.toCollection(TreeSet::new));
    }

    List<String[]> query(String database, String sql) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = connect(database, superuser); PreparedStatement s = c.prepareStatement(sql);
             ResultSet result = s.executeQuery()) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                String[] row = new String[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = result.getString(i + 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    void execute(String database, String user, String sql) throws SQLException {
        try (Connection c = connect(database, user); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    Connection connect(String database, String user) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + server + "/" + database, user, "");
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
