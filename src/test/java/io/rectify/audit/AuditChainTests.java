package io.rectify.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.rectify.IntegrationTest;
import io.rectify.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chain: linear under concurrent transactions, nothing written by a rollback, and the
 * verifier names the first broken link after a hand edit, a deletion or a cut-off tail. Each
 * tampering test puts the row back, so the shared database's chain is whole again afterwards.
 */
class AuditChainTests extends IntegrationTest {

    @Autowired
    AuditLog audit;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void concurrentTransactionsAppendOneUnbrokenLineAndARollbackWritesNothing() throws Exception {
        String run = UUID.randomUUID().toString();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            done.add(pool.submit((Callable<Void>) () -> {
                tx.executeWithoutResult(status -> {
                    audit.record("tester", "TEST_EVENT", run, "transaction " + n + " first");
                    audit.record("tester", "TEST_EVENT", run, "transaction " + n + " second");
                    if (n % 5 == 0) {
                        status.setRollbackOnly();
                    }
                });
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        List<AuditEntry> written = audit.ofCase(run);
        assertThat(written).hasSize(32 * 2);
        assertThat(written).extracting(AuditEntry::detail).noneMatch(d -> d.startsWith("transaction 5 "));
        // the two entries of one transaction follow each other
        for (int i = 0; i < written.size(); i += 2) {
            assertThat(written.get(i + 1).sequence()).isEqualTo(written.get(i).sequence() + 1);
            assertThat(written.get(i + 1).previousHash()).isEqualTo(written.get(i).hash());
        }
        AuditVerification result = verifier.verify();
        assertThat(result.intact()).as(result.summary()).isTrue();
        assertThat(result.checked()).isEqualTo(jdbc.queryForObject("select count(*) from audit_entry", Long.class));
    }

    @Test
    void recordingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> audit.record("tester", "TEST_EVENT", null, "no transaction"))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }

    @Test
    void anEntryEditedByHandIsTheFirstBrokenLink() {
        List<AuditEntry> mine = entries(4);
        AuditEntry edited = mine.get(1);
        AuditEntry alsoEdited = mine.get(3);
        try {
            bypassingTheWall(() -> {
                jdbc.update("update audit_entry set detail = ? where id = ?", "changed by hand", edited.id());
                jdbc.update("update audit_entry set actor = ? where id = ?", "someone else", alsoEdited.id());
            });

            AuditVerification result = verifier.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBroken().sequence()).isEqualTo(edited.sequence());
            assertThat(result.firstBroken().id()).isEqualTo(edited.id());
            assertThat(result.firstBroken().reason()).isEqualTo(AuditVerification.Reason.HASH_MISMATCH);
            assertThat(result.checked()).isEqualTo(edited.sequence() - 1);
            assertThat(command()).startsWith("1:").contains("BROKEN at entry " + edited.sequence());
        } finally {
            bypassingTheWall(() -> {
                jdbc.update("update audit_entry set detail = ? where id = ?", edited.detail(), edited.id());
                jdbc.update("update audit_entry set actor = ? where id = ?", alsoEdited.actor(), alsoEdited.id());
            });
        }
        assertThat(verifier.verify().intact()).isTrue();
        assertThat(command()).startsWith("0:").contains("intact");
    }

    @Test
    void aDeletedEntryIsReportedAsAGap() {
        List<AuditEntry> mine = entries(3);
        AuditEntry deleted = mine.get(1);
        try {
            bypassingTheWall(() -> jdbc.update("delete from audit_entry where id = ?", deleted.id()));

            AuditVerification result = verifier.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBroken().sequence()).isEqualTo(deleted.sequence());
            assertThat(result.firstBroken().reason()).isEqualTo(AuditVerification.Reason.GAP);
        } finally {
            bypassingTheWall(() -> putBack(deleted));
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aCutOffTailIsReportedAgainstTheHead() {
        List<AuditEntry> mine = entries(3);
        AuditEntry last = mine.get(2);
        AuditEntry beforeLast = mine.get(1);
        try {
            bypassingTheWall(() -> jdbc.update("delete from audit_entry where id in (?, ?)", beforeLast.id(), last.id()));

            AuditVerification result = verifier.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBroken().reason()).isEqualTo(AuditVerification.Reason.HEAD_MISMATCH);
            assertThat(result.firstBroken().sequence()).isEqualTo(beforeLast.sequence());
            assertThat(result.checked()).isEqualTo(beforeLast.sequence() - 1);
        } finally {
            bypassingTheWall(() -> {
                putBack(beforeLast);
                putBack(last);
            });
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    /** H2 has no PL/pgSQL triggers: there the verifier is the only wall (src/docs/security.md); this runs in the PostgreSQL suite. */
    @Test
    @Tag(TestDatabase.POSTGRES_ONLY)
    void onPostgresqlEvenTheOwnerCannotChangeOrDeleteAnEntryWhileTheTriggersStand() {
        AuditEntry entry = entries(1).get(0);
        assertThatThrownBy(() -> jdbc.update("update audit_entry set detail = 'x' where id = ?", entry.id()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry where id = ?", entry.id()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate audit_entry"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("update audit_chain_head set last_seq = last_seq - 1"))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("only moves forward");
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void theHashCoversEveryFieldUnambiguously() {
        Instant at = Instant.parse("2026-09-18T02:00:00.123456789Z");
        String base = AuditHash.of(7, at, "a", "b", "c", "d", AuditHash.GENESIS);
        assertThat(base).hasSize(64).isEqualTo(AuditHash.of(7, AuditHash.precise(at), "a", "b", "c", "d", AuditHash.GENESIS));
        assertThat(List.of(
                AuditHash.of(8, at, "a", "b", "c", "d", AuditHash.GENESIS),
                AuditHash.of(7, at.plusNanos(1000), "a", "b", "c", "d", AuditHash.GENESIS),
                AuditHash.of(7, at, "ab", "", "c", "d", AuditHash.GENESIS),
                AuditHash.of(7, at, "a", "b", null, "d", AuditHash.GENESIS),
                AuditHash.of(7, at, "a", "b", "", "d", AuditHash.GENESIS),
                AuditHash.of(7, at, "a", "b", "c", "d", "1".repeat(64))))
                .doesNotContain(base).doesNotHaveDuplicates();
    }

    /** n new entries of one transaction, as stored */
    private List<AuditEntry> entries(int n) {
        String run = UUID.randomUUID().toString();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            for (int i = 0; i < n; i++) {
                audit.record("tester", "TEST_EVENT", run, "entry " + i + " 审计");
            }
        });
        return audit.ofCase(run);
    }

    private String command() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        AuditVerifyCommand command = new AuditVerifyCommand(verifier, new PrintStream(printed, true, StandardCharsets.UTF_8));
        command.run(null);
        return command.getExitCode() + ":" + printed.toString(StandardCharsets.UTF_8);
    }

    /** As the schema owner, who may switch PostgreSQL's triggers off (H2 has none). */
    private void bypassingTheWall(Runnable tampering) {
        if (TestDatabase.postgres()) {
            jdbc.execute("alter table audit_entry disable trigger audit_entry_append_only");
        }
        try {
            tampering.run();
        } finally {
            if (TestDatabase.postgres()) {
                jdbc.execute("alter table audit_entry enable trigger audit_entry_append_only");
            }
        }
    }

    private void putBack(AuditEntry e) {
        jdbc.update("insert into audit_entry (id, seq, occurred_at, actor, action, case_id, detail, prev_hash, hash)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", e.id(), e.sequence(),
                java.time.OffsetDateTime.ofInstant(e.occurredAt(), java.time.ZoneOffset.UTC), e.actor(), e.action(),
                e.caseId(), e.detail(), e.previousHash(), e.hash());
    }

}
