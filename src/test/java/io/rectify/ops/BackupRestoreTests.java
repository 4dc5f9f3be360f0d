package io.rectify.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.TestDatabase;
import io.rectify.api.Api;
import io.rectify.api.ResponseValues;
import io.rectify.audit.AuditVerification;
import io.rectify.audit.AuditVerifier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;

/**
 * Backup and restore (src/docs/operations.md): Rectify on PostgreSQL with the schema owner
 * and the application role of migration 8 is loaded through its API (cases in every state,
 * attachments, an escalated case with sanctions, orders whose deadline timers are pending), backed
 * up by {@code src/ops/backup.sh} while it runs, and restored by {@code src/ops/restore.sh} into a
 * new database and attachment directory. The restored copy holds every row of every table with its
 * owner, grants and audit triggers; Rectify started on it serves the same cases, files and audit
 * chain, and each pending deadline fires exactly once, with exactly one effect.
 *
 * <p>The clock: the data is loaded on fixed days of September 2026 through the clock control of the
 * default profile, so the working-day deadlines are known. The restored copy starts at the moment
 * the backup was taken (the engine's clock is set before it starts, or its job executor would fire
 * at once every deadline that real time has passed), and then the clock control moves past the
 * pending deadlines: the timers fire as they would in production, by the job executor, at the due
 * dates restored from the dump. Making the jobs due by changing their rows would test the change,
 * not the backup.
 *
 * <p>Starts applications of its own, so it runs in the JVM of the own-applications execution.
 */
@Tag(TestDatabase.POSTGRES_ONLY)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRestoreTests {

    /** Friday 18 September 2026, the first orders; Sunday the 20th is a 调休 working day. */
    static final Instant FIRST_DAY = Instant.parse("2026-09-18T02:00:00Z");
    /** Wednesday 23 September, 09:00 in China: the first three-day order is overdue; new orders are issued. */
    static final Instant SECOND_DAY = Instant.parse("2026-09-23T01:00:00Z");
    /** when the backup is taken, and when the restored copy starts */
    static final Instant BACKUP_TIME = Instant.parse("2026-09-23T03:00:00Z");
    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    @TempDir
    static Path work;

    TestSite site;
    String owner;
    String app;

    String source;
    Path backup;
    /** case id → the office user who opened it and sees it */
    final Map<String, String> viewers = new LinkedHashMap<>();
    final Map<String, JsonNode> caseViews = new HashMap<>();
    /** attachment id → SHA-256 of the bytes uploaded */
    final Map<String, String> uploaded = new HashMap<>();
    /** cases whose order was issued on the second day: their reminder and deadline are pending */
    final List<String> pendingCases = new ArrayList<>();
    Map<String, String> sourceTables;
    /** the source once Rectify stopped: the engine writes its last metrics at shutdown, after the backup */
    Map<String, String> sourceAfterStop;
    Set<String> sourceStructure;
    List<TestSite.TimerJob> pendingTimers;
    Map<String, Map<String, Long>> effectsAtBackup;
    long headSequence;
    String headHash;

    @BeforeAll
    void loadDataThroughTheProductAndBackItUpWhileItRuns() throws Exception {
        site = TestSite.withNewRoles(work);
        owner = site.owner;
        app = site.app;
        source = site.newDatabaseName();
        // as in production (src/docs/security.md, "Database roles"): the owner role owns the database, Flyway runs as it
        site.execute("postgres", site.superuser, "create database " + source + " owner " + owner);
        Path attachments = work.resolve("attachments");
        backup = work.resolve("backup");

        try (ConfigurableApplicationContext running = site.start(source, attachments, false)) {
            Api office = TestSite.api(running, "gz.office");
            Api admin = office.as("admin");
            setClock(admin, FIRST_DAY);

            // escalated when its order runs out, reviewed, two officials sanctioned
            String sanctioned = open(office, "gz.office", "A33-03", "GZ-EDU");
            upload(office, sanctioned, "检查记录.txt", "首页未公开预算信息\n".getBytes(StandardCharsets.UTF_8));
            office.complete(sanctioned, "issueOrder", Map.of("requirements", "公开应公开的信息", "periodWorkingDays", 3));
            // closed: ordered, answered with evidence, accepted
            Api jxOffice = office.as("jx.office");
            String closed = open(office, "jx.office", "A33-04", "JX-EDU");
            jxOffice.complete(closed, "issueOrder", Map.of("requirements", "发布预算信息", "periodWorkingDays", 5));
            upload(office.as("jx.edu"), closed, "整改截图.png", png(4096));
            office.as("jx.edu").complete(closed, "respond", ResponseValues.of("A33-04"));
            assertThat(jxOffice.complete(closed, "verify", Map.of("accepted", true)).get("status").asText())
                    .isEqualTo("CLOSED");
            // answered, waiting for the office's verification
            Api ncOffice = office.as("nc.office");
            String answered = open(office, "nc.office", "A33-05", "NC-EDU");
            ncOffice.complete(answered, "issueOrder", Map.of("requirements", "恢复在线服务", "periodWorkingDays", 5));
            office.as("nc.edu").complete(answered, "respond", ResponseValues.of("A33-05"));
            // opened only: the order is still to be issued
            String opened = open(office, "jx.office", "A33-09", "JX-HEALTH");
            upload(jxOffice, opened, "域名检查.csv", "domain,finding\nwww.example.gov.cn,未备案\n".getBytes(StandardCharsets.UTF_8));

            setClock(admin, SECOND_DAY);
            runDueJobs(admin);
            assertThat(office.caseView(sanctioned).get("escalated").asBoolean()).as("overdue, escalated").isTrue();
            Api supervision = office.as("jx.supervision");
            supervision.complete(sanctioned, "reviewEscalation", Map.of("decision", "SANCTION", "findings", "逾期未整改"));
            supervision.complete(sanctioned, "recordSanctions", Map.of("sanctions", List.of(
                    Map.of("personName", "张三", "post", "局长", "orgCode", "GZ-EDU", "responsibility", "LEADER",
                            "type", "WARNING", "decisionNumber", "赣监〔2026〕1号", "decisionDate", "2026-09-23"))));

            // orders issued now, due after the backup: their reminders and deadlines are pending in it
            String pendingJx = open(office, "jx.office", "A33-08", "JX-EDU");
            jxOffice.complete(pendingJx, "issueOrder", Map.of("requirements", "停止收费并退费", "periodWorkingDays", 3));
            upload(office.as("jx.edu"), pendingJx, "情况说明.png", png(70_000));
            String pendingNc = open(office, "nc.office", "A33-02", "NC-EDU");
            ncOffice.complete(pendingNc, "issueOrder", Map.of("requirements", "完成备案", "periodWorkingDays", 3));
            pendingCases.addAll(List.of(pendingJx, pendingNc));

            setClock(admin, BACKUP_TIME);
            for (Map.Entry<String, String> c : viewers.entrySet()) {
                caseViews.put(c.getKey(), office.as(c.getValue()).caseView(c.getKey()));
            }
            assertThat(running.getBean(AuditVerifier.class).verify("backup-test").intact()).isTrue();

            Map<String, String> before = tables(source);
            TestSite.Run backedUp = site.script("backup.sh", "--database", source, "--attachments", attachments.toString(),
                    "--out", backup.toString());
            assertThat(backedUp.exit()).as(backedUp.output()).isZero();
            // nothing wrote meanwhile, so the copy must equal the database row for row
            assertThat(tables(source)).as("the source changed during the backup").isEqualTo(before);
            sourceTables = before;
        }
        sourceAfterStop = tables(source);
        sourceStructure = structure(source);
        pendingTimers = site.timers(source);
        effectsAtBackup = site.effects(source);
        try (Connection c = site.connect(source, site.superuser); Statement s = c.createStatement();
             ResultSet head = s.executeQuery("select last_seq, last_hash from audit_chain_head")) {
            head.next();
            headSequence = head.getLong(1);
            headHash = head.getString(2);
        }

        // what the backup must hold for the checks below to mean anything
        assertThat(viewers).hasSize(6);
        assertThat(uploaded).hasSize(4);
        assertThat(pendingTimers).extracting(TestSite.TimerJob::caseId).containsExactlyInAnyOrder(
                pendingCases.get(0), pendingCases.get(0), pendingCases.get(1), pendingCases.get(1));
        assertThat(pendingTimers).extracting(TestSite.TimerJob::activity).containsOnly("Timer_Reminder", "Timer_Deadline");
        assertThat(pendingTimers).allSatisfy(t -> assertThat(t.due()).isAfter(BACKUP_TIME));
        assertThat(Files.readString(backup.resolve("manifest"))).contains("format=rectify-backup/1",
                "db_owner=" + owner, "app_roles=" + app, "flyway_version=", "rectify_version=0.1.0-SNAPSHOT",
                "database.dump.sha256=", "attachments.tar.sha256=");
    }

    @AfterAll
    void dropWhatThisTestCreated() throws SQLException {
        ClockUtil.reset();
        if (site != null) {
            site.close();
        }
    }

    @Test
    void theRestoredDatabaseHoldsEveryRowOfEveryTableWithItsOwnerGrantsAndAuditTriggers() throws Exception {
        String restored = site.newDatabaseName();
        Path attachments = work.resolve("restored-attachments-1");
        TestSite.Run run = site.script("restore.sh", "--from", backup.toString(), "--database", restored,
                "--attachments", attachments.toString());
        assertThat(run.exit()).as(run.output()).isZero();

        assertThat(sourceTables).containsKeys("rectification_case", "case_record", "attachment", "sanction",
                "audit_entry", "audit_chain_head", "work_item", "notification", "spring_session",
                "act_ru_job", "act_ru_task", "act_hi_procinst", "flyway_schema_history");
        assertThat(sourceTables.get("rectification_case")).startsWith("6:");
        assertThat(sourceTables.get("sanction")).startsWith("1:");
        assertThat(tables(restored)).isEqualTo(sourceTables);
        assertThat(structure(restored)).isEqualTo(sourceStructure)
                .contains("trigger audit_entry audit_entry_append_only", "trigger audit_entry audit_entry_no_truncate",
                        "grant audit_entry " + app + " INSERT", "grant audit_entry " + app + " SELECT",
                        "owner audit_entry " + owner);
        assertThat(structure(restored)).noneMatch(line -> line.startsWith("grant audit_entry " + app + " UPDATE")
                || line.startsWith("grant audit_entry " + app + " DELETE"));

        // the walls of migration 8 stand in the copy: the grants for the application, the triggers for the owner
        assertThatThrownBy(() -> site.execute(restored, app, "update audit_entry set detail = 'changed' where seq = 1"))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> site.execute(restored, app, "delete from audit_entry where seq = 1"))
                .hasMessageContaining("permission denied");
        assertThatThrownBy(() -> site.execute(restored, owner, "update audit_entry set detail = 'changed' where seq = 1"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> site.execute(restored, owner, "truncate audit_entry"))
                .hasMessageContaining("append-only");

        // every file the rows refer to, byte for byte
        for (String[] row : site.query(restored, "select storage_name, sha256 from attachment")) {
            assertThat(TestSite.sha256(Files.readAllBytes(attachments.resolve(row[0])))).isEqualTo(row[1]);
        }
        assertThat(site.query(restored, "select storage_name from attachment")).hasSize(uploaded.size());
    }

    @Test
    void rectifyOnTheRestoredCopyServesTheSameCasesFilesAndAuditChainAndItsPendingDeadlinesFireOnce() throws Exception {
        String restored = site.newDatabaseName();
        Path attachments = work.resolve("restored-attachments-2");
        TestSite.Run run = site.script("restore.sh", "--from", backup.toString(), "--database", restored,
                "--attachments", attachments.toString());
        assertThat(run.exit()).as(run.output()).isZero();

        ClockUtil.setCurrentTime(Date.from(BACKUP_TIME));
        try (ConfigurableApplicationContext running = site.start(restored, attachments, true)) {
            Api office = TestSite.api(running, "gz.office");

            for (Map.Entry<String, String> c : viewers.entrySet()) {
                assertThat(office.as(c.getValue()).caseView(c.getKey())).as("case %s", c.getKey())
                        .isEqualTo(caseViews.get(c.getKey()));
                Api.Response files = office.as(c.getValue()).get("/api/cases/" + c.getKey() + "/attachments");
                assertThat(files.status()).isEqualTo(200);
                for (JsonNode file : files.body()) {
                    String id = file.get("id").asText();
                    ResponseEntity<byte[]> download = office.as(c.getValue()).download(c.getKey(), id);
                    assertThat(download.getStatusCode().value()).isEqualTo(200);
                    assertThat(TestSite.sha256(download.getBody())).as("attachment %s", id).isEqualTo(uploaded.get(id));
                }
            }
            assertThat(site.query(restored, "select id from attachment")).hasSize(uploaded.size());

            AuditVerification audit = running.getBean(AuditVerifier.class).verify("backup-test");
            assertThat(audit.intact()).as(audit.summary()).isTrue();
            assertThat(audit.headSequence()).isGreaterThan(headSequence);
            assertThat(site.query(restored, "select hash from audit_entry where seq = " + headSequence))
                    .singleElement().satisfies(row -> assertThat(row[0]).isEqualTo(headHash));

            assertThat(site.workItems(restored)).isNotEmpty().isEqualTo(site.engineTasks(restored));
            assertThat(site.timers(restored)).as("nothing fired while the copy started").isEqualTo(pendingTimers);

            // the reminders at their time first: a reminder timer that fires after the deadline's end reminds no one
            List<TestSite.TimerJob> reminders = pendingTimers.stream()
                    .filter(t -> t.activity().equals("Timer_Reminder")).toList();
            Instant remindersDue = reminders.stream().map(TestSite.TimerJob::due).max(Comparator.naturalOrder()).orElseThrow();
            setClock(office.as("admin"), remindersDue.plus(Duration.ofMinutes(1)));
            site.awaitFired(restored, reminders);
            Instant lastDue = pendingTimers.stream().map(TestSite.TimerJob::due).max(Comparator.naturalOrder()).orElseThrow();
            setClock(office.as("admin"), lastDue.plus(Duration.ofMinutes(1)));
            site.awaitFired(restored, pendingTimers);
            runDueJobs(office.as("admin"));

            HistoryService history = running.getBean(HistoryService.class);
            for (TestSite.TimerJob timer : pendingTimers) {
                assertThat(history.createHistoricJobLogQuery().jobId(timer.id()).successLog().count())
                        .as("successful runs of %s", timer).isEqualTo(1);
            }
            Map<String, Map<String, Long>> effectsNow = site.effects(restored);
            for (String caseId : viewers.keySet()) {
                for (String effect : TestSite.TIMER_EFFECTS) {
                    long expected = pendingCases.contains(caseId) ? 1 : 0;
                    assertThat(TestSite.count(effectsNow, caseId, effect) - TestSite.count(effectsAtBackup, caseId, effect))
                            .as("%s of case %s", effect, caseId).isEqualTo(expected);
                }
            }
            for (String caseId : pendingCases) {
                JsonNode overdue = office.as(viewers.get(caseId)).caseView(caseId);
                assertThat(overdue.get("overdue").asBoolean()).isTrue();
                assertThat(overdue.get("escalationReason").asText()).isEqualTo("OVERDUE");
                assertThat(overdue.get("openTasks")).extracting(t -> t.get("taskKey").asText())
                        .containsExactlyInAnyOrder("respond", "reviewEscalation");
            }
            assertThat(site.workItems(restored)).isEqualTo(site.engineTasks(restored));
            assertThat(running.getBean(AuditVerifier.class).verify("backup-test").intact()).isTrue();
        } finally {
            ClockUtil.reset();
        }
    }

    @Test
    void aBackupThatNoLongerMatchesItsManifestIsRefusedBeforeAnythingIsCreated() throws Exception {
        Path damaged = work.resolve("damaged");
        Files.createDirectories(damaged);
        for (String file : List.of("database.dump", "attachments.tar", "manifest")) {
            Files.copy(backup.resolve(file), damaged.resolve(file));
        }
        byte[] dump = Files.readAllBytes(damaged.resolve("database.dump"));
        dump[dump.length / 2] ^= 0x01;
        Files.write(damaged.resolve("database.dump"), dump);
        String restored = site.newDatabaseName();
        Path attachments = work.resolve("never-written");

        TestSite.Run run = site.script("restore.sh", "--from", damaged.toString(), "--database", restored,
                "--attachments", attachments.toString());

        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("database.dump does not match the SHA-256 in its manifest", "restore refused");
        assertThat(site.query("postgres", "select datname from pg_database where datname = '" + restored + "'")).isEmpty();
        assertThat(attachments).doesNotExist();
    }

    @Test
    void restoreNeverOverwritesADatabaseThatHoldsData() throws Exception {
        TestSite.Run run = site.script("restore.sh", "--from", backup.toString(), "--database", source,
                "--attachments", work.resolve("over-the-source").toString());

        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("database '" + source + "' exists and holds");
        assertThat(tables(source)).isEqualTo(sourceAfterStop);
    }

    // --- the application --------------------------------------------------------------------



    /** Opens a case as this office user, whose view of it is compared after the restore. */
    private String open(Api client, String office, String category, String respondent) {
        String id = client.as(office).openCase(category, respondent).get("id").asText();
        viewers.put(id, office);
        return id;
    }

    private void upload(Api user, String caseId, String name, byte[] content) {
        Api.Response stored = user.upload(caseId, name, content);
        assertThat(stored.status()).as(stored.text()).isEqualTo(201);
        uploaded.put(stored.body().get("id").asText(), TestSite.sha256(content));
    }

    private static void setClock(Api admin, Instant now) {
        Api.Response set = admin.post("/api/admin/clock", Map.of("now", now.atOffset(CHINA).toString()));
        assertThat(set.status()).as(set.text()).isEqualTo(200);
    }

    private static int runDueJobs(Api admin) {
        Api.Response ran = admin.post("/api/admin/jobs/run-due", null);
        assertThat(ran.status()).as(ran.text()).isEqualTo(200);
        return ran.body().get("executed").asInt();
    }


    // --- the scripts ------------------------------------------------------------------------




    // --- what the database holds --------------------------------------------------------------

    /** Every table of the schema: its row count and a hash of its rows, in an order independent of storage. */
    private Map<String, String> tables(String database) throws SQLException {
        Map<String, String> tables = new TreeMap<>();
        for (String[] table : site.query(database, "select tablename from pg_tables where schemaname = 'public'")) {
            tables.put(table[0], site.query(database, "select count(*) || ':' || coalesce(md5(string_agg(md5(t::text), ','"
                    + " order by md5(t::text))), '') from public.\"" + table[0] + "\" t").get(0)[0]);
        }
        for (String[] sequence : site.query(database,
                "select sequencename, coalesce(last_value, 0) from pg_sequences where schemaname = 'public'")) {
            tables.put("sequence " + sequence[0], sequence[1]);
        }
        return tables;
    }

    /** Who owns each relation and function, who may do what on it, its triggers, the default privileges. */
    private Set<String> structure(String database) throws SQLException {
        Set<String> lines = new TreeSet<>();
        for (String[] row : site.query(database, "select 'owner ' || relname || ' ' || pg_get_userbyid(relowner)"
                + " from pg_class where relnamespace = 'public'::regnamespace"
                + " union all select 'grant ' || c.relname || ' ' || pg_get_userbyid(a.grantee) || ' ' || a.privilege_type"
                + " from pg_class c cross join aclexplode(c.relacl) a where c.relnamespace = 'public'::regnamespace"
                + " union all select 'trigger ' || tgrelid::regclass || ' ' || tgname from pg_trigger where not tgisinternal"
                + " union all select 'function ' || proname || ' ' || pg_get_userbyid(proowner)"
                + " from pg_proc where pronamespace = 'public'::regnamespace"
                + " union all select 'default ' || pg_get_userbyid(defaclrole) || ' ' || defaclobjtype::text || ' ' || defaclacl::text"
                + " from pg_default_acl")) {
            lines.add(row[0]);
        }
        return lines;
    }










    private static byte[] png(int size) {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(signature, 0, content, 0, signature.length);
        return content;
    }

}
