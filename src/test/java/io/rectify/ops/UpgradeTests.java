package io.rectify.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.TestDatabase;
import io.rectify.api.Api;
import io.rectify.audit.AuditVerification;
import io.rectify.audit.AuditVerifier;
import io.rectify.calendar.WorkingDayCalendar;
import org.camunda.bpm.engine.HistoryService;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;

/**
 * Upgrading (src/docs/operations.md, "Upgrading"): a backup that the previous release
 * made of its own database is restored with {@code src/ops/restore.sh}, and this release starts on
 * it, as step 3 there says. Flyway, as the schema owner, brings the schema from the
 * previous release's version to this one's; every case, file and audit entry is served as the
 * previous release left it; the timers that fell due while no node ran fire once, with their
 * effects; tasks the previous release opened are completed on this one; and a new case's number
 * goes on from its office's count.
 *
 * <p>The backup (src/test/upgrade/, with a README on how it was made) was loaded by the previous
 * release's own BackupRestoreTests, through its API, on fixed days of September 2026: its pending
 * timers were due long before this test runs. A release replaces it with a backup of the release
 * before it. Starts an application of its own, so it runs in the own-applications execution.
 */
@Tag(TestDatabase.POSTGRES_ONLY)
class UpgradeTests {

    /** the backup made by the release before this one (commit c52c041) */
    static final Path PREVIOUS_RELEASE = Path.of("src/test/upgrade/c52c041");

    @TempDir
    Path work;

    @Test
    void thisReleaseStartsOnThePreviousReleasesDatabaseAndCarriesOnItsCases() throws Exception {
        Map<String, String> manifest = manifest();
        try (TestSite site = new TestSite(work, manifest.get("db_owner"), manifest.get("app_roles"))) {
            String database = site.newDatabaseName();
            Path attachments = work.resolve("attachments");
            TestSite.Run restore = site.script("restore.sh", "--from", PREVIOUS_RELEASE.toString(), "--database",
                    database, "--attachments", attachments.toString());
            assertThat(restore.exit()).as(restore.output()).isZero();

            // what the previous release left, and what the checks below need of it
            String previousVersion = manifest.get("flyway_version");
            List<String[]> cases = site.query(database, "select id, case_number, status, opened_by_org_code,"
                    + " overdue_marked::text from rectification_case order by id");
            List<TestSite.TimerJob> pending = site.timers(database);
            Map<String, Map<String, Long>> effectsBefore = site.effects(database);
            String[] head = site.query(database, "select last_seq, last_hash from audit_chain_head").get(0);
            List<String[]> files = site.query(database, "select id, case_id, sha256 from attachment");
            assertThat(cases).hasSize(6);
            assertThat(files).isNotEmpty();
            assertThat(pending).as("timers pending in the backup").isNotEmpty()
                    .allSatisfy(timer -> assertThat(timer.due()).as("due before now").isBefore(Instant.now()));
            Set<String> timerCases = pending.stream().map(TestSite.TimerJob::caseId).collect(Collectors.toSet());
            Set<String> deadlineCases = pending.stream().filter(timer -> timer.activity().equals("Timer_Deadline"))
                    .map(TestSite.TimerJob::caseId).collect(Collectors.toSet());

            try (ConfigurableApplicationContext running = site.start(database, attachments, true)) {
                Flyway flyway = running.getBean(Flyway.class);
                List<MigrationInfo> newer = Arrays.stream(flyway.info().applied())
                        .filter(m -> m.getVersion() != null && m.getVersion().isNewerThan(previousVersion)).toList();
                assertThat(newer).as("this release's migrations, applied at its first start").isNotEmpty()
                        .allSatisfy(m -> {
                            assertThat(m.getState()).isEqualTo(MigrationState.SUCCESS);
                            assertThat(m.getInstalledBy()).as("run as the schema owner").isEqualTo(site.owner);
                        });
                assertThat(flyway.info().pending()).isEmpty();

                // the deadlines that passed while no node ran: each fires once, with its effects
                site.awaitFired(database, pending);
                HistoryService history = running.getBean(HistoryService.class);
                for (TestSite.TimerJob timer : pending) {
                    assertThat(history.createHistoricJobLogQuery().jobId(timer.id()).successLog().count())
                            .as("successful runs of %s", timer).isEqualTo(1);
                }
                // the notifications the fired timers wrote leave through the outbox
                site.awaitNoRows(database, "select id from notification where sent_at is null",
                        "every notification delivered within 2 minutes");
                // the reminders come due after their deadline has ended too, and a reminder then reminds no one
                Map<String, Map<String, Long>> effectsNow = site.effects(database);
                for (String[] c : cases) {
                    for (String effect : TestSite.TIMER_EFFECTS) {
                        boolean reminder = effect.contains("REMINDER");
                        assertThat(TestSite.count(effectsNow, c[0], effect) - TestSite.count(effectsBefore, c[0], effect))
                                .as("%s of case %s", effect, c[1]).isEqualTo(timerCases.contains(c[0]) && !reminder ? 1 : 0);
                    }
                }

                // every case, as its office sees it, and every file byte for byte
                Api any = TestSite.api(running, "admin");
                for (String[] c : cases) {
                    JsonNode view = any.as(officeUser(site, database, c[3])).caseView(c[0]);
                    assertThat(view.get("caseNumber").asText()).isEqualTo(c[1]);
                    assertThat(view.get("status").asText()).as("case %s", c[1]).isEqualTo(c[2]);
                    assertThat(view.get("overdue").asBoolean()).as("case %s overdue", c[1])
                            .isEqualTo(Boolean.parseBoolean(c[4]) || deadlineCases.contains(c[0]));
                }
                for (String[] file : files) {
                    String opener = cases.stream().filter(c -> c[0].equals(file[1])).findFirst().orElseThrow()[3];
                    ResponseEntity<byte[]> download = any.as(officeUser(site, database, opener)).download(file[1], file[0]);
                    assertThat(download.getStatusCode().value()).isEqualTo(200);
                    assertThat(TestSite.sha256(download.getBody())).as("attachment %s", file[0]).isEqualTo(file[2]);
                }

                // the audit chain goes on from the previous release's head
                AuditVerification audit = running.getBean(AuditVerifier.class).verify("upgrade-test");
                assertThat(audit.intact()).as(audit.summary()).isTrue();
                assertThat(audit.headSequence()).isGreaterThan(Long.parseLong(head[0]));
                assertThat(site.query(database, "select hash from audit_entry where seq = " + head[0]))
                        .singleElement().satisfies(row -> assertThat(row[0]).isEqualTo(head[1]));

                // tasks the previous release opened are done on this one
                String[] answered = only(cases, "RESPONDED");
                Api verifier = any.as(officeUser(site, database, answered[3]));
                assertThat(verifier.complete(answered[0], "verify", Map.of("accepted", true)).get("status").asText())
                        .isEqualTo("CLOSED");
                String[] detected = only(cases, "DETECTED");
                Api orderer = any.as(officeUser(site, database, detected[3]));
                assertThat(orderer.complete(detected[0], "issueOrder",
                        Map.of("requirements", "升级后下达的整改要求", "periodWorkingDays", 5)).get("status").asText())
                        .isEqualTo("ORDERED");

                // and a new case goes on from its office's count of this year
                int year = LocalDate.now(WorkingDayCalendar.ZONE).getYear();
                List<String[]> counted = site.query(database, "select last_number from case_number_counter"
                        + " where issuer_code = '" + detected[3] + "' and case_year = " + year);
                int next = counted.isEmpty() ? 1 : Integer.parseInt(counted.get(0)[0]) + 1;
                JsonNode opened = orderer.openCase("A33-04", "JX-EDU");
                assertThat(opened.get("caseNumber").asText()).endsWith("〔" + year + "〕" + next + "号");

                assertThat(site.workItems(database)).isEqualTo(site.engineTasks(database));
                assertThat(running.getBean(AuditVerifier.class).verify("upgrade-test").intact()).isTrue();
            }
        }
    }

    private static Map<String, String> manifest() throws Exception {
        return Files.readAllLines(PREVIOUS_RELEASE.resolve("manifest")).stream()
                .filter(line -> line.contains("="))
                .collect(Collectors.toMap(line -> line.substring(0, line.indexOf('=')),
                        line -> line.substring(line.indexOf('=') + 1), (first, second) -> first));
    }

    /** the one case of the backup in this state */
    private static String[] only(List<String[]> cases, String status) {
        List<String[]> found = cases.stream().filter(c -> c[2].equals(status)).toList();
        assertThat(found).as("cases " + status + " in the backup").hasSize(1);
        return found.get(0);
    }

    /** a supervisor of the office that opened a case: who sees it and does its office's tasks */
    private static String officeUser(TestSite site, String database, String officeCode) throws Exception {
        return site.query(database, "select username from app_user where org_code = '" + officeCode
                + "' and role = 'SUPERVISOR' order by username").get(0)[0];
    }
}
