package io.rectify.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectify.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A cluster: two Rectify nodes, separate processes on loopback, on one PostgreSQL database, both
 * with their job executors on. A batch of deadlines falls due; one node is killed with SIGKILL in
 * the middle of the run; the other finishes it. Every timer's business effect happens exactly
 * once, nothing is left half-done, a session opened on the dead node goes on on the living one,
 * and the dead node, restarted with a changed model (a new deployment), alone runs the timers of
 * the instances started on the earlier one. The limits of exports and failed logins are counted
 * once for both nodes. Runs in the JVM of the tests that start applications
 * of their own (see the pom). The notifications leave through the outbox to a webhook receiver in
 * this JVM, and each is received once (or, cut by the kill, once more with the same key); each notification
 * goes to two channels (the in-app centre and the webhook), delivered once each.
 */
@Tag(TestDatabase.POSTGRES_ONLY)
class ClusterTests {

    /**
     * cases whose deadlines fall due while both nodes run, and one is killed: enough that the kill
     * comes while both nodes still hold jobs (80 were once enough; with faster timers a run of 160
     * could end before both had been seen holding locks at once)
     */
    static final int FIRST_BATCH = 200;
    /** cases opened before the kill whose deadlines fall due only after the restart, on the restarted node alone */
    static final int SECOND_BATCH = 10;
    /** cases of the changed model, whose deadlines fall due while the node of the earlier release still runs */
    static final int THIRD_BATCH = 6;
    /**
     * How long acquired jobs stay reserved to a node (production: 60 s, application-prod.yml). Short
     * here, so the survivor takes the dead node's jobs within seconds.
     */
    static final Duration LOCK_TIME = Duration.ofSeconds(8);
    /**
     * The notices a case's two timers write here: the escalation of the overdue order. Its reminder
     * timer, made due in the database days before a reminder's time (reminder-days, counted back from
     * a deadline 5 working days ahead), runs and reminds no one: a reminder goes out at its time, and
     * the timer waits on for the next one (OrderReminders). The reminders themselves are the process
     * tests' (RectificationProcessTest).
     */
    static final int TIMER_NOTICES = 1;
    static final String OFFICE = "jx.office";
    static final String RESPONDENT = "JX-EDU";
    static final String CATEGORY = "A33-04";
    static final String PASSWORD = "Demo@2026";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final Path runDirectory = Path.of("target", "cluster", "run-" + UUID.randomUUID().toString().substring(0, 8));
    final List<RectifyNode> nodes = new ArrayList<>();
    /** the receiving system of the notification webhook, for all nodes */
    final WebhookReceiver receiver = new WebhookReceiver();
    NamedParameterJdbcTemplate db;

    @AfterEach
    void stopNodes() {
        nodes.forEach(RectifyNode::stop);
        receiver.close();
    }

    @Test
    void eachDeadlineTakesEffectExactlyOnceWhenANodeIsKilledMidRunAndTheOtherTakesOver() throws Exception {
        Map<String, String> database = TestDatabase.fresh();
        db = new NamedParameterJdbcTemplate(RectifyNode.database(database));
        String classPath = RectifyNode.testClassPath();
        try {
            // A first: it migrates the empty database and seeds the demo users; then B joins it
            RectifyNode a = start("node-a", classPath, database);
            RectifyNode b = start("node-b", classPath, database);

            String session = signInWithTheForm(a, OFFICE);
            assertThat(get(a, "/api/cases", session).statusCode()).isEqualTo(200);

            List<String> first = openCasesWithOrders(FIRST_BATCH, a, b);
            List<String> second = openCasesWithOrders(SECOND_BATCH, a, b);
            assertThat(pendingTimers(first)).as("reminder and deadline timer of each case").isEqualTo(2 * FIRST_BATCH);

            // The nodes are separate JVMs: moving one engine's clock would not move the other's. The
            // timers are made due in the database instead; everything after that is the job executors'.
            int made = makeTimersDue(first);
            assertThat(made).isEqualTo(2 * FIRST_BATCH);

            awaitUntil("a quarter of the first batch's notifications, timers run by each node, jobs locked by both",
                    Duration.ofSeconds(90), () -> notifications(first) >= TIMER_NOTICES * FIRST_BATCH / 4
                            && successfulTimersByNode(first).size() == 2 && lockOwners(first) >= 2);
            a.kill();
            Instant killedAt = Instant.now();
            // What A sent before it died (a commit, a job unlocked after a failed run) is still in the
            // server's hands until it reads the end of A's connections: the locks are read after that
            awaitUntil("the server closed the killed node's connections", Duration.ofSeconds(30),
                    () -> db.queryForObject("select count(*) from pg_stat_activity where application_name = 'node-a'",
                            Map.of(), Integer.class) == 0);
            int doneAtKill = notifications(first);
            List<Map<String, Object>> lockedAtKill = lockedJobs(first);
            assertThat(doneAtKill).as("the kill came after the run had ended: a larger batch is needed")
                    .isLessThan(TIMER_NOTICES * FIRST_BATCH);

            // the session made on A goes on on B: it lives in the database, not in A
            HttpResponse<String> onB = get(b, "/api/cases", session);
            assertThat(onB.statusCode()).as("the SESSION cookie of the killed node on the survivor").isEqualTo(200);
            assertThat(json.readTree(onB.body()).path("items").isArray()).as(onB.body()).isTrue();

            // every lock taken after the kill is the survivor's: what else was locked at the kill was the dead node's
            Set<String> survivorsLockOwners = new HashSet<>();
            awaitUntil("every timer of the first batch fired and its notifications delivered, by the survivor after "
                            + "the dead node's locks ran out", LOCK_TIME.multipliedBy(4).plusSeconds(90), () -> {
                        survivorsLockOwners.addAll(ownersOfLocksTakenSince(lockedAtKill, first));
                        return dueTimers(first) == 0 && notifications(first) == TIMER_NOTICES * FIRST_BATCH
                                && undelivered(first) == 0;
                    });

            Duration takeover = Duration.between(killedAt, Instant.now());

            Map<String, Integer> byNode = successfulTimersByNode(first);
            assertThat(byNode).as("timers run per node").containsOnlyKeys("node-a", "node-b");
            assertThat(byNode.get("node-a")).as("timers run by A before it died").isPositive();
            assertThat(byNode.get("node-b")).as("timers run by B").isPositive();
            assertThat(byNode.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2 * FIRST_BATCH);
            int takenOver = assertThatTheDeadNodesJobsWereTakenOver(lockedAtKill, survivorsLockOwners);
            System.out.printf("cluster: %d timers of %d cases; run per node %s; at the SIGKILL %d of %d notifications "
                    + "written and %d jobs locked, %d of them by A, all run by B after their lock (%d s) ran out; "
                    + "the batch was done %d s after the kill%n", 2 * FIRST_BATCH, FIRST_BATCH, byNode, doneAtKill,
                    TIMER_NOTICES * FIRST_BATCH, lockedAtKill.size(), takenOver, LOCK_TIME.toSeconds(), takeover.toSeconds());

            // A comes back as a new release whose model changed: a new deployment, registered on A with the
            // earlier one (resuming earlier versions); B, of the earlier release, knows only the earlier one
            RectifyNode upgraded = start("node-a-upgraded", withChangedModel(classPath), database);
            assertThat(deploymentsOfTheProduct()).as("one deployment per release of the model").isEqualTo(2);

            // deployment-aware: the timers of the new model's instances run on the new release only
            List<String> third = openCasesWithOrders(THIRD_BATCH, upgraded, upgraded);
            assertThat(definitionVersions(third)).as("new cases run on the changed model").containsOnly(2);
            makeTimersDue(third);
            awaitUntil("every timer of the changed model's cases fired", Duration.ofSeconds(90),
                    () -> dueTimers(third) == 0 && notifications(third) == TIMER_NOTICES * THIRD_BATCH
                            && undelivered(third) == 0);
            assertThat(successfulTimersByNode(third)).as("runs of the changed model's timers, with B up beside A")
                    .containsOnlyKeys("node-a-upgraded");

            // the limits of exports and of failed logins are the cluster's, not each node's
            String auditor = signInWithTheForm(upgraded, "auditor");
            assertThatTheThrottlesCountOnEveryNode(upgraded, b);

            // and the earlier model's instances still have their timers, on the new release alone
            b.stop();
            assertThat(definitionVersions(second)).as("the second batch runs on the first model").containsOnly(1);
            makeTimersDue(second);
            awaitUntil("every timer of the second batch fired on the upgraded node", Duration.ofSeconds(90),
                    () -> dueTimers(second) == 0 && notifications(second) == TIMER_NOTICES * SECOND_BATCH
                            && undelivered(second) == 0);
            assertThat(successfulTimersByNode(second)).containsOnlyKeys("node-a-upgraded")
                    .containsEntry("node-a-upgraded", 2 * SECOND_BATCH);

            List<String> all = Stream.of(first, second, third).flatMap(List::stream).toList();
            assertThatEachTimerTookEffectExactlyOnce(all);
            assertThatEachNotificationWasDeliveredOnce(killedAt);
            assertThatNothingIsLeftHalfDone(all, upgraded, auditor);
        } catch (Throwable failure) {
            nodes.forEach(node -> System.out.println(node.logTail(60)));
            throw failure;
        }
    }

    private RectifyNode start(String name, String classPath, Map<String, String> database) {
        Map<String, String> properties = RectifyNode.productionProperties(database, runDirectory);
        properties.put("camunda.bpm.job-execution.lock-time-in-millis", String.valueOf(LOCK_TIME.toMillis()));
        // an idle node looks for due jobs every second (production: backing off to 5 s), so that both nodes
        // join the run, rather than one finishing the batch while the other still waits
        properties.put("camunda.bpm.job-execution.max-wait", "1000");
        // the name the engine writes into its job log (HOSTNAME_): which node ran which timer
        properties.put("camunda.bpm.generic-properties.properties.hostname", name);
        // and the name on its connections to the server (pg_stat_activity), to see them end after a kill
        properties.put("spring.datasource.hikari.data-source-properties.ApplicationName", name);
        properties.put("rectify.notifications.webhook-url", receiver.url());
        RectifyNode node = RectifyNode.start(name, classPath, runDirectory, properties);
        nodes.add(node);
        return node;
    }

    /** Opens the cases and issues their orders through the API, spread over both nodes; returns the case ids. */
    private List<String> openCasesWithOrders(int count, RectifyNode a, RectifyNode b) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> opened = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                RectifyNode opener = i % 2 == 0 ? a : b;
                RectifyNode orderer = i % 2 == 0 ? b : a;
                int n = i;
                opened.add(clients.submit(() -> openCaseWithOrder(opener, orderer, n)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> caseId : opened) {
                ids.add(caseId.get());
            }
            return ids;
        } finally {
            clients.shutdownNow();
        }
    }

    private String openCaseWithOrder(RectifyNode opener, RectifyNode orderer, int n) throws Exception {
        JsonNode opened = send(opener, "POST", "/api/cases", Map.of("categoryCode", CATEGORY,
                "respondentOrgCode", RESPONDENT, "title", "集群测试案件 " + n, "description", "未公开应公开的信息",
                "source", "INSPECTION"), 201);
        String caseId = opened.get("id").asText();
        String issueOrder = null;
        for (JsonNode task : opened.get("openTasks")) {
            if (task.get("taskKey").asText().equals("issueOrder")) {
                issueOrder = task.get("id").asText();
            }
        }
        assertThat(issueOrder).as("the issueOrder task of " + opened).isNotNull();
        send(orderer, "POST", "/api/tasks/" + issueOrder + "/complete",
                Map.of("requirements", "公开应公开的信息", "periodWorkingDays", 5), 200);
        return caseId;
    }

    /**
     * The jobs the killed node held locked when it died (locked at the kill by an owner other than the
     * survivor's) all ran once, on the survivor, after their lock ran out. Returns how many they were.
     */
    private int assertThatTheDeadNodesJobsWereTakenOver(List<Map<String, Object>> lockedAtKill,
                                                        Set<String> survivorsLockOwners) {
        assertThat(survivorsLockOwners).as("the survivor's lock owner, seen on a lock taken after the kill").hasSize(1);
        List<Map<String, Object>> deadNodes = lockedAtKill.stream()
                .filter(job -> !survivorsLockOwners.contains((String) job.get("lock_owner_"))).toList();
        assertThat(deadNodes).as("jobs the killed node held, of " + lockedAtKill.size() + " locked at the kill")
                .isNotEmpty();
        for (Map<String, Object> job : deadNodes) {
            List<Map<String, Object>> runs = db.queryForList("select hostname_, timestamp_ from act_hi_job_log "
                    + "where job_id_ = :id and job_state_ = 2", Map.of("id", job.get("id_")));
            assertThat(runs).as("successful runs of job " + job.get("id_") + ", held by the killed node").hasSize(1);
            assertThat(runs.get(0).get("hostname_")).isEqualTo("node-b");
            assertThat((Timestamp) runs.get(0).get("timestamp_")).as("run after the lock ran out")
                    .isAfterOrEqualTo((Timestamp) job.get("lock_exp_time_"));
        }
        return deadNodes.size();
    }

    private void assertThatEachTimerTookEffectExactlyOnce(List<String> cases) {
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", cases);
        assertThat(countPerCase("select case_id, count(*) from case_record where case_id in (:ids) and kind = 'OVERDUE' "
                + "group by case_id", ids)).as("one overdue mark per case").hasSize(cases.size()).containsOnlyKeys(cases)
                .allSatisfy((c, n) -> assertThat(n).as(c).isEqualTo(1));
        assertThat(countPerCase("select case_id, count(*) from case_record where case_id in (:ids) and kind = 'ESCALATION' "
                + "group by case_id", ids)).as("one escalation per case").hasSize(cases.size())
                .allSatisfy((c, n) -> assertThat(n).as(c).isEqualTo(1));
        assertThat(db.queryForObject("select count(*) from case_record where case_id in (:ids) and kind = 'REMINDER'", ids,
                Integer.class)).as("reminders: none, their time had not come").isZero();
        for (String action : List.of("ORDER_OVERDUE", "CASE_ESCALATED")) {
            assertThat(countPerCase("select case_id, count(*) from audit_entry where case_id in (:ids) and action = :action "
                    + "group by case_id", new MapSqlParameterSource("ids", cases).addValue("action", action)))
                    .as("one " + action + " audit entry per case").hasSize(cases.size())
                    .allSatisfy((c, n) -> assertThat(n).as(c).isEqualTo(1));
        }
        assertThat(db.queryForList("select kind, count(*) as n, count(distinct dedup_key) as dedup_keys, count(distinct case_id) "
                + "as cases from notification where case_id in (:ids) group by kind order by kind", ids))
                .as("one notice of each kind per case (the order, the overdue mark, the escalation), each its own key")
                .containsExactly(Stream.of("ESCALATED", "ORDER_ISSUED", "OVERDUE")
                        .map(kind -> Map.<String, Object>of("kind", kind, "n", (long) cases.size(),
                                "dedup_keys", (long) cases.size(), "cases", (long) cases.size()))
                        .toArray(Map[]::new));
        assertThat(db.queryForList("select count(*) from rectification_case where id in (:ids) and overdue_marked "
                + "and escalated and escalation_reason = 'OVERDUE' and review_status = 'PENDING'", ids, Long.class))
                .as("every case overdue, escalated for it, its review pending").containsExactly((long) cases.size());
        assertThat(countPerCase("select business_key_, count(*) from act_hi_procinst where proc_def_key_ = 'supervisionReview' "
                + "and business_key_ in (:ids) group by business_key_", ids))
                .as("one supervision review per case").hasSize(cases.size())
                .allSatisfy((c, n) -> assertThat(n).as(c).isEqualTo(1));
        assertThat(db.queryForList("select j.act_id_, count(*) from act_hi_job_log j join act_hi_procinst p "
                + "on p.id_ = j.process_instance_id_ where p.business_key_ in (:ids) and j.job_state_ = 2 "
                + "group by j.process_instance_id_, j.act_id_ having count(*) <> 1", ids))
                .as("timers that ran more than once").isEmpty();
        assertThat(db.queryForObject("select count(*) from act_hi_job_log j join act_hi_procinst p "
                + "on p.id_ = j.process_instance_id_ where p.business_key_ in (:ids) and j.job_state_ = 2 "
                + "and j.act_id_ in ('Timer_Reminder', 'Timer_Deadline')", ids, Long.class))
                .as("successful timer runs").isEqualTo(2L * cases.size());
    }

    /**
     * The outbox: every notification was fanned out to its recipients on two channels, the in-app
     * centre and the webhook, each delivered once: one SENT row per recipient and channel, and the
     * receiver got every webhook delivery's key. A key received twice is a delivery the killed node
     * made but did not commit: the same message, first received before the kill, sent again by the
     * survivor with the same Idempotency-Key.
     */
    private void assertThatEachNotificationWasDeliveredOnce(Instant killedAt) {
        assertThat(db.queryForList("select dedup_key from notification where sent_at is null", Map.of(), String.class))
                .as("notifications not fanned out").isEmpty();
        assertThat(db.queryForList("select n.dedup_key from notification n where not exists (select 1 from "
                + "notification_delivery d where d.notification_id = n.id and d.channel = 'IN_APP' and d.status = 'SENT') "
                + "or not exists (select 1 from notification_delivery d where d.notification_id = n.id "
                + "and d.channel = 'WEBHOOK' and d.status = 'SENT')", Map.of(), String.class))
                .as("notifications not delivered on both channels").isEmpty();
        assertThat(db.queryForList("select id from notification_delivery where status <> 'SENT'", Map.of(), Long.class))
                .as("deliveries not sent").isEmpty();
        List<String> keys = db.queryForList("select n.dedup_key || '/' || d.recipient || '/WEBHOOK' from notification n "
                + "join notification_delivery d on d.notification_id = n.id where d.channel = 'WEBHOOK'", Map.of(), String.class);
        Map<String, List<WebhookReceiver.Delivery>> received = receiver.byKey();
        assertThat(received.keySet()).as("the keys the receiver got, against the webhook deliveries")
                .containsExactlyInAnyOrderElementsOf(keys);
        Map<String, List<WebhookReceiver.Delivery>> repeated = received.entrySet().stream()
                .filter(e -> e.getValue().size() > 1).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        // at most one delivery in flight per job thread of the killed node (4, application-prod.yml)
        assertThat(repeated).as("keys received more than once").hasSizeLessThanOrEqualTo(4);
        repeated.forEach((key, deliveries) -> {
            assertThat(deliveries).as("deliveries of " + key).hasSize(2)
                    .extracting(WebhookReceiver.Delivery::body).containsOnly(deliveries.get(0).body());
            assertThat(deliveries.get(0).receivedAt()).as("first delivery of " + key + ", cut by the kill")
                    .isBeforeOrEqualTo(killedAt);
        });
        System.out.printf("cluster: %d notifications, %d deliveries received, %d of them repeated after the kill%n",
                keys.size(), receiver.received().size(), repeated.size());
    }

    /**
     * One user's exports (10 a minute) and one address's failed logins (30 in ten minutes) are
     * counted in the database: half of them on each node reach the limit on both. Afterwards this
     * address signs in on neither node for ten minutes; sessions made before go on.
     */
    private void assertThatTheThrottlesCountOnEveryNode(RectifyNode one, RectifyNode other) {
        for (int i = 0; i < 10; i++) {
            RectifyNode node = i % 2 == 0 ? one : other;
            assertThat(get(node, "/api/sanctions/export", basic("jx.supervision")).statusCode())
                    .as("export " + (i + 1) + " on " + node.name()).isEqualTo(200);
        }
        for (RectifyNode node : List.of(one, other)) {
            HttpResponse<String> refused = get(node, "/api/sanctions/export", basic("jx.supervision"));
            assertThat(refused.statusCode()).as("the 11th export within a minute, on " + node.name()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        }

        String guesser = basic("nobody", "Wrong-Pass1");
        for (int i = 0; i < 30; i++) {
            RectifyNode node = i % 2 == 0 ? one : other;
            assertThat(get(node, "/api/categories", guesser).statusCode()).as("guess " + (i + 1) + " on " + node.name())
                    .isEqualTo(401);
        }
        for (RectifyNode node : List.of(one, other)) {
            HttpResponse<String> refused = get(node, "/api/categories", basic(OFFICE));
            assertThat(refused.statusCode()).as("the right password from the address, on " + node.name()).isEqualTo(429);
        }
    }

    private void assertThatNothingIsLeftHalfDone(List<String> cases, RectifyNode live, String auditor) throws IOException {
        MapSqlParameterSource ids = new MapSqlParameterSource("ids", cases);
        // the standing jobs are the midnight tick, waiting for its night, and each case's reminder timer,
        // waiting for its next run days ahead: one of each, and never failed
        assertThat(db.queryForList("select j.id_, j.retries_, j.exception_msg_ from act_ru_job j left join act_ru_jobdef d "
                + "on d.id_ = j.job_def_id_ where j.id_ not like 'daily-%' and not (d.act_id_ = 'Timer_Reminder' "
                + "and j.duedate_ > now() and j.exception_msg_ is null)", Map.of()))
                .as("jobs left (none pending, none failed)").isEmpty();
        assertThat(countPerCase("select p.business_key_, count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ "
                + "join act_ru_execution p on p.id_ = j.process_instance_id_ where p.business_key_ in (:ids) "
                + "and d.act_id_ = 'Timer_Reminder' group by p.business_key_", ids))
                .as("one reminder timer waiting per case").hasSize(cases.size())
                .allSatisfy((c, n) -> assertThat(n).as(c).isEqualTo(1));
        assertThat(db.queryForList("select retries_ from act_ru_job where id_ like 'daily-%'", Map.of(), Integer.class))
                .as("the midnight tick, once and unfailed").containsExactly(3);
        assertThat(db.queryForList("select incident_type_, incident_msg_ from act_ru_incident", Map.of()))
                .as("incidents").isEmpty();
        // each case waits where it should: the respondent's report and the supervision's review
        assertThat(db.queryForList("select t.task_def_key_, count(*) as n from act_ru_task t join act_ru_execution p "
                + "on p.id_ = t.proc_inst_id_ where p.business_key_ in (:ids) group by t.task_def_key_ "
                + "order by t.task_def_key_", ids))
                .containsExactly(Map.of("task_def_key_", "respond", "n", (long) cases.size()),
                        Map.of("task_def_key_", "reviewEscalation", "n", (long) cases.size()));
        // the inbox table holds exactly the engine's open tasks with their candidate bodies
        Set<String> engineTasks = Set.copyOf(db.queryForList("select t.id_ || ' ' || l.group_id_ from act_ru_task t "
                + "join act_ru_identitylink l on l.task_id_ = t.id_ and l.type_ = 'candidate' and l.group_id_ is not null "
                + "where t.proc_def_id_ not like 'publicReport:%'", // the error reports have their own list
                Map.of(), String.class));
        Set<String> workItems = Set.copyOf(db.queryForList("select task_id || ' ' || candidate_group from work_item",
                Map.of(), String.class));
        assertThat(workItems).as("work_item against the engine's open tasks of the cases").isEqualTo(engineTasks);
        assertThat(engineTasks).hasSizeGreaterThanOrEqualTo(2 * cases.size());

        HttpResponse<String> verification = get(live, "/api/audit/verification", auditor);
        assertThat(verification.statusCode()).as(verification.body()).isEqualTo(200);
        assertThat(json.readTree(verification.body()).get("intact").asBoolean())
                .as("the audit chain: " + verification.body()).isTrue();
    }

    // ---- the database, read as the nodes left it

    private int pendingTimers(List<String> cases) {
        return db.queryForObject("select count(*) from act_ru_job j join act_ru_execution p on p.id_ = j.process_instance_id_ "
                + "where p.business_key_ in (:ids)", Map.of("ids", cases), Integer.class);
    }

    /** The jobs of the cases that are due: none once their timers ran (the reminder timer's next run is days ahead). */
    private int dueTimers(List<String> cases) {
        return db.queryForObject("select count(*) from act_ru_job j join act_ru_execution p on p.id_ = j.process_instance_id_ "
                + "where p.business_key_ in (:ids) and j.duedate_ <= now()", Map.of("ids", cases), Integer.class);
    }

    private int makeTimersDue(List<String> cases) {
        return db.update("update act_ru_job set duedate_ = now() - interval '1 second' where process_instance_id_ in "
                + "(select id_ from act_ru_execution where business_key_ in (:ids) and parent_id_ is null)",
                Map.of("ids", cases));
    }

    /** The notices the deadlines write: a reminder before and an escalation after (the order's own notices are not timers'). */
    private int notifications(List<String> cases) {
        return db.queryForObject("select count(*) from notification where case_id in (:ids) "
                + "and kind in ('REMINDER', 'ESCALATED')", Map.of("ids", cases), Integer.class);
    }

    private int undelivered(List<String> cases) {
        return db.queryForObject("select count(*) from notification n where n.case_id in (:ids) and (n.sent_at is null "
                + "or exists (select 1 from notification_delivery d where d.notification_id = n.id "
                + "and d.status = 'PENDING'))", Map.of("ids", cases), Integer.class);
    }

    private int lockOwners(List<String> cases) {
        return db.queryForObject("select count(distinct j.lock_owner_) from act_ru_job j join act_ru_execution p "
                + "on p.id_ = j.process_instance_id_ where p.business_key_ in (:ids) and j.lock_owner_ is not null",
                Map.of("ids", cases), Integer.class);
    }

    private List<Map<String, Object>> lockedJobs(List<String> cases) {
        return db.queryForList("select j.id_, j.lock_owner_, j.lock_exp_time_ from act_ru_job j join act_ru_execution p "
                + "on p.id_ = j.process_instance_id_ where p.business_key_ in (:ids) and j.lock_owner_ is not null "
                + "and j.lock_exp_time_ > now()", Map.of("ids", cases));
    }

    /** The owners of locks on the cases' jobs that were not there, or not the same, at the kill. */
    private Set<String> ownersOfLocksTakenSince(List<Map<String, Object>> lockedAtKill, List<String> cases) {
        Map<Object, Object> expiryAtKill = new HashMap<>();
        lockedAtKill.forEach(job -> expiryAtKill.put(job.get("id_"), job.get("lock_exp_time_")));
        return lockedJobs(cases).stream()
                .filter(job -> !job.get("lock_exp_time_").equals(expiryAtKill.get(job.get("id_"))))
                .map(job -> (String) job.get("lock_owner_")).collect(Collectors.toSet());
    }

    private Map<String, Integer> successfulTimersByNode(List<String> cases) {
        Map<String, Integer> byNode = new HashMap<>();
        db.query("select j.hostname_, count(*) from act_hi_job_log j join act_hi_procinst p on p.id_ = j.process_instance_id_ "
                + "where p.business_key_ in (:ids) and j.job_state_ = 2 group by j.hostname_", Map.of("ids", cases),
                row -> {
                    byNode.put(row.getString(1), row.getInt(2));
                });
        return byNode;
    }

    private int deploymentsOfTheProduct() {
        return db.queryForObject("select count(*) from act_re_deployment where name_ = 'rectify'", Map.of(), Integer.class);
    }

    private List<Integer> definitionVersions(List<String> cases) {
        return db.queryForList("select distinct d.version_ from act_ru_execution p join act_re_procdef d "
                + "on d.id_ = p.proc_def_id_ where p.business_key_ in (:ids) and p.parent_id_ is null "
                + "and d.key_ = 'rectification'", Map.of("ids", cases), Integer.class);
    }

    private Map<String, Long> countPerCase(String sql, MapSqlParameterSource parameters) {
        Map<String, Long> counts = new HashMap<>();
        db.query(sql, parameters, row -> {
            counts.put(row.getString(1), row.getLong(2));
        });
        return counts;
    }

    // ---- the nodes

    /**
     * The test's class path with the application's classes copied and its rectification model changed
     * (a comment added): what a new release with a changed model looks like to the engine.
     */
    private String withChangedModel(String classPath) throws IOException {
        List<String> entries = new ArrayList<>();
        boolean replaced = false;
        for (String entry : classPath.split(File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!replaced && Files.isDirectory(path) && path.endsWith("classes")
                    && Files.exists(path.resolve("bpmn/rectification.bpmn"))) {
                Path copy = runDirectory.resolve("classes-upgraded").toAbsolutePath();
                copyTree(path, copy);
                Files.writeString(copy.resolve("bpmn/rectification.bpmn"), "\n<!-- a later release -->\n",
                        java.nio.file.StandardOpenOption.APPEND);
                entries.add(copy.toString());
                replaced = true;
            } else {
                entries.add(entry);
            }
        }
        assertThat(replaced).as("the application's classes directory on the class path " + classPath).isTrue();
        return String.join(File.pathSeparator, entries);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private void awaitUntil(String what, Duration timeout, Supplier<Boolean> condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout + ": " + what + " (" + progress() + ")");
            }
            RectifyNode.pause(Duration.ofMillis(50));
        }
    }

    private String progress() {
        return db.queryForList("select (select count(*) from act_ru_job) as jobs, (select count(*) from act_ru_job "
                + "where lock_owner_ is not null) as locked, (select count(*) from act_ru_job where retries_ = 0) as failed, "
                + "(select count(*) from notification) as notifications, "
                + "(select count(*) from notification where sent_at is null) as undelivered", Map.of()).toString();
    }

    // ---- HTTP: Basic authentication as a demo user, or the session of a form login

    private static String basic(String user) {
        return basic(user, PASSWORD);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode send(RectifyNode node, String method, String path, Object body, int expectedStatus)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(node.url(path)))
                .header("Authorization", basic(OFFICE)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + " on " + node.name() + ": " + response.body())
                .isEqualTo(expectedStatus);
        return json.readTree(response.body());
    }

    /** GET with an Authorization header, or with a session cookie ("SESSION=..."). */
    private HttpResponse<String> get(RectifyNode node, String path, String credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url(path))).timeout(Duration.ofSeconds(30));
        if (credentials.startsWith("SESSION=")) {
            request.header("Cookie", credentials);
        } else {
            request.header("Authorization", credentials);
        }
        try {
            return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs in on the login page as a browser does; returns the session cookie, "SESSION=...". */
    private String signInWithTheForm(RectifyNode node, String user) throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String page = browser.send(HttpRequest.newBuilder(URI.create(node.url("/login"))).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).as("a CSRF token on the login page").isTrue();
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(node.url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password="
                        + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                        + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        List<HttpCookie> session = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("SESSION")).collect(Collectors.toList());
        assertThat(session).as("the session cookie").hasSize(1);
        return "SESSION=" + session.get(0).getValue();
    }
}
