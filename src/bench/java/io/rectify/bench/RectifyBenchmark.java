package io.rectify.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.rectify.TestDatabase;
import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.casefile.CaseFilter;
import io.rectify.casefile.CaseSearch;
import io.rectify.casefile.CaseService;
import io.rectify.inspection.Campaign;
import io.rectify.inspection.Campaigns;
import io.rectify.casefile.CaseSource;
import io.rectify.casefile.CaseStatus;
import io.rectify.casefile.OpenCase;
import io.rectify.casefile.OrderIssued;
import io.rectify.casefile.web.CaseViews;
import io.rectify.directory.Actor;
import io.rectify.directory.OrgKind;
import io.rectify.directory.Role;
import io.rectify.document.DocumentKind;
import io.rectify.document.Documents;
import io.rectify.process.CaseTasks;
import io.rectify.process.CaseVariables;
import io.rectify.stats.Period;
import io.rectify.stats.Scorecard;
import io.rectify.stats.Scorecards;
import io.rectify.workflow.CaseProcess;
import io.rectify.workflow.Tasks;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark, run by hand: {@code ./mvnw -Pbench verify} (PostgreSQL 15 on
 * 127.0.0.1:5432 with pg_stat_statements loaded, see src/bench/setup-postgres.sh). The product
 * and the bare engine (the same BPMN deployed as {@code bareRectification}, its service tasks
 * no-op expressions, started and completed through the engine's API) do the same work in the
 * same run, so every figure also appears as a ratio (information only: what is checked are the
 * budgets of {@link #BUDGETS}). Statements are counted with
 * pg_stat_statements (reset, run N operations, sum of calls / N, this database only). The query
 * benchmarks bulk-load their rows with SQL. The mixed-load phase puts a province's staff on the
 * running node over HTTP ({@link MixedLoad}). Prints a table, writes target/bench/results.json,
 * and fails when a figure misses its budget.
 *
 * <p>Sizes: -Dbench.opens (default 2000), -Dbench.lifecycles (600), -Dbench.rounds (5), -Dbench.timerCases (500),
 * -Dbench.timerRounds (3),
 * -Dbench.threads (4), -Dbench.warmUp (1000), -Dbench.openTasks (100000), -Dbench.cases (1000000), -Dbench.provinceOpenCases
 * (10000, for the heap); -Dbench.phases=sql (the statement counts alone, a minute), or any of
 * rates,sql,timers,inbox,cases,export,mixed,stats,heap,documents,inspections,monitoring (monitoring: the country's
 * 14,000 websites on loopback, {@link MonitoringLoad}, with its own -Dbench.monitoring.* sizes; rates: openings and lifecycles per second; export:
 * the province's 100k cases as XLSX over HTTP; mixed: see {@link #mixedLoad}, with its own -Dbench.mixed.* sizes).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RectifyBenchmark {

    private static final int THREADS = Integer.getInteger("bench.threads", 4);
    /** operations of each kind before anything is measured: until the JIT has compiled the hot paths */
    private static final int WARM_UP = Integer.getInteger("bench.warmUp", 1000);
    private static final int OPENS = Integer.getInteger("bench.opens", 2000);
    private static final int LIFECYCLES = Integer.getInteger("bench.lifecycles", 600);
    /** product and bare rounds, in pairs, over which the openings and the lifecycles are spread */
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 5);
    private static final int TIMER_CASES = Integer.getInteger("bench.timerCases", 500);
    /** product and bare batches of timers, in pairs (each batch TIMER_CASES cases or instances) */
    private static final int TIMER_ROUNDS = Integer.getInteger("bench.timerRounds", 3);
    private static final int PENDING_TIMERS = Integer.getInteger("bench.pendingTimers", 1_000_000);
    private static final int OPEN_TASKS = Integer.getInteger("bench.openTasks", 100_000);
    private static final int CASES = Integer.getInteger("bench.cases", 1_000_000);
    private static final int QUERY_SAMPLES = Integer.getInteger("bench.querySamples", 400);
    private static final int PROVINCE_OPEN_CASES = Integer.getInteger("bench.provinceOpenCases", 10_000);
    private static final String BARE = "bareRectification";
    /** people at once in the mixed-load phase, half through the pages, half through the API */
    private static final int MIXED_USERS = Integer.getInteger("bench.mixed.users", 500);
    /** seconds measured, after every one of them has signed in */
    private static final int MIXED_SECONDS = Integer.getInteger("bench.mixed.seconds", 120);
    /**
     * sign-ins a second while people are added: each checks the password's deliberately slow hash
     * (bcrypt, tens of ms of CPU), and hundreds at once starve the node; a province signs in over a morning
     */
    private static final int MIXED_SIGN_INS_PER_SECOND = Integer.getInteger("bench.mixed.signInsPerSecond", 5);
    /** cases opened through the product before it, so that inboxes and task forms are real */
    private static final int MIXED_OPEN_CASES = Integer.getInteger("bench.mixed.openCases", 3000);
    /**
     * the steps of people of the second run, which goes on from the first: up from MIXED_USERS to the
     * first step whose p95 passes 100 ms, or down to the first that does not (empty: no second run)
     */
    private static final String MIXED_KNEE_STEPS = System.getProperty("bench.mixed.kneeSteps",
            "50,100,200,300,400,500,600,750,1000,1500,2000");
    /** seconds measured at each step, after its new people have signed in */
    private static final int MIXED_KNEE_SECONDS = Integer.getInteger("bench.mixed.kneeSeconds", 30);
    /**
     * -Dbench.phases=rates,sql,timers,inbox,cases,export,mixed,stats,heap,documents: only these parts (rates: openings and
     * lifecycles per second; sql: the statement counts of opening and completing; mixed: a
     * province's staff over HTTP).
     */
    private static final Set<String> PHASES = Set.of(System.getProperty("bench.phases", "all").split(","));
    /**
     * A body with a case of the same category closed within a year is a repeat violation, which the
     * seriousness table escalates at opening (a second process, a notification): real work, but not
     * the "open a case" or the lifecycle being measured, and the bare engine never does it. So the
     * opened cases are never closed, and each case taken through its lifecycle is against a body of
     * its own that has had no case before (LIFECYCLE_BODIES, bulk-loaded).
     */
    private static final String CATEGORY = "A33-10";
    private static final String LIFECYCLE_CATEGORY = "A33-09";
    private static final int LIFECYCLE_BODIES = 5_000;

    /** Who opens and answers: the three demo offices against bodies in their jurisdiction. */
    private static final Actor[] OFFICES = {
            new Actor("jx.office", Role.SUPERVISOR, "JX-GOV-OFFICE", OrgKind.OFFICE, "JX"),
            new Actor("nc.office", Role.SUPERVISOR, "NC-GOV-OFFICE", OrgKind.OFFICE, "NC"),
            new Actor("gz.office", Role.SUPERVISOR, "GZ-GOV-OFFICE", OrgKind.OFFICE, "GZ")};
    private static final Actor[] RESPONDENTS = {
            new Actor("jx.edu", Role.RESPONDER, "JX-EDU", OrgKind.DEPARTMENT, "JX"),
            new Actor("nc.edu", Role.RESPONDER, "NC-EDU", OrgKind.DEPARTMENT, "NC"),
            new Actor("gz.edu", Role.RESPONDER, "GZ-EDU", OrgKind.DEPARTMENT, "GZ")};

    private static final Map<String, Object> results = new LinkedHashMap<>();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        if (!TestDatabase.postgres()) {
            throw new IllegalStateException("the benchmark runs on PostgreSQL: ./mvnw -Pbench verify");
        }
        TestDatabase.register(registry);
        registry.add("rectify.data-dir", () -> "target/bench-data");
        // the JDK's HTTP client for the test's TestRestTemplate (the HTML checker brings Jetty's, incomplete)
        registry.add("spring.http.client.factory", () -> "jdk");
        // the production pool and job executor settings, exactly as application-prod.yml has them
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application-prod.yml"));
        Properties prod = yaml.getObject();
        // keySet, not stringPropertyNames: YAML numbers and booleans are not String values
        prod.keySet().stream().map(String::valueOf)
                .filter(key -> key.startsWith("camunda.bpm.job-execution") || key.startsWith("spring.datasource.hikari")
                        || key.startsWith("camunda.bpm.generic-properties"))
                .forEach(key -> registry.add(key, () -> String.valueOf(prod.get(key))));
    }

    @Autowired CaseService cases;
    @Autowired Tasks tasks;
    @Autowired CaseSearch search;
    @Autowired CaseViews views;
    @Autowired Scorecards scorecards;
    @Autowired ProcessEngine engine;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    @AfterAll
    static void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void benchmark() throws Exception {
        jdbc.execute("create extension if not exists pg_stat_statements");
        jdbc.update("""
                insert into organization (code, name_zh, name_en, kind, region_code, case_prefix)
                select 'LC-' || n, '基准整改单位' || n, 'Lifecycle body ' || n, 'DEPARTMENT',
                       (array['JX', 'NC', 'GZ'])[n % 3 + 1], null
                from generate_series(0, ? - 1) n""", LIFECYCLE_BODIES);
        engine.getRepositoryService().createDeployment().name("bare engine for the benchmark")
                .addString("bare.bpmn", bareModel()).deploy();
        JobExecutor jobs = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        jobs.shutdown(); // no acquisition statements in the counts; the timer phase starts it again

        if (!PHASES.contains("all")) { // a part of the run, e.g. the exact statement counts in a minute
            warmUp(PHASES.contains("rates") || PHASES.contains("timers") || PHASES.contains("sql") ? WARM_UP : 10);
            settle();
            if (PHASES.contains("rates")) {
                starts();
                lifecycles();
            }
            if (PHASES.contains("sql")) {
                openStatements();
                completionStatements();
            }
            if (PHASES.contains("timers")) {
                timers(jobs);
            }
            if (PHASES.contains("inbox")) {
                inbox();
            }
            if (PHASES.contains("cases")) {
                caseList100k();
            }
            if (PHASES.contains("export")) {
                export100k();
            }
            if (PHASES.contains("mixed")) {
                mixedLoad(jobs);
            }
            if (PHASES.contains("cases")) {
                caseList1m();
            }
            if (PHASES.contains("stats")) {
                scorecards();
            }
            if (PHASES.contains("heap")) {
                heap();
            }
            if (PHASES.contains("documents")) {
                documents();
            }
            if (PHASES.contains("inspections")) {
                campaignSample();
                tongbaoPdf();
            }
            if (PHASES.contains("monitoring")) {
                monitoring();
            }
            report();
            checkBudgets();
            return;
        }
        warmUp(WARM_UP);
        settle();
        starts();
        openStatements();
        lifecycles();
        completionStatements();
        timers(jobs);
        inbox();
        caseList100k(); // the mixed load's figure is that of a province with 100k cases, so it comes before the 1M
        export100k();
        mixedLoad(jobs);
        caseList1m();
        scorecards();
        heap();
        documents();
        campaignSample();
        tongbaoPdf();
        monitoring();

        report();
        assertThat(results).containsKeys("case_open_per_s", "bare_start_per_s", "case_list_p95_ms_1m",
                "mixed_load_p95_ms");
        checkBudgets();
    }

    // ---- spot checks ---------------------------------------------------------------------------

    @Autowired Campaigns campaigns;

    /**
     * A campaign over the whole country's 14,000 sites: the population read, stratified by region
     * and level, sampled at 30 % and written with its 4,200 inspections (budget: 2 s).
     */
    private void campaignSample() {
        jdbc.update("""
                insert into organization (code, name_zh, name_en, kind, region_code, case_prefix)
                select 'SC-' || n, '抽查基准单位' || n, 'Spot-check body ' || n,
                       case when n % 20 = 0 then 'OFFICE' else 'DEPARTMENT' end, (array['JX', 'NC', 'GZ'])[n % 3 + 1], null
                from generate_series(0, 13999) n on conflict do nothing""");
        jdbc.update("""
                insert into website (url, name, org_code)
                select 'https://sc' || n || '.bench.gov.cn', '抽查基准网站' || n, 'SC-' || n
                from generate_series(0, 13999) n on conflict do nothing""");
        Campaigns.NewCampaign command = new Campaigns.NewCampaign("基准抽查", java.time.LocalDate.of(2026, 10, 1),
                java.time.LocalDate.of(2026, 12, 31), 0.3, 42L, null, null);
        campaigns.start(OFFICES[0], command); // warm
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            Campaign c = campaigns.start(OFFICES[0], command);
            ms.add((System.nanoTime() - t0) / 1e6);
            assertThat(c.population()).isGreaterThanOrEqualTo(14_000);
        }
        put("campaign_sample_ms", ms.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    }

    @Autowired io.rectify.inspection.Circulars circulars;

    /**
     * The 通报 of each campaign {@link #campaignSample} started, its attachment table of 4,200 sites:
     * the campaign closed with every inspection scored, then the report read, laid out, rendered to
     * PDF and frozen (budget: 10 s). The first is the warm-up. Beside the wall time, the CPU time of
     * the thread that rendered it: on a machine shared with other work the wall time says more about
     * the neighbours than about the 通报.
     */
    private void tongbaoPdf() {
        List<Long> ids = jdbc.queryForList("select id from inspection_campaign where name = '基准抽查' and status = 'OPEN' order by id",
                Long.class);
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        List<Double> ms = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (long id : ids) {
            CampaignResults.score(jdbc, id);
            campaigns.close(OFFICES[0], id);
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            var issued = circulars.issue(OFFICES[0], id);
            ms.add((System.nanoTime() - t0) / 1e6);
            cpu.add((threads.getCurrentThreadCpuTime() - c0) / 1e6);
            assertThat(issued.size()).isPositive();
        }
        put("tongbao_pdf_ms", ms.stream().skip(1).mapToDouble(Double::doubleValue).max().orElseThrow());
        put("tongbao_pdf_cpu_ms", cpu.stream().skip(1).mapToDouble(Double::doubleValue).max().orElseThrow());
    }

    @Autowired javax.sql.DataSource dataSource;
    @Autowired org.springframework.core.env.Environment environment;
    @Autowired com.github.kagkarlsson.scheduler.Clock schedulerClock;
    @Autowired com.github.kagkarlsson.scheduler.task.helper.CustomTask<Void> monitoringHomepageTask;
    @Autowired com.github.kagkarlsson.scheduler.task.helper.CustomTask<Void> monitoringDailyTask;

    /** The country's websites watched from one node, then two ({@link MonitoringLoad}). */
    private void monitoring() throws Exception {
        new MonitoringLoad(jdbc, dataSource, List.of(monitoringHomepageTask, monitoringDailyTask), environment, schedulerClock,
                RectifyBenchmark::put).run();
    }

    // ---- opening cases ----------------------------------------------------------------------

    private void warmUp(int n) throws Exception {
        parallel(n, i -> open(i));
        parallel(n, i -> bareStart());
        for (int i = 0; i < n / 5; i++) {
            lifecycle(i);
            bareLifecycle();
        }
    }

    private void starts() throws Exception {
        paired(OPENS, this::open, i -> bareStart(), "case_open_per_s", "bare_start_per_s", "case_open_ratio");
    }

    /**
     * Product and bare rounds one after the other, ROUNDS times, so that each pair sees the same
     * machine: the rates are the means of the rounds, the ratio the median of the pairs' ratios
     * (with the lowest and highest beside it), so that one disturbed round does not make the figure.
     */
    private void paired(int n, IntConsumer product, IntConsumer bare, String productKey, String bareKey,
                        String ratioKey) throws Exception {
        double[] productRates = new double[ROUNDS];
        double[] bareRates = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            productRates[round] = parallel(n / ROUNDS, product);
            bareRates[round] = parallel(n / ROUNDS, bare);
        }
        putPaired(productRates, bareRates, productKey, bareKey, ratioKey);
    }

    /** The means of paired rounds' rates, and the median of the pairs' ratios with the lowest and highest. */
    private static void putPaired(double[] productRates, double[] bareRates, String productKey, String bareKey,
                                  String ratioKey) {
        int n = productRates.length;
        double[] ratios = new double[n];
        for (int round = 0; round < n; round++) {
            ratios[round] = productRates[round] / bareRates[round];
        }
        Arrays.sort(ratios);
        put(productKey, Arrays.stream(productRates).average().orElseThrow());
        put(bareKey, Arrays.stream(bareRates).average().orElseThrow());
        put(ratioKey, n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2);
        put(ratioKey + "_min", ratios[0]);
        put(ratioKey + "_max", ratios[n - 1]);
    }

    private void openStatements() throws IOException {
        put("sql_per_case_open", statements("case_open", 100, this::open));
        put("sql_per_bare_start", statements("bare_start", 100, i -> bareStart()));
    }

    private String open(int i) {
        return open(i, CATEGORY);
    }

    private String open(int i, String category) {
        Actor office = OFFICES[i % OFFICES.length];
        Actor respondent = RESPONDENTS[i % RESPONDENTS.length];
        if (office.regionCode().equals("NC") || office.regionCode().equals("GZ")) {
            respondent = RESPONDENTS[office.regionCode().equals("NC") ? 1 : 2];
        }
        return cases.open(office, new OpenCase(category, respondent.orgCode(), "基准测试案件 " + i, "网站栏目长期未更新",
                "https://www.example.gov.cn", CaseSource.INSPECTION, false, null)).id();
    }

    private VariableMap bareVariables(String key) {
        return Variables.createVariables()
                .putValue(CaseVariables.CASE_ID.name(), key)
                .putValue(CaseVariables.CATEGORY.name(), CATEGORY)
                .putValue(CaseVariables.OFFICE_GROUPS.name(), "org:JX-GOV-OFFICE")
                .putValue(CaseVariables.RESPONDENT_GROUPS.name(), "org:JX-EDU")
                .putValue(CaseVariables.SUPERVISION_GROUPS.name(), "org:JX-SUPERVISION")
                .putValue(CaseVariables.FLAGGED_SERIOUS.name(), false)
                .putValue(CaseVariables.REPEAT.name(), false)
                .putValue(CaseVariables.REJECTION_COUNT.name(), 0)
                .putValue(CaseVariables.OVERDUE.name(), false)
                .putValue(CaseVariables.ESCALATED.name(), false)
                .putValue(CaseVariables.REVIEW_PENDING.name(), false)
                .putValue(CaseVariables.SITE_SHUT_DOWN.name(), false);
    }

    private String bareStart() {
        String key = java.util.UUID.randomUUID().toString();
        return engine.getRuntimeService().startProcessInstanceByKey(BARE, key, bareVariables(key)).getId();
    }

    // ---- lifecycles and completions ---------------------------------------------------------

    private void lifecycles() throws Exception {
        paired(LIFECYCLES, this::lifecycle, i -> bareLifecycle(), "lifecycle_per_s", "bare_lifecycle_per_s",
                "lifecycle_ratio");
    }

    /** open → order → respond → verify (accepted) → closed, every step through the product's services. */
    private void lifecycle(int i) {
        LifecycleCase c = openForLifecycle(i);
        tasks.complete(c.office(), taskOf(c.id(), CaseTasks.ISSUE_ORDER), Map.of("requirements", "限期整改"));
        tasks.complete(c.respondent(), taskOf(c.id(), CaseTasks.RESPOND), Map.of("report", "已按要求完成整改。"));
        tasks.complete(c.office(), taskOf(c.id(), CaseTasks.VERIFY), Map.of("accepted", true));
    }

    /** A case to take through its lifecycle, against a body with no case before (see CATEGORY). */
    private record LifecycleCase(String id, Actor office, Actor respondent) {
    }

    private final AtomicInteger lifecycleBodies = new AtomicInteger();

    private LifecycleCase openForLifecycle(int i) {
        int n = lifecycleBodies.getAndIncrement();
        Actor office = OFFICES[n % OFFICES.length]; // LC-n lies in the region of this office
        Actor respondent = new Actor("lc." + n, Role.RESPONDER, "LC-" + n, OrgKind.DEPARTMENT, office.regionCode());
        String id = cases.open(office, new OpenCase(LIFECYCLE_CATEGORY, respondent.orgCode(), "基准测试案件 " + i,
                "网站栏目长期未更新", "https://www.example.gov.cn", CaseSource.INSPECTION, false, null)).id();
        return new LifecycleCase(id, office, respondent);
    }

    private String taskOf(String caseId, String key) {
        return tasks.of(caseId).stream().filter(t -> t.taskKey().equals(key)).findFirst().orElseThrow().id();
    }

    private void bareLifecycle() {
        String instance = bareStart();
        bareComplete(instance, CaseVariables.deadline(calendar(), LocalDate.now().plusDays(30)).asMap());
        bareComplete(instance, Map.of(CaseVariables.SITE_SHUT_DOWN.name(), false));
        bareComplete(instance, Map.of(CaseVariables.ACCEPTED.name(), true, CaseVariables.REJECTION_COUNT.name(), 0,
                CaseVariables.FLAGGED_SERIOUS.name(), false, CaseVariables.REVIEW_PENDING.name(), false));
    }

    private void bareComplete(String instance, Map<String, Object> routing) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
        engine.getTaskService().complete(task.getId(), routing);
    }

    private WorkingDayCalendar calendar() {
        return calendar;
    }

    @Autowired WorkingDayCalendar calendar;

    /** Statements per completion, each kind counted over a batch prepared beforehand. */
    private void completionStatements() throws Exception {
        int n = 60;
        List<LifecycleCase> opened = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            opened.add(openForLifecycle(i));
        }
        List<String> ids = opened.stream().map(c -> taskOf(c.id(), CaseTasks.ISSUE_ORDER)).toList();
        double order = statements("issue_order", n, i -> tasks.complete(opened.get(i).office(), ids.get(i),
                Map.of("requirements", "限期整改")));
        List<String> responds = opened.stream().map(c -> taskOf(c.id(), CaseTasks.RESPOND)).toList();
        double respond = statements("respond", n, i -> tasks.complete(opened.get(i).respondent(), responds.get(i),
                Map.of("report", "已整改")));
        List<String> verifies = opened.stream().map(c -> taskOf(c.id(), CaseTasks.VERIFY)).toList();
        double verify = statements("verify_close", n, i -> tasks.complete(opened.get(i).office(), verifies.get(i),
                Map.of("accepted", true)));
        put("sql_per_completion_issue_order", order);
        put("sql_per_completion_respond", respond);
        put("sql_per_completion_verify_close", verify);
        put("sql_per_completion", (order + respond + verify) / 3);
        put("sql_per_completion_max", Math.max(order, Math.max(respond, verify)));

        List<String> bare = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            bare.add(bareStart());
        }
        double bOrder = statements("bare_issue_order", n, i -> bareComplete(bare.get(i), CaseVariables.deadline(calendar,
                LocalDate.now().plusDays(30)).asMap()));
        double bRespond = statements("bare_respond", n, i -> bareComplete(bare.get(i), Map.of(CaseVariables.SITE_SHUT_DOWN.name(), false)));
        double bVerify = statements("bare_verify_close", n, i -> bareComplete(bare.get(i), Map.of(CaseVariables.ACCEPTED.name(), true,
                CaseVariables.REJECTION_COUNT.name(), 0, CaseVariables.FLAGGED_SERIOUS.name(), false,
                CaseVariables.REVIEW_PENDING.name(), false)));
        put("sql_per_bare_completion", (bOrder + bRespond + bVerify) / 3);
        put("sql_per_bare_completion_verify_close", bVerify);
    }

    // ---- timers -----------------------------------------------------------------------------

    /**
     * Cases waiting for a response, their reminder and deadline timers all made due at once by
     * moving the clock; the job executor (production settings) fires them. Product first, then
     * bare, each measured from start to the last of its timers gone. Beside them lie 1M timers of
     * a province that are not due yet (bulk-loaded, due in a year), which every acquisition must
     * pass over.
     */
    private void timers(JobExecutor jobs) throws Exception {
        jdbc.update("delete from act_ru_job where handler_type_ = 'timer-transition'"); // none expected; keep the count clean
        jdbc.update("""
                insert into act_ru_job (id_, rev_, type_, exclusive_, execution_id_, process_instance_id_, process_def_key_,
                                        retries_, duedate_, handler_type_, handler_cfg_, deployment_id_, suspension_state_,
                                        priority_, sequence_counter_, create_time_)
                select 'pending-' || n, 1, 'timer', true, 'pending-' || n, 'pending-' || n, 'pendingTimers', 3,
                       now() + interval '365 days' + (n || ' seconds')::interval, 'timer-transition', 'Timer_Deadline',
                       (select deployment_id_ from act_re_procdef where key_ = ? order by version_ desc limit 1), 1, 0, 1, now()
                from generate_series(1, ?) n""", CaseProcess.KEY, PENDING_TIMERS);
        jdbc.execute("vacuum analyze act_ru_job");
        put("pending_timers", jdbc.queryForObject("select count(*) from act_ru_job where process_def_key_ = 'pendingTimers'",
                Long.class));
        // paired rounds, as for openings: a product batch then a bare one, each pair on the same machine
        double[] productRates = new double[TIMER_ROUNDS];
        double[] bareRates = new double[TIMER_ROUNDS];
        long fired = 0;
        for (int round = 0; round < TIMER_ROUNDS; round++) {
            parallel(TIMER_CASES, i -> {
                String caseId = open(i);
                tasks.complete(OFFICES[i % OFFICES.length], taskOf(caseId, CaseTasks.ISSUE_ORDER),
                        Map.of("requirements", "限期整改", "periodWorkingDays", 1));
            });
            long productTimers = timerJobs(CaseProcess.KEY);
            productRates[round] = fireDueTimers(jobs, CaseProcess.KEY, productTimers);
            // waitForTimers names the delivery jobs by their type; were that name out of date, the
            // batch would end before its deliveries and the rate would be wrong, so say so instead
            Long undelivered = jdbc.queryForObject("select count(*) from notification where sent_at is null", Long.class);
            if (undelivered != null && undelivered > 0) {
                throw new IllegalStateException(undelivered + " notifications undelivered after a batch of timers: "
                        + "is 'rectify-notification-delivery' still the delivery job's type?");
            }
            // what a fired timer costs, job acquisition included (the same in every round)
            put("sql_per_timer", statementsSinceReset("timer", productTimers));
            fired += productTimers;

            parallel(TIMER_CASES, i -> {
                String instance = bareStart();
                bareComplete(instance, CaseVariables.deadline(calendar, LocalDate.now().plusDays(1)).asMap());
            });
            long bareTimers = timerJobs(BARE);
            bareRates[round] = fireDueTimers(jobs, BARE, bareTimers);
            put("sql_per_bare_timer", statementsSinceReset("bare_timer", bareTimers));
        }
        put("timers_fired", fired);
        putPaired(productRates, bareRates, "timers_per_s", "bare_timers_per_s", "timers_ratio");
        put("failed_jobs", jdbc.queryForObject("select count(*) from act_ru_job where retries_ = 0", Long.class));
        jdbc.update("delete from act_ru_job where process_def_key_ = 'pendingTimers'");
    }

    /** Makes the timers due (the engine's clock 40 days on), runs the job executor until they are gone: timers per second. */
    private double fireDueTimers(JobExecutor jobs, String processKey, long timers) throws InterruptedException {
        settle();
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(40, ChronoUnit.DAYS)));
        jdbc.execute("select pg_stat_statements_reset()");
        long started = System.nanoTime();
        jobs.start();
        waitForTimers(processKey);
        double rate = timers / seconds(started);
        jobs.shutdown();
        ClockUtil.reset();
        return rate;
    }

    /**
     * What autovacuum does in production between the moments measured here: statistics of the
     * tables as they are now. This machine's PostgreSQL runs with autovacuum off (its CI setup),
     * so without this the planner sees the tables as they were when the run began: before the
     * timers fire it planned the job acquisition for a table with nothing due, and the engine's
     * variable read of an execution for a table with no rows (17 ms a call beside 1M pending
     * timers, against 0.1 ms). Called after the warm-up and before timers fall due; in production
     * those timers were set days before and the job table is analyzed after 1,000 changes
     * (migration 16).
     */
    private void settle() {
        jdbc.execute("analyze");
    }

    private long timerJobs(String processKey) {
        return jdbc.queryForObject("select count(*) from act_ru_job where type_ = 'timer' and process_def_key_ = ?",
                Long.class, processKey);
    }

    private void waitForTimers(String processKey) throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        // The product's reminders and escalations write notifications, each delivered by a job of its
        // own (the outbox): a deadline is done when its notification is out, and a delivery left
        // undone would run in the next round's window. The comment keeps this polling out of the
        // statements counted per timer; the due date bound (a delivery is due when it is written, on
        // the engine's clock) keeps it to an index range, not a scan of the 1M pending timers.
        Date dueBy = Date.from(ClockUtil.getCurrentTime().toInstant().plus(1, ChronoUnit.DAYS));
        while (jdbc.queryForObject("/* bench-poll */ select count(*) from act_ru_job where duedate_ <= ?"
                + " and (process_def_key_ = ? or handler_type_ = 'rectify-notification-delivery') and retries_ > 0",
                Long.class, dueBy, processKey) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timers not done after 10 minutes");
            }
            Thread.sleep(20);
        }
    }

    // ---- the inbox at 100k open tasks -------------------------------------------------------

    /**
     * 100k open tasks (bulk-loaded) spread over 600 bodies, each task with the candidate group
     * of its body, half of them also with the provincial office's: the same rows in work_item
     * (the product's inbox) and in ACT_RU_TASK/ACT_RU_IDENTITYLINK (the engine's task query).
     */
    private void inbox() {
        jdbc.update("""
                insert into act_ru_task (id_, rev_, name_, task_def_key_, priority_, create_time_, due_date_,
                                         suspension_state_)
                select 'bench-task-' || n, 1, '提交整改报告', 'respond', 50, now() - (n || ' minutes')::interval,
                       case when n % 5 = 0 then null else now() + ((n % 900) || ' hours')::interval end, 1
                from generate_series(1, ?) n""", OPEN_TASKS);
        jdbc.update("""
                insert into act_ru_identitylink (id_, rev_, group_id_, type_, task_id_)
                select 'bench-link-' || n, 1, 'org:BENCH-' || (n % 600), 'candidate', 'bench-task-' || n
                from generate_series(1, ?) n
                union all
                select 'bench-link-p' || n, 1, 'org:BENCH-PROVINCE', 'candidate', 'bench-task-' || n
                from generate_series(1, ?) n where n % 2 = 0""", OPEN_TASKS, OPEN_TASKS);
        jdbc.update("""
                insert into work_item (task_id, candidate_group, case_id, case_number, process_instance_id, task_key,
                                       form_key, name, due, created_at)
                select t.id_, l.group_id_, 'bench-case-' || t.id_, '基准〔2026〕' || t.id_, 'bench', t.task_def_key_,
                       'respond-A33-09', t.name_, t.due_date_, t.create_time_
                from act_ru_task t join act_ru_identitylink l on l.task_id_ = t.id_
                where t.id_ like 'bench-task-%'""");
        jdbc.execute("analyze act_ru_task");
        jdbc.execute("analyze act_ru_identitylink");
        jdbc.execute("analyze work_item");
        Random random = new Random(5);
        Actor[] bodies = new Actor[600];
        for (int i = 0; i < bodies.length; i++) {
            bodies[i] = new Actor("bench", Role.RESPONDER, "BENCH-" + i, OrgKind.DEPARTMENT, "JX");
        }
        put("inbox_rows_per_body", tasks.inbox(bodies[1]).size());
        Percentiles inbox = sample(() -> tasks.inbox(bodies[random.nextInt(bodies.length)]));
        Percentiles bare = sample(() -> engine.getTaskService().createTaskQuery()
                .taskCandidateGroup("org:BENCH-" + random.nextInt(600)).active().list());
        put("inbox_p50_ms_100k", inbox.p50);
        put("inbox_p95_ms_100k", inbox.p95);
        put("inbox_p99_ms_100k", inbox.p99);
        put("bare_task_query_p50_ms_100k", bare.p50);
        put("bare_task_query_p95_ms_100k", bare.p95);
        put("bare_task_query_p99_ms_100k", bare.p99);
        // the body that is a candidate of half of them (50,000 tasks): its first 50, most urgent first
        Actor province = new Actor("bench", Role.SUPERVISOR, "BENCH-PROVINCE", OrgKind.OFFICE, "JX");
        Percentiles top = sample(() -> tasks.inbox(province, 50));
        put("inbox_top50_of_50k_p95_ms", top.p95);
    }

    // ---- the case list at 100k and 1M cases -------------------------------------------------

    private boolean provinceLoaded;

    /** The province of the case list and the mixed load, once: its cities and bodies, and its first 100k cases. */
    private void province() {
        if (provinceLoaded) {
            return;
        }
        provinceLoaded = true;
        // a province: 10 cities under JX, each with an office and 50 departments (600 bodies with the demo ones)
        cities(CASE_LIST_CASES, "基准", "Bench", 50);
        jdbc.update("""
                insert into website (url, name, org_code)
                select 'https://b' || c || '-d' || d || '.example.gov.cn', '基准网站', 'B' || c || '-D' || d
                from generate_series(1, 10) c, generate_series(1, 50) d""");
        loadCases(1, 100_000);
    }

    private void caseList100k() {
        province();
        Map<String, Percentiles> at100k = listSamples();
        put("case_list_p50_ms_100k", at100k.get("all").p50);
        put("case_list_p95_ms_100k", at100k.get("all").p95);
    }

    private boolean millionLoaded;

    private void caseList1m() {
        province();
        million();
        Map<String, Percentiles> at1m = listSamples();
        put("case_list_p50_ms_1m", at1m.get("all").p50);
        put("case_list_p95_ms_1m", at1m.get("all").p95);
        put("case_list_p99_ms_1m", at1m.get("all").p99);
        at1m.forEach((who, p) -> put("case_list_p95_ms_1m_" + who, p.p95));
        put("cases_in_database", jdbc.queryForObject("select count(*) from rectification_case", Long.class));
    }

    /** The province's cases up to -Dbench.cases (1M), once. */
    private void million() {
        if (!millionLoaded) {
            millionLoaded = true;
            loadCases(100_001, CASES);
        }
    }

    // ---- the scorecards at 1M cases ---------------------------------------------------------

    /**
     * The evaluation's scorecards as the target names them: 1M cases over ten years, 600 bodies
     * (src/docs/stats.md). The cases and bodies are the phase's own, apart from the case list's
     * (whose 1M cases span five years): ten cities S1–S10 in the province, an office and 59
     * departments each, cases opened 2010–2019; the lifecycles' bodies that no lifecycle used are
     * removed first, as the mixed load does. Run alone (-Dbench.phases=stats), the province then
     * holds these 600 bodies and the demo's few. The province office reads the whole province, as
     * in production (no region condition); its scorecard of every body for 2019 (100k cases
     * opened in the year), one department's and one city's, straight from the case rows (no
     * cache: a case closed a second ago counts). The years lie before the case list's, so in a
     * whole run its rows are outside the measured year's ranges (its bodies are not).
     */
    private void scorecards() {
        statsProvince();
        Period year = Period.year(2019);
        Actor province = OFFICES[0];
        Actor department = new Actor("bench", Role.RESPONDER, "S3-D7", OrgKind.DEPARTMENT, "S3");
        List<Scorecard> cards = scorecards.byBody(province, year);
        put("scorecard_province_bodies", cards.size());
        put("scorecard_province_opened", cards.stream().mapToLong(Scorecard::opened).sum());
        put("scorecard_province_cases", jdbc.queryForObject("select count(*) from rectification_case", Long.class));
        Percentiles provinceCard = sample(() -> scorecards.byBody(province, year), 40);
        put("scorecard_province_p50_ms", provinceCard.p50);
        put("scorecard_province_p95_ms", provinceCard.p95);
        Percentiles bodyCard = sample(() -> scorecards.byBody(department, year), QUERY_SAMPLES);
        put("scorecard_body_p50_ms", bodyCard.p50);
        put("scorecard_body_p95_ms", bodyCard.p95);
        Percentiles city = sample(() -> scorecards.byBody(
                new Actor("bench", Role.SUPERVISOR, "S3-OFFICE", OrgKind.OFFICE, "S3"), year), 100);
        put("scorecard_city_p95_ms", city.p95);
    }

    /** The scorecards' cities S1–S10: 600 bodies, 1M cases from 2010 to 2019 (-Dbench.cases). */
    private void statsProvince() {
        jdbc.update("delete from organization where code like 'LC-%' and cast(substring(code from 4) as integer) >= ?",
                lifecycleBodies.get());
        // 590 departments: with the ten offices, 600 bodies; the 59th of each city has no case
        cities(STATS_CASES, "统计", "Stats", 59);
        loadCases(STATS_CASES, 1, CASES);
    }

    /**
     * Where bulk-loaded cases go: ids {@code idPrefix} + the row number, cities {@code cityPrefix}1–10
     * with {@code departments} departments each, the n-th opened {@code secondsApart} × n seconds
     * after {@code firstDay} (Asia/Shanghai), every seventh by {@code provinceOffice}.
     */
    private record BulkCases(String idPrefix, String cityPrefix, String numberPrefix, String provinceOffice,
                             String firstDay, int secondsApart, int departments) {
    }

    /** The case list's province: B1–B10, 50 departments each, a case every 150 s from 2021 (five years at 1M). */
    private static final BulkCases CASE_LIST_CASES = new BulkCases("bench-", "B", "基", "JX-GOV-OFFICE", "2021-01-01", 150, 50);

    /** The scorecards' province: S1–S10, 58 departments of each with cases, a case every 315 s from 2010 (ten years at 1M). */
    private static final BulkCases STATS_CASES = new BulkCases("bench-s-", "S", "统", "JX-GOV-OFFICE", "2010-01-01", 315, 58);

    /**
     * Ten cities {@code to.cityPrefix()}1–10 under JX, each with an office (its case numbers
     * {@code to.numberPrefix()}) and {@code departments} departments, named from {@code nameZh}
     * and {@code nameEn}.
     */
    private void cities(BulkCases to, String nameZh, String nameEn, int departments) {
        String city = to.cityPrefix();
        jdbc.update("""
                insert into region (code, name_zh, name_en, parent_code)
                select ? || c, ? || c, ? || c, 'JX' from generate_series(1, 10) c""",
                city, nameZh + "市", nameEn + " city ");
        jdbc.update("""
                insert into organization (code, name_zh, name_en, kind, region_code, case_prefix)
                select ? || c || '-OFFICE', ? || c, ? || c, 'OFFICE', ? || c, ? || c || '整改'
                from generate_series(1, 10) c""",
                city, nameZh + "市政府办", nameEn + " office ", city, to.numberPrefix());
        jdbc.update("""
                insert into organization (code, name_zh, name_en, kind, region_code, case_prefix)
                select ? || c || '-D' || d, ? || c || '-' || d, ? || c || '-' || d, 'DEPARTMENT', ? || c, null
                from generate_series(1, 10) c, generate_series(1, ?) d""",
                city, nameZh + "单位", nameEn + " body ", city, departments);
    }

    private void loadCases(int from, int to) {
        loadCases(CASE_LIST_CASES, from, to);
    }

    /**
     * Cases a few minutes apart: 70% closed, the rest in the other states, 5% escalated, in 10 cities.
     * Status, category and escalation are drawn independently of the city and the body (a hash
     * of the row number, each with its own salt): drawn from the same {@code n % 10} as the city,
     * every case of a city had one status and one category, and a city office filtering for any
     * other found nothing only after scanning all 1M rows — a property of the data, not the query.
     * The prefixes are the benchmark's constants, never input.
     */
    private void loadCases(BulkCases to, int from, int until) {
        jdbc.update("""
                insert into rectification_case (id, case_number, category_code, respondent_org_code, region_code,
                    opened_by_org_code, opened_by, title, description, website_url, source, status, outcome,
                    requirements, deadline, overdue_marked, flagged_serious, serious_reason, repeat_violation,
                    escalated, escalation_reason, review_status, rectification_accepted, rejection_count,
                    extension_used, created_at, closed_at, version, ordered_on, rectified_on_time,
                    rectification_working_days, escalated_on, extension_granted_on)
                select '%1$s' || lpad(n::text, 8, '0'), '%3$s' || (n %% 10 + 1) || '整改〔' || n || '〕号',
                       'A33-' || lpad((category + 1)::text, 2, '0'), '%2$s' || (n %% 10 + 1) || '-D' || (n / 10 %% %7$d + 1),
                       '%2$s' || (n %% 10 + 1), case when n %% 7 = 0 then '%4$s' else '%2$s' || (n %% 10 + 1) || '-OFFICE' end,
                       'bench', '基准案件 ' || n, '网站栏目长期未更新', null, 'INSPECTION',
                       case when state < 7 then 'CLOSED' when state = 7 then 'ORDERED' when state = 8 then 'RESPONDED'
                            else 'DETECTED' end,
                       case when state < 7 then 'RECTIFIED' end, null,
                       case when state = 7 then date '2026-01-01' + (n %% 700) end, false, false, null, false,
                       escalated, case when escalated then 'OVERDUE' end,
                       case when escalated then 'PENDING' else 'NONE' end, false, 0, false,
                       opened_at,
                       case when state < 7 then opened_at + interval '86400 seconds' end,
                       0,
                       case when state < 9 then opened_on end,
                       case when state < 7 then abs(hashtext(n || 'onTime')) %% 10 < 8 end,
                       case when state < 7 then abs(hashtext(n || 'days')) %% 30 + 1 end,
                       case when escalated then opened_on + 5 end,
                       case when state < 9 and abs(hashtext(n || 'extension')) %% 12 = 0 then opened_on + 3 end
                from generate_series(?, ?) n,
                     lateral (select timestamptz '%5$s 00:00:00+08' + (n * %6$d || ' seconds')::interval as opened_at) t,
                     lateral (select abs(hashtext(n || 'state')) %% 10 as state, abs(hashtext(n || 'category')) %% 10 as category,
                                     abs(hashtext(n || 'escalated')) %% 20 = 0 as escalated,
                                     (opened_at at time zone 'Asia/Shanghai')::date as opened_on) drawn"""
                .formatted(to.idPrefix(), to.cityPrefix(), to.numberPrefix(), to.provinceOffice(), to.firstDay(),
                        to.secondsApart(), to.departments()), from, until);
        jdbc.execute("vacuum analyze rectification_case");
        // the bulk load's dirty pages are written now, not by a checkpoint in the middle of the samples
        jdbc.execute("checkpoint");
    }

    private Map<String, Percentiles> listSamples() {
        LocalDate today = cases.today();
        Map<String, Actor> who = new LinkedHashMap<>();
        who.put("province_office", OFFICES[0]);
        who.put("city_office", new Actor("bench", Role.SUPERVISOR, "B3-OFFICE", OrgKind.OFFICE, "B3"));
        who.put("department", new Actor("bench", Role.RESPONDER, "B3-D7", OrgKind.DEPARTMENT, "B3"));
        who.put("province_supervision", new Actor("jx.supervision", Role.SUPERVISION, "JX-SUPERVISION",
                OrgKind.SUPERVISION, "JX"));
        CaseFilter[] filters = {new CaseFilter(null, null, null, null, null),
                new CaseFilter(CaseStatus.ORDERED, null, null, null, null),
                new CaseFilter(null, null, null, null, true),
                new CaseFilter(null, "A33-03", null, null, null)};
        Map<String, Percentiles> found = new LinkedHashMap<>();
        List<Double> all = new ArrayList<>();
        Random random = new Random(7);
        for (Map.Entry<String, Actor> actor : who.entrySet()) {
            List<Double> mine = new ArrayList<>();
            for (int i = 0; i < QUERY_SAMPLES / who.size(); i++) {
                CaseFilter filter = filters[random.nextInt(filters.length)];
                long t0 = System.nanoTime();
                CaseSearch.Result page = search.find(actor.getValue(), filter, null, 0, 20, today);
                views.of(actor.getValue(), page.items());
                // and a few pages further on by the keyset cursor, as a person paging through
                for (int p = 0; p < 3 && page.next() != null; p++) {
                    page = search.find(actor.getValue(), filter, page.next(), 0, 20, today);
                    views.of(actor.getValue(), page.items());
                }
                mine.add((System.nanoTime() - t0) / 1e6 / 4);
            }
            found.put(actor.getKey(), new Percentiles(mine));
            all.addAll(mine);
        }
        found.put("all", new Percentiles(all));
        return found;
    }

    // ---- the case list as a file ------------------------------------------------------------

    /**
     * The province office's whole list (the 100k bulk-loaded cases and those opened before) as XLSX,
     * over HTTP as a person downloads it, in this JVM's heap (512 MB in -Pbench): the seconds from
     * the request to the last byte, the rows the export wrote (from its audit entry), and the most
     * heap in use while it ran, sampled every 20 ms (information: the streaming workbook keeps a
     * window of rows, the rest goes to a temporary file, so it stays near the heap before).
     */
    private void export100k() throws Exception {
        province();
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        double before = (runtime.totalMemory() - runtime.freeMemory()) / 1024.0 / 1024.0;
        double[] most = {before};
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                most[0] = Math.max(most[0], (runtime.totalMemory() - runtime.freeMemory()) / 1024.0 / 1024.0);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/cases/export?format=xlsx"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("jx.office:Demo@2026".getBytes(StandardCharsets.UTF_8)))
                .header("Accept-Language", "zh-CN").GET().build();
        Path file = Path.of("target", "bench", "export-100k.xlsx");
        Files.createDirectories(file.getParent());
        long jvmCpu = jvmCpuNanos();
        long serverCpu = serverCpuNanos();
        long started = System.nanoTime();
        java.net.http.HttpResponse<Path> response = http.send(request, java.net.http.HttpResponse.BodyHandlers.ofFile(file));
        double took = seconds(started);
        // the CPU it cost, which a machine shared with other work does not stretch as it does the wall time
        put("export_jvm_cpu_s", (jvmCpuNanos() - jvmCpu) / 1e9);
        put("export_server_cpu_s", (serverCpuNanos() - serverCpu) / 1e9);
        running.set(false);
        sampler.join();
        if (response.statusCode() != 200) {
            throw new AssertionError("export answered " + response.statusCode() + ": " + Files.readString(file));
        }
        put("export_100k_rows_s", took);
        String audited = jdbc.queryForObject("select detail from audit_entry where actor = 'jx.office'"
                + " and action = 'CASES_EXPORTED' order by id desc fetch first 1 rows only", String.class);
        put("export_rows", Long.parseLong(audited.replaceAll(".*: (\\d+) row\\(s\\)$", "$1")));
        put("export_xlsx_mb", Files.size(file) / 1024.0 / 1024.0);
        put("export_heap_before_mb", before);
        put("export_heap_max_mb", most[0]);
    }

    // ---- a province's staff at once ---------------------------------------------------------

    private static final String[] MIXED_CATEGORIES = {"A33-09", "A33-10", "A33-03"};

    /**
     * A province's staff at once on this node over HTTP (loopback; the load generator runs in this
     * JVM beside the node): MIXED_USERS people of the ten city offices, 200 of the bulk-loaded
     * departments and the eleven supervision bodies, a quarter, two thirds and a tenth of them, each
     * half through the pages and half through the API (see {@link MixedLoad}), with the province's
     * 100k bulk-loaded cases and MIXED_OPEN_CASES cases opened through the product beforehand, at
     * every stage of their lifecycle (so offices have orders to issue and reports to verify,
     * departments orders to answer, supervision escalated cases to review). The job executor runs,
     * as on a production node. Then a second run, going on with the same people, steps them up
     * (or down) to where the p95 passes 100 ms: the knee.
     *
     * <p>Sizes: -Dbench.mixed.users (500), -Dbench.mixed.seconds (120), -Dbench.mixed.signInsPerSecond
     * (5), -Dbench.mixed.openCases (3000), -Dbench.mixed.kneeSteps (50,100,200,300,400,500,600,750,1000,1500,2000;
     * empty: no knee), -Dbench.mixed.kneeSeconds (30).
     */
    private void mixedLoad(JobExecutor jobs) throws Exception {
        province();
        // a province has some 600 bodies; the lifecycles' own bodies that no lifecycle used would make
        // its directory ten times that, and the pages that name bodies read the whole directory
        jdbc.update("delete from organization where code like 'LC-%' and cast(substring(code from 4) as integer) >= ?",
                lifecycleBodies.get());
        jdbc.update("""
                insert into organization (code, name_zh, name_en, kind, region_code, case_prefix)
                select 'B' || c || '-SUPERVISION', '基准市监委' || c, 'Bench supervision ' || c, 'SUPERVISION', 'B' || c, null
                from generate_series(1, 10) c
                where not exists (select 1 from organization where code = 'B' || c || '-SUPERVISION')""");
        put("mixed_load_bodies", jdbc.queryForObject("select count(*) from organization", Long.class));
        // the city offices, not the province's: its inbox holds what the earlier phases opened (a
        // thousand orders to issue in a full run), which would make this figure depend on them
        List<String> offices = new ArrayList<>();
        List<String> supervision = new ArrayList<>(List.of("JX-SUPERVISION"));
        List<String> departments = new ArrayList<>();
        for (int c = 1; c <= 10; c++) {
            offices.add("B" + c + "-OFFICE");
            supervision.add("B" + c + "-SUPERVISION");
        }
        for (int d = 1; d <= 20; d++) {
            for (int c = 1; c <= 10; c++) {
                departments.add("B" + c + "-D" + d);
            }
        }
        long started = System.nanoTime();
        parallel(MIXED_OPEN_CASES, i -> openForMixedLoad(i, offices));
        put("mixed_load_open_cases_prepared", MIXED_OPEN_CASES);
        put("mixed_load_prepare_s", seconds(started));

        int[] steps = MIXED_KNEE_STEPS.isBlank() ? new int[0]
                : Arrays.stream(MIXED_KNEE_STEPS.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
        List<MixedLoad.Account> accounts = mixedAccounts(Math.max(MIXED_USERS, Arrays.stream(steps).max().orElse(0)),
                offices, departments, supervision);
        settle();
        jobs.start();
        try (MixedLoad load = new MixedLoad(port, 42)) {
            double p95 = mixedRun(load, accounts.subList(0, MIXED_USERS));
            if (steps.length > 0) {
                knee(load, accounts, steps, p95);
            }
            load.stop();
            long unexplained = unexplainedConflicts(load.conflictTasks());
            put("mixed_load_conflicts_unexplained", unexplained);
            put("mixed_load_errors", ((Number) results.get("mixed_load_errors")).doubleValue() + unexplained);
        } finally {
            jobs.shutdown();
        }
    }

    /** A case opened by a city office against one of the city's departments, taken to a stage by i. */
    private void openForMixedLoad(int i, List<String> offices) {
        String officeCode = offices.get(i % offices.size());
        String city = officeCode.substring(0, officeCode.indexOf('-'));
        String respondentCode = city + "-D" + (i / offices.size() % 20 + 1);
        Actor office = new Actor("bench", Role.SUPERVISOR, officeCode, OrgKind.OFFICE, city);
        Actor respondent = new Actor("bench", Role.RESPONDER, respondentCode, OrgKind.DEPARTMENT, city);
        String category = MIXED_CATEGORIES[i % MIXED_CATEGORIES.length];
        boolean serious = i % 20 == 0; // escalated at opening: the supervision bodies' review queues
        String id = cases.open(office, new OpenCase(category, respondentCode, "混合负载案件 " + i, "网站栏目长期未更新",
                null, CaseSource.INSPECTION, serious, serious ? "屡查屡犯，影响恶劣" : null)).id();
        int stage = i % 6; // a sixth to be ordered, four sixths to be answered, a sixth to be verified
        if (stage >= 1) {
            tasks.complete(office, taskOf(id, CaseTasks.ISSUE_ORDER), Map.of("requirements", "限期整改"));
        }
        if (stage == 5) {
            tasks.complete(respondent, taskOf(id, CaseTasks.RESPOND), category.equals("A33-03")
                    ? Map.of("report", "已整改", "publishedUrls", "https://www.example.gov.cn/gk/1")
                    : Map.of("report", "已整改"));
        }
    }

    /**
     * n accounts with the demo password, written as an administrator's approved accounts are:
     * even ones use the pages, odd ones the API; of each door, per 20 people 5 work in an office,
     * 13 in a department, 2 in a supervision body, each group spread evenly over its bodies.
     */
    private List<MixedLoad.Account> mixedAccounts(int n, List<String> offices, List<String> departments,
                                                  List<String> supervision) {
        String hash = jdbc.queryForObject("select password_hash from app_user where username = 'jx.office'", String.class);
        List<MixedLoad.Account> accounts = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        int[] perGroup = new int[MixedLoad.Group.values().length];
        for (int i = 0; i < n; i++) {
            int slot = i / 2 % 20;
            MixedLoad.Group group = slot < 5 ? MixedLoad.Group.OFFICE
                    : slot < 18 ? MixedLoad.Group.DEPARTMENT : MixedLoad.Group.SUPERVISION;
            int k = perGroup[group.ordinal()]++;
            String org;
            String role;
            List<String> respondents = List.of();
            switch (group) {
                case OFFICE -> {
                    org = offices.get(k % offices.size());
                    role = Role.SUPERVISOR.name();
                    String city = org.substring(0, org.indexOf('-') + 1);
                    respondents = departments.stream().filter(d -> d.startsWith(city)).toList();
                }
                case DEPARTMENT -> {
                    org = departments.get(k % departments.size());
                    role = Role.RESPONDER.name();
                }
                default -> {
                    org = supervision.get(k % supervision.size());
                    role = Role.SUPERVISION.name();
                }
            }
            String username = "mixed." + i;
            rows.add(new Object[] {username, hash, "混合负载用户 " + i, role, org});
            accounts.add(new MixedLoad.Account(username, "Demo@2026", group,
                    i % 2 == 0 ? MixedLoad.Door.PAGES : MixedLoad.Door.API, respondents));
        }
        jdbc.update("delete from app_user where username like 'mixed.%'");
        jdbc.batchUpdate("""
                insert into app_user (username, password_hash, display_name, role, org_code, enabled, created_at,
                                      password_changed_at)
                values (?, ?, ?, ?, ?, true, now(), now())""", rows);
        return accounts;
    }

    /** The people all at once: their sign-ins, then MIXED_SECONDS measured; the p95. */
    private double mixedRun(MixedLoad load, List<MixedLoad.Account> accounts) throws Exception {
        long signInsStarted = System.nanoTime();
        load.add(accounts, signIns(accounts.size()));
        put("mixed_load_sign_in_s", seconds(signInsStarted));
        long jvmCpu = jvmCpuNanos();
        long serverCpu = serverCpuNanos();
        MixedLoad.Result run = load.measure(Duration.ofSeconds(MIXED_SECONDS));
        // where the cores went while measured: this JVM (the node and the load generator) and
        // PostgreSQL, in all and per request: on 2 cores, 2,000 ms / (their sum) requests a second at most
        double jvmMs = (jvmCpuNanos() - jvmCpu) / 1e6;
        double serverMs = (serverCpuNanos() - serverCpu) / 1e6;
        put("mixed_load_jvm_cpu_cores", jvmMs / 1000 / run.seconds());
        put("mixed_load_server_cpu_cores", serverMs / 1000 / run.seconds());
        put("mixed_load_jvm_cpu_ms_per_request", jvmMs / Math.max(1, run.requests()));
        put("mixed_load_server_cpu_ms_per_request", serverMs / Math.max(1, run.requests()));
        put("mixed_load_users", run.users());
        put("mixed_load_seconds", run.seconds());
        put("mixed_load_requests", run.requests());
        put("mixed_load_requests_per_s", run.requestsPerSecond());
        put("mixed_load_p50_ms", run.p50());
        put("mixed_load_p95_ms", run.p95());
        put("mixed_load_p99_ms", run.p99());
        // a refused sign-in is an error too, though not within the measured window
        put("mixed_load_errors", run.errors() + load.failedSignIns());
        put("mixed_load_failed_sign_ins", load.failedSignIns());
        put("mixed_load_conflicts", run.conflicts());
        put("mixed_load_tasks_completed", run.submissions());
        put("mixed_load_sign_in_p95_ms", load.signInP95());
        Map.Entry<String, MixedLoad.Kind> slowest = run.slowest();
        results.put("mixed_load_slowest", slowest.getKey());
        put("mixed_load_slowest_p95_ms", slowest.getValue().p95());
        run.kinds().forEach((kind, k) -> {
            put("mixed_load_p95_ms_" + kind, k.p95());
            put("mixed_load_requests_" + kind, k.requests());
        });
        run.errorSamples().forEach(e -> System.out.println("  mixed load error: " + e));
        return run.p95();
    }

    private static Duration signIns(int people) {
        return Duration.ofMillis(1000L * people / MIXED_SIGN_INS_PER_SECOND);
    }

    /**
     * The second run, going on from the first with the same people: when their p95 was within 100
     * ms, more people up to each greater step (their sign-ins first), each measured for
     * MIXED_KNEE_SECONDS, until a step passes 100 ms; when it was not, fewer people down to each
     * smaller step, until a step is within it. mixed_load_knee_users is the fewest people measured
     * whose p95 passed 100 ms (0: none up to the last step).
     */
    private void knee(MixedLoad load, List<MixedLoad.Account> accounts, int[] steps, double firstP95)
            throws Exception {
        long started = System.nanoTime();
        Map<Integer, Double> p95s = new TreeMap<>(Map.of(MIXED_USERS, firstP95));
        boolean up = firstP95 <= 100;
        int[] next = up ? Arrays.stream(steps).filter(n -> n > MIXED_USERS).sorted().toArray()
                : Arrays.stream(steps).filter(n -> n < MIXED_USERS).boxed().sorted(Comparator.reverseOrder())
                        .mapToInt(Integer::intValue).toArray();
        for (int step : next) {
            if (up) {
                load.add(accounts.subList(load.users(), step), signIns(step - load.users()));
            } else {
                load.shrinkTo(step);
                Thread.sleep(15_000); // the queue of the overloaded node drains first
            }
            MixedLoad.Result run = load.measure(Duration.ofSeconds(MIXED_KNEE_SECONDS));
            p95s.put(step, run.p95());
            put("mixed_load_knee_p95_ms_at_" + step, run.p95());
            put("mixed_load_knee_requests_per_s_at_" + step, run.requestsPerSecond());
            put("mixed_load_knee_errors_at_" + step, run.errors());
            if (up == run.p95() > 100) {
                break;
            }
        }
        put("mixed_load_knee_users", p95s.entrySet().stream().filter(e -> e.getValue() > 100)
                .mapToInt(Map.Entry::getKey).min().orElse(0));
        put("mixed_load_knee_s", seconds(started));
    }

    /** Of the tasks a task endpoint answered 404 or 409 for, those not completed by anyone: errors, not races. */
    private long unexplainedConflicts(Set<String> taskIds) {
        if (taskIds.isEmpty()) {
            return 0;
        }
        Long completed = jdbc.queryForObject("select count(*) from act_hi_taskinst where end_time_ is not null"
                + " and id_ = any(?)", Long.class, (Object) taskIds.toArray(String[]::new));
        return taskIds.size() - completed;
    }

    // ---- documents --------------------------------------------------------------------------

    @Autowired Documents documents;
    @Autowired ApplicationEventPublisher events;
    @Autowired PlatformTransactionManager transactions;

    /**
     * The official documents (-Dbench.phases=documents): what issuing the order's document adds to
     * the completion of issueOrder (statements; rendered and stored in its transaction, as the
     * listener does it when the order is issued), the time of that, warm, and a case file of a
     * case with 10 documents and 20 records.
     */
    private void documents() throws Exception {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        List<LifecycleCase> ordered = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            LifecycleCase c = openForLifecycle(i);
            tasks.complete(c.office(), taskOf(c.id(), CaseTasks.ISSUE_ORDER), Map.of("requirements", "限期整改"));
            ordered.add(c);
        }
        // the order's document once more, as issueOrder's transaction issues it: its statements alone
        IntConsumer issue = i -> tx.executeWithoutResult(status -> events.publishEvent(
                new OrderIssued(ordered.get(i % ordered.size()).id(), ordered.get(i % ordered.size()).office().username())));
        for (int i = 0; i < 20; i++) {
            issue.accept(i); // warm: templates, fonts, the JIT
        }
        // pg_stat_statements counts them when the server loads it (src/bench/setup-postgres.sh)
        if (Boolean.TRUE.equals(jdbc.queryForObject(
                "select current_setting('shared_preload_libraries') like '%pg_stat_statements%'", Boolean.class))) {
            put("sql_per_completion_order", statements("order_document", ordered.size(), issue));
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            long started = System.nanoTime();
            issue.accept(i);
            millis.add((System.nanoTime() - started) / 1e6);
        }
        millis.sort(Comparator.naturalOrder());
        put("order_pdf_p95_ms", millis.get(94));
        put("order_pdf_median_ms", millis.get(49));
        put("order_pdf_bytes", documents.latest(ordered.get(0).id(), DocumentKind.ORDER).orElseThrow().size());

        // a case with 10 documents and 20 records
        LifecycleCase big = ordered.get(0);
        int documentsNow = jdbc.queryForObject("select count(*) from case_document where case_id = ?", Integer.class, big.id());
        for (int i = documentsNow; i < 10; i++) {
            tx.executeWithoutResult(status -> events.publishEvent(new OrderIssued(big.id(), big.office().username())));
        }
        int recordsNow = jdbc.queryForObject("select count(*) from case_record where case_id = ?", Integer.class, big.id());
        for (int i = recordsNow; i < 20; i++) {
            jdbc.update("insert into case_record (case_id, kind, actor, actor_org, occurred_at, summary) "
                    + "values (?, 'REMINDER', 'system', null, now(), ?)", big.id(), "deadline 2026-12-31 #" + i);
        }
        put("case_file_documents", jdbc.queryForObject("select count(*) from case_document where case_id = ?", Integer.class, big.id()));
        put("case_file_records", jdbc.queryForObject("select count(*) from case_record where case_id = ?", Integer.class, big.id()));
        for (int i = 0; i < 3; i++) {
            documents.caseFile(big.office(), big.id());
        }
        List<Double> files = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            long started = System.nanoTime();
            byte[] file = documents.caseFile(big.office(), big.id());
            files.add((System.nanoTime() - started) / 1e6);
            put("case_file_bytes", file.length);
        }
        files.sort(Comparator.naturalOrder());
        put("case_file_pdf_ms", files.get(files.size() / 2));
    }

    // ---- budgets ----------------------------------------------------------------------------

    /**
     * What people feel and what the database pays, each figure at most this (the users at least):
     * the run fails when a measured figure misses it. A figure of a phase not run is not checked.
     * The rates and their ratios to the bare engine are information, not budgets.
     */
    private record Budget(String key, double most) {
    }

    static final List<Budget> BUDGETS = List.of(
            new Budget("sql_per_case_open", 45),
            new Budget("sql_per_completion_max", 60),
            new Budget("sql_per_completion_order", 10),
            new Budget("order_pdf_p95_ms", 150),
            new Budget("case_file_pdf_ms", 1500),
            new Budget("inbox_p95_ms_100k", 20),
            new Budget("inbox_top50_of_50k_p95_ms", 20),
            new Budget("case_list_p95_ms_100k", 20),
            new Budget("case_list_p95_ms_1m", 20),
            new Budget("heap_mb", 512),
            new Budget("export_100k_rows_s", 10),
            new Budget("scorecard_province_p95_ms", 200),
            new Budget("scorecard_body_p95_ms", 50),
            new Budget("mixed_load_p95_ms", 100),
            new Budget("mixed_load_p99_ms", 300),
            new Budget("mixed_load_errors", 0),
            new Budget("campaign_sample_ms", 2000),
            new Budget("tongbao_pdf_ms", 10_000),
            new Budget("probe_lag_p99_s", 60),
            new Budget("monitoring_heap_mb", 512),
            new Budget("probes_duplicated", 0));

    private static void checkBudgets() {
        List<String> missed = new ArrayList<>();
        for (Budget budget : BUDGETS) {
            if (results.get(budget.key()) instanceof Number n && n.doubleValue() > budget.most()) {
                missed.add(budget.key() + " = " + n + " (at most " + budget.most() + ")");
            }
        }
        if (results.get("mixed_load_users") instanceof Number n && n.intValue() < 500) {
            missed.add("mixed_load_users = " + n + " (at least 500: a smaller run is no figure)");
        }
        if (results.get("probes_per_s") instanceof Number n && n.doubleValue() < 25) {
            missed.add("probes_per_s = " + n + " (at least 25: the country's 14,000 homepages every 10 minutes, with room)");
        }
        assertThat(missed).as("figures over their budgets (the figures are in target/bench/results.json)").isEmpty();
    }

    // ---- heap -------------------------------------------------------------------------------

    /**
     * The heap of a node holding a province: first the province's open cases are made up to
     * -Dbench.provinceOpenCases (default 10,000), opened through the product with their process
     * instances and tasks, beside the bulk-loaded 600 bodies and websites and 1M case rows.
     */
    private void heap() throws Exception {
        long open = openCases();
        if (open < PROVINCE_OPEN_CASES) {
            parallel((int) (PROVINCE_OPEN_CASES - open), i -> open(2_000_000 + i));
        }
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        put("heap_mb", (runtime.totalMemory() - runtime.freeMemory()) / 1024.0 / 1024.0);
        put("heap_max_mb", runtime.maxMemory() / 1024.0 / 1024.0);
        put("open_cases", openCases());
        put("open_process_instances", engine.getRuntimeService().createProcessInstanceQuery().count());
        put("websites", jdbc.queryForObject("select count(*) from website", Long.class));
    }

    /** open cases opened through the product (not the bulk-loaded rows, which have no process) */
    private long openCases() {
        return jdbc.queryForObject("select count(*) from rectification_case where status <> 'CLOSED'"
                + " and id not like 'bench-%'", Long.class);
    }

    // ---- measuring --------------------------------------------------------------------------

    /** Runs n operations on THREADS threads; operations per second. */
    private double parallel(int n, IntConsumer operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            running.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    operation.accept(i);
                }
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        return n / seconds(started);
    }

    /** SQL statements per operation: pg_stat_statements reset, n operations one after the other, sum of calls / n. */
    private double statements(String label, int n, IntConsumer operation) throws IOException {
        jdbc.execute("select pg_stat_statements_reset()");
        long jvmCpu = jvmCpuNanos();
        long serverCpu = serverCpuNanos();
        long allocated = allocatedBytes();
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            operation.accept(i);
        }
        put("alloc_kb_per_" + label, (allocatedBytes() - allocated) / 1024.0 / n);
        // where one operation's time goes, alone on the machine: this JVM's CPU, the database
        // server's CPU, and the rest (waiting: the network, the disk)
        put("ms_per_" + label, (System.nanoTime() - started) / 1e6 / n);
        put("jvm_cpu_ms_per_" + label, (jvmCpuNanos() - jvmCpu) / 1e6 / n);
        put("server_cpu_ms_per_" + label, (serverCpuNanos() - serverCpu) / 1e6 / n);
        return statementsSinceReset(label, n);
    }

    /** Bytes this thread allocated so far: the garbage an operation leaves for the collector. */
    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time of every PostgreSQL process on this machine (Linux /proc; the server runs here), in ns. */
    private static long serverCpuNanos() throws IOException {
        long ticks = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    int nameEnd = stat.lastIndexOf(')');
                    if (!stat.substring(stat.indexOf('(') + 1, nameEnd).equals("postgres")) {
                        continue;
                    }
                    String[] fields = stat.substring(nameEnd + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we read: its time is lost either way
                }
            }
        }
        return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    }

    /** Statements since the last pg_stat_statements_reset() / n, without the benchmark's own polling. */
    private double statementsSinceReset(String label, long n) throws IOException {
        String mine = """
                from pg_stat_statements
                where dbid = (select oid from pg_database where datname = current_database())
                  and query not like '%pg_stat_statements%'
                  and query not like '%bench-poll%'
                  and upper(query) not in ('BEGIN', 'COMMIT', 'ROLLBACK')""";
        Long calls = jdbc.queryForObject("select coalesce(sum(calls), 0) " + mine, Long.class);
        // rows written or read, beside the statements: a multi-row INSERT (reWriteBatchedInserts)
        // is one statement of many rows, and this keeps that visible
        Long rows = jdbc.queryForObject("select coalesce(sum(rows), 0) " + mine, Long.class);
        put("sql_rows_per_" + label, rows / (double) n);
        // where they went, to find waste: statements per operation, most frequent first
        StringBuilder lines = new StringBuilder();
        // and the server's time in them (ms per operation), to find the expensive ones
        Double ms = jdbc.queryForObject("select coalesce(sum(total_exec_time), 0) " + mine, Double.class);
        put("sql_ms_per_" + label, ms / n);
        lines.append("   calls    rows      ms  statement (per operation)\n");
        jdbc.query("select calls, rows, total_exec_time, query " + mine + " order by calls desc, query", rs -> {
            lines.append(String.format("%8.2f %7.2f %7.3f  %s%n", rs.getLong(1) / (double) n, rs.getLong(2) / (double) n,
                    rs.getDouble(3) / n, rs.getString(4).replaceAll("\\s+", " ")));
        });
        Path file = Path.of("target/bench/statements-" + label + ".txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, lines);
        return calls / (double) n;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private Percentiles sample(Runnable query) {
        return sample(query, QUERY_SAMPLES);
    }

    private Percentiles sample(Runnable query, int samples) {
        for (int i = 0; i < 20; i++) {
            query.run();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            query.run();
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        return new Percentiles(ms);
    }

    private record Percentiles(double p50, double p95, double p99) {
        Percentiles(List<Double> ms) {
            this(at(ms, 0.50), at(ms, 0.95), at(ms, 0.99));
        }

        private static double at(List<Double> ms, double q) {
            double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
        }
    }

    private static void put(String key, Number value) {
        double v = value.doubleValue();
        results.put(key, Math.round(v * 100) / 100.0);
        System.out.printf("  %-40s %12.2f%n", key, v);
    }

    /** The product's model with its own code taken out: service tasks become no-op expressions. */
    private static String bareModel() throws IOException {
        String model = new String(new ClassPathResource("bpmn/rectification.bpmn").getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        return model.replace("<bpmn:process id=\"rectification\"", "<bpmn:process id=\"" + BARE + "\"")
                .replace("bpmnElement=\"rectification\"", "bpmnElement=\"" + BARE + "\"")
                .replaceAll("camunda:delegateExpression=\"\\$\\{[A-Za-z]+\\}\"", "camunda:expression=\"\\${true}\"");
    }

    private void report() throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("date", Instant.now().toString());
        out.put("machine", Runtime.getRuntime().availableProcessors() + " cores, PostgreSQL "
                + jdbc.queryForObject("show server_version", String.class) + " on the same machine, heap max "
                + Runtime.getRuntime().maxMemory() / 1024 / 1024 + " MB");
        out.put("command", "./mvnw -Pbench verify" + (PHASES.contains("all") ? ""
                : " -Dbench.phases=" + System.getProperty("bench.phases")));
        out.putAll(results);
        Path file = Path.of("target/bench/results.json");
        Files.createDirectories(file.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), out);
        StringBuilder table = new StringBuilder("\n| figure | value |\n|---|---:|\n");
        results.forEach((k, v) -> table.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        System.out.println(table);
        System.out.println("written to " + file.toAbsolutePath());
    }
}
