package io.rectify.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectify.RectifyApplication;
import io.rectify.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostgreSQL restarted while a node serves people and the API: requests during the outage are
 * answered 503 with {@code Retry-After} (the API's problem detail, the pages' error page), never
 * a 500 and never a request left hanging; within 10 s of the database's return the node serves
 * again without a restart; a case opened around the outage is whole or absent; a timer that fell
 * due during the outage fires afterwards (the job executor carried on); the outage and the return
 * are logged once each. The server is one of this test's own ({@link PostgresOfItsOwn}), never
 * the shared one. Starts an application of its own, so it runs in the own-applications execution.
 */
@Tag(TestDatabase.POSTGRES_ONLY)
class DatabaseRestartTests {

    static final String OFFICE = "jx.office";
    static final String PASSWORD = "Demo@2026";
    /** longer than any answer may take: Hikari's connection timeout (3 s) and a request's own work */
    static final Duration NO_ANSWER = Duration.ofSeconds(15);
    static final Duration BACK_WITHIN = Duration.ofSeconds(10);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path work;

    /** One answer the load got: what it asked, the status (0: no answer in time), Retry-After, its type and body. */
    record Answer(String what, int status, String retryAfter, String contentType, String body) {
    }

    @Test
    void whilePostgresRestartsRequestsAreAnswered503WithRetryAfterAndTheNodeServesAgainWithoutARestart() throws Exception {
        try (PostgresOfItsOwn postgres = PostgresOfItsOwn.startNew()) {
            postgres.createDatabase("rectify");
            try (ConfigurableApplicationContext node = start(postgres.url("rectify"))) {
                String base = "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
                ListAppender<ILoggingEvent> outageLog = new ListAppender<>();
                outageLog.start();
                ((Logger) LoggerFactory.getLogger("io.rectify.system.web.DatabaseOutage")).addAppender(outageLog);

                String session = signIn(base);
                String caseId = openCaseWithOrder(base, "重启前打开的案件");
                List<String> timers = timersOf(postgres, caseId);
                assertThat(timers).as("the reminder and the deadline of the case").hasSize(2);

                Queue<Answer> answers = new ConcurrentLinkedQueue<>();
                AtomicBoolean loading = new AtomicBoolean(true);
                AtomicInteger opened = new AtomicInteger();
                ExecutorService load = Executors.newFixedThreadPool(3);
                load.execute(() -> repeat(loading, () -> answers.add(ask("GET /api/cases",
                        request(base, "/api/cases").header("Authorization", basic(OFFICE)).GET()))));
                load.execute(() -> repeat(loading, () -> answers.add(ask("POST /api/cases", request(base, "/api/cases")
                        .header("Authorization", basic(OFFICE)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(openingOf("重启时打开的案件 " + opened.incrementAndGet())))))));
                load.execute(() -> repeat(loading, () -> answers.add(ask("GET /",
                        request(base, "/").header("Cookie", session).header("Accept", "text/html").GET()))));
                try {
                    awaitUntil("the load served before the outage", Duration.ofSeconds(30),
                            () -> answers.stream().filter(a -> a.status() == 200).count() >= 6);
                    // both timers fall due while the database is away
                    Instant due = makeDue(postgres, timers, Duration.ofSeconds(5));
                    postgres.stop();
                    Instant stopped = Instant.now();
                    assertThat(stopped).as("the database stopped before the timers fell due").isBefore(due);
                    awaitUntil("a 503 for the API and for a page during the outage", Duration.ofSeconds(30),
                            () -> answers.stream().anyMatch(a -> a.status() == 503 && a.what().startsWith("GET /api"))
                                    && answers.stream().anyMatch(a -> a.status() == 503 && a.what().equals("GET /")));
                    // an outage a few seconds long, as a restart is
                    Thread.sleep(Math.max(0, 5000 - Duration.between(stopped, Instant.now()).toMillis()));

                    long openedBeforeItsReturn = answers.stream().filter(a -> a.status() == 201).count();
                    postgres.start();
                    Instant back = Instant.now();
                    awaitUntil("the node serving the API and the pages again", Duration.ofSeconds(60),
                            () -> ask("GET /api/cases", request(base, "/api/cases").header("Authorization", basic(OFFICE))
                                    .GET()).status() == 200 && ask("GET /", request(base, "/").header("Cookie", session)
                                    .GET()).status() == 200);
                    Duration recovery = Duration.between(back, Instant.now());
                    assertThat(recovery).as("time from the database's return to service").isLessThan(BACK_WITHIN);
                    System.out.printf("database restart: stopped for %d ms, served again %d ms after its return%n",
                            Duration.between(stopped, back).toMillis(), recovery.toMillis());
                    awaitUntil("cases opened after the outage", Duration.ofSeconds(30),
                            () -> answers.stream().filter(a -> a.status() == 201).count() >= openedBeforeItsReturn + 2);
                } finally {
                    loading.set(false);
                    load.shutdown();
                    assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).as("the load's threads ended").isTrue();
                }

                assertThatEveryAnswerWasServedOr503(List.copyOf(answers));
                assertThatEveryCaseIsWholeOrAbsent(postgres, List.copyOf(answers), base);
                awaitUntil("the timers due during the outage fired", Duration.ofSeconds(60),
                        () -> timersOf(postgres, caseId).stream().noneMatch(timers::contains));
                awaitUntil("the return logged", Duration.ofSeconds(10),
                        () -> outageLog.list.stream().anyMatch(e -> e.getFormattedMessage().contains("reachable again")));
                assertThat(outageLog.list).extracting(ILoggingEvent::getFormattedMessage)
                        .as("the outage and the return, once each")
                        .satisfiesExactly(outage -> assertThat(outage).contains("cannot be reached"),
                                recovered -> assertThat(recovered).contains("reachable again"));
            }
        }
    }

    private void assertThatEveryAnswerWasServedOr503(List<Answer> answers) throws Exception {
        assertThat(answers).as("no request left without an answer within " + NO_ANSWER.toSeconds() + " s")
                .noneMatch(a -> a.status() == 0);
        assertThat(answers).as("answers: served, or 503").allSatisfy(a -> assertThat(a.status()).as(a.toString())
                .isIn(a.what().startsWith("POST") ? List.of(201, 503) : List.of(200, 503)));
        for (Answer unavailable : answers.stream().filter(a -> a.status() == 503).toList()) {
            assertThat(unavailable.retryAfter()).as("Retry-After of " + unavailable).isEqualTo("5");
            if (unavailable.what().contains("/api/")) {
                assertThat(unavailable.contentType()).as(unavailable.toString()).startsWith("application/problem+json");
                JsonNode problem = json.readTree(unavailable.body());
                assertThat(problem.path("status").asInt()).isEqualTo(503);
                assertThat(problem.path("detail").asText()).contains("5");
            } else {
                assertThat(unavailable.contentType()).as(unavailable.toString()).startsWith("text/html");
                assertThat(unavailable.body()).as(unavailable.toString()).contains("暂时无法服务");
            }
        }
        System.out.printf("database restart: %d answers, %d of them 503%n", answers.size(),
                answers.stream().filter(a -> a.status() == 503).count());
    }

    /**
     * Every case in the database has its process, its inbox entries and its audit entry, and every
     * opening answered 201 is there; an opening the outage cut off left nothing.
     */
    private void assertThatEveryCaseIsWholeOrAbsent(PostgresOfItsOwn postgres, List<Answer> answers, String base)
            throws Exception {
        Set<String> cases = strings(postgres, "select id from rectification_case");
        assertThat(strings(postgres, "select business_key_ from act_hi_procinst where super_process_instance_id_ is null"
                + " and business_key_ in (select id from rectification_case)")).as("cases with their process").isEqualTo(cases);
        assertThat(strings(postgres, "select distinct business_key_ from act_hi_procinst where business_key_ is not null"
                + " and proc_def_key_ <> 'publicReport'"))
                .as("processes of a case that is not there").isSubsetOf(cases);
        assertThat(strings(postgres, "select case_id from audit_entry where action = 'CASE_OPENED'"))
                .as("cases with their opening audited").isEqualTo(cases);
        assertThat(strings(postgres, "select t.id_ || ' ' || l.group_id_ from act_ru_task t join act_ru_identitylink l"
                + " on l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null"
                + " where t.proc_def_id_ not like 'publicReport:%'")) // the error reports have their own list
                .as("the inbox table against the engine's open tasks of the cases")
                .isEqualTo(strings(postgres, "select task_id || ' ' || candidate_group from work_item"));
        Set<String> answeredOpened = new HashSet<>();
        for (Answer answer : answers) {
            if (answer.status() == 201) {
                answeredOpened.add(json.readTree(answer.body()).path("id").asText());
            }
        }
        assertThat(cases).as("every opening answered 201").containsAll(answeredOpened);
        HttpResponse<String> verification = http.send(request(base, "/api/audit/verification")
                .header("Authorization", basic("auditor")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(json.readTree(verification.body()).path("intact").asBoolean())
                .as("the audit chain: " + verification.body()).isTrue();
    }

    // ---- the node

    private ConfigurableApplicationContext start(String url) {
        Map<String, String> properties = Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", PostgresOfItsOwn.USER,
                "spring.datasource.password", "",
                "server.port", "0",
                "rectify.data-dir", work.resolve("data").toString(),
                // an idle job executor looks again within a second (by default it backs off to a minute)
                "camunda.bpm.job-execution.wait-time-in-millis", "200",
                "camunda.bpm.job-execution.max-wait", "1000");
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(RectifyApplication.class).run(arguments);
    }

    private String signIn(String base) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String page = browser.send(request(base, "/login").GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("a CSRF token on the login page").isTrue();
        HttpResponse<String> signedIn = browser.send(request(base, "/login")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + OFFICE + "&password="
                        + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                        + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        HttpCookie session = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("SESSION")).findFirst().orElseThrow();
        return "SESSION=" + session.getValue();
    }

    private String openCaseWithOrder(String base, String title) throws Exception {
        HttpResponse<String> opened = http.send(request(base, "/api/cases").header("Authorization", basic(OFFICE))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(openingOf(title)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        JsonNode view = json.readTree(opened.body());
        String issueOrder = null;
        for (JsonNode task : view.path("openTasks")) {
            if (task.path("taskKey").asText().equals("issueOrder")) {
                issueOrder = task.path("id").asText();
            }
        }
        HttpResponse<String> ordered = http.send(request(base, "/api/tasks/" + issueOrder + "/complete")
                .header("Authorization", basic(OFFICE)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(
                        Map.of("requirements", "公开应公开的信息", "periodWorkingDays", 5)))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ordered.statusCode()).as(ordered.body()).isEqualTo(200);
        return view.path("id").asText();
    }

    private String openingOf(String title) {
        try {
            return json.writeValueAsString(Map.of("categoryCode", "A33-04", "respondentOrgCode", "JX-EDU",
                    "title", title, "description", "未公开应公开的信息", "source", "INSPECTION"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- requests

    private static HttpRequest.Builder request(String base, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(NO_ANSWER);
    }

    /** The answer, or status 0 when none came in time (a hung request) or the connection failed. */
    private Answer ask(String what, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(what, response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (java.io.IOException e) {
            return new Answer(what, 0, null, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(what, 0, null, "", e.toString());
        }
    }

    private static void repeat(AtomicBoolean running, Runnable step) {
        while (running.get()) {
            step.run();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private static void awaitUntil(String what, Duration within, BooleanSupplier done) throws InterruptedException {
        Instant until = Instant.now().plus(within);
        while (!done.getAsBoolean()) {
            assertThat(Instant.now()).as(what + " within " + within.toSeconds() + " s").isBefore(until);
            Thread.sleep(250);
        }
    }

    // ---- the database, read as the superuser

    private static List<String> timersOf(PostgresOfItsOwn postgres, String caseId) {
        try (Connection c = postgres.connect("rectify"); PreparedStatement s = c.prepareStatement(
                "select j.id_ from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_"
                        + " where j.type_ = 'timer' and e.business_key_ = ? order by j.id_")) {
            s.setString(1, caseId);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets these jobs due this long from now; returns when. */
    private static Instant makeDue(PostgresOfItsOwn postgres, List<String> jobs, Duration in) throws SQLException {
        Instant due = Instant.now().plus(in);
        try (Connection c = postgres.connect("rectify"); PreparedStatement s = c.prepareStatement(
                "update act_ru_job set duedate_ = now() + ? * interval '1 millisecond' where id_ = any (?)")) {
            s.setLong(1, in.toMillis());
            s.setArray(2, c.createArrayOf("varchar", jobs.toArray()));
            assertThat(s.executeUpdate()).isEqualTo(jobs.size());
        }
        return due;
    }

    private static Set<String> strings(PostgresOfItsOwn postgres, String sql) throws SQLException {
        Set<String> values = new TreeSet<>();
        try (Connection c = postgres.connect("rectify"); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
