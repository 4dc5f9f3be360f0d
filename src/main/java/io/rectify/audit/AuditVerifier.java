package io.rectify.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks the audit chain in sequence order and names its first broken link. It reads the head
 * first and then the entries up to it in batches by sequence number, so memory stays the same
 * for a million entries as for ten, and entries appended meanwhile (after the head it read)
 * are left for the next run.
 */
@Service
public class AuditVerifier {

    static final int BATCH = 1_000;

    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final AtomicReference<AuditVerification> last = new AtomicReference<>();

    AuditVerifier(JdbcTemplate jdbc, AuditLog audit, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Verifies the chain for {@code reader}; the verification, a read of the whole record, is audited. */
    public AuditVerification verify(String reader) {
        AuditVerification result = verify();
        transaction.executeWithoutResult(status -> audit.record(reader, "AUDIT_VERIFIED", null, result.summary()));
        last.set(result);
        return result;
    }

    /** the last verification this node ran, or null */
    public AuditVerification last() {
        return last.get();
    }

    AuditVerification verify() {
        Instant started = clock.instant();
        Head head = jdbc.queryForObject("select last_seq, last_hash from audit_chain_head where id = ?",
                (rs, row) -> new Head(rs.getLong(1), rs.getString(2)), AuditLog.CHAIN_HEAD_ID);
        long expected = 1;
        String previousHash = AuditHash.GENESIS;
        while (expected <= head.sequence()) {
            List<Row> batch = jdbc.query(
                    "select id, seq, occurred_at, actor, action, case_id, detail, prev_hash, hash from audit_entry"
                            + " where seq >= ? and seq <= ? order by seq fetch first " + BATCH + " rows only",
                    (rs, row) -> new Row(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9)),
                    expected, head.sequence());
            if (batch.isEmpty()) {
                break;
            }
            for (Row row : batch) {
                long checked = expected - 1;
                if (row.sequence() != expected) {
                    return AuditVerification.broken(checked, new AuditVerification.Link(expected, null,
                            AuditVerification.Reason.GAP, "entry " + expected + " is missing (deleted): the record goes on at "
                            + row.sequence() + " (id " + row.id() + ")"), head, started);
                }
                if (!previousHash.equals(row.previousHash())) {
                    return AuditVerification.broken(checked, new AuditVerification.Link(row.sequence(), row.id(),
                            AuditVerification.Reason.LINK_MISMATCH, "its previous hash is not the hash of entry "
                            + (expected - 1)), head, started);
                }
                String hash = AuditHash.of(row.sequence(), row.occurredAt(), row.actor(), row.action(), row.caseId(),
                        row.detail(), row.previousHash());
                if (!hash.equals(row.hash())) {
                    return AuditVerification.broken(checked, new AuditVerification.Link(row.sequence(), row.id(),
                            AuditVerification.Reason.HASH_MISMATCH, "its fields do not give its hash (edited)"), head, started);
                }
                previousHash = row.hash();
                expected++;
            }
        }
        long checked = expected - 1;
        if (checked < head.sequence()) {
            return AuditVerification.broken(checked, new AuditVerification.Link(expected, null,
                    AuditVerification.Reason.HEAD_MISMATCH, "the head says the record ends at " + head.sequence()
                    + " but it ends at " + checked + " (tail removed)"), head, started);
        }
        if (!previousHash.equals(head.hash())) {
            return AuditVerification.broken(checked, new AuditVerification.Link(checked, null,
                    AuditVerification.Reason.HEAD_MISMATCH, "the last entry's hash is not the head's"), head, started);
        }
        return AuditVerification.intact(checked, head, started);
    }

    record Head(long sequence, String hash) {
    }

    private record Row(long id, long sequence, Instant occurredAt, String actor, String action, String caseId,
                       String detail, String previousHash, String hash) {
    }
}
