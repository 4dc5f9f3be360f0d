package io.rectify.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.apache.commons.lang3.StringUtils;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes the audit record in the transaction of the action it records: both or neither.
 * <p>
 * {@link #record} only collects the entry. When the transaction commits, its entries are
 * appended to the chain in one go: the chain head row is locked ({@code select … for update}),
 * the entries get the next sequence numbers and their hashes, and the head moves on. The lock
 * is held only from there to the commit, so transactions that audit at once (on one node or
 * several) queue for a moment and the chain stays one line, with no forks and no gaps; a
 * transaction that rolls back writes nothing. The append is plain SQL: it runs in every
 * transaction that changes anything, and through Hibernate it was a sixth of opening a case's
 * time (a locked entity read, an insert reading its generated key back, a second flush).
 */
@Service
public class AuditLog {

    private static final int MAX_DETAIL = 4000;
    private static final int MAX_NAME = 60;
    /**
     * The one row of {@code audit_chain_head}, which says where the chain ends. Appending locks
     * it, so entries get their sequence numbers one transaction after the other; the verifier
     * compares the last entry with it, so a cut-off tail shows.
     */
    static final int CHAIN_HEAD_ID = 1;

    @PersistenceContext
    private EntityManager entityManager;

    private final AuditEntryRepository entries;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    /**
     * The record keeps the real time, not the business clock: moving the demo's clock (a deadline
     * made due now) must not date an entry in the past or the future.
     */
    AuditLog(AuditEntryRepository entries, JdbcTemplate jdbc) {
        this.entries = entries;
        this.jdbc = jdbc;
        // to the millisecond, as the engine's clock and the pages show time
        this.clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String action, String caseId, String detail) {
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            // PostgreSQL would refuse the insert at commit; say which call was wrong instead
            throw new IllegalStateException("audit entry " + action + " in a read-only transaction");
        }
        pending().add(new AuditEntry(clock.instant(), StringUtils.abbreviate(actor, MAX_NAME), action, caseId,
                StringUtils.abbreviate(detail, MAX_DETAIL)));
    }

    /** A case's own history, for those who may see the case (the case page decides). */
    @Transactional(readOnly = true)
    public List<AuditEntry> ofCase(String caseId) {
        return entries.findByCaseIdOrderBySequence(caseId);
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> ofAction(String action) {
        return entries.findByActionOrderBySequence(action);
    }

    /**
     * The full record, newest first, one page after the sequence number {@code query.after()}:
     * for the audit administrator only (the caller checks the role), and the read is audited.
     */
    @Transactional
    public AuditPage search(String reader, AuditQuery query) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<AuditEntry> select = cb.createQuery(AuditEntry.class);
        Root<AuditEntry> entry = select.from(AuditEntry.class);
        List<Predicate> where = new ArrayList<>();
        if (query.actor() != null) {
            where.add(cb.equal(entry.get("actor"), query.actor()));
        }
        if (query.action() != null) {
            where.add(cb.equal(entry.get("action"), query.action()));
        }
        if (query.caseId() != null) {
            where.add(cb.equal(entry.get("caseId"), query.caseId()));
        }
        if (query.from() != null) {
            where.add(cb.greaterThanOrEqualTo(entry.get("occurredAt"), query.from()));
        }
        if (query.to() != null) {
            where.add(cb.lessThan(entry.get("occurredAt"), query.to()));
        }
        if (query.after() != null) {
            where.add(cb.lessThan(entry.get("sequence"), query.after()));
        }
        select.where(where.toArray(Predicate[]::new)).orderBy(cb.desc(entry.get("sequence")));
        List<AuditEntry> found = entityManager.createQuery(select).setMaxResults(query.size() + 1).getResultList();
        boolean more = found.size() > query.size();
        List<AuditEntry> page = more ? found.subList(0, query.size()) : found;
        record(reader, "AUDIT_READ", null, query.describe() + ": " + page.size() + " entr" + (page.size() == 1 ? "y" : "ies"));
        return new AuditPage(List.copyOf(page), more ? page.get(page.size() - 1).sequence() : null);
    }

    private List<AuditEntry> pending() {
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof AppendAtCommit append) {
                if (append.appended) {
                    throw new IllegalStateException("an audit entry recorded after its transaction began to commit");
                }
                return append.entries;
            }
        }
        AppendAtCommit append = new AppendAtCommit();
        TransactionSynchronizationManager.registerSynchronization(append);
        return append.entries;
    }

    /**
     * Appends a transaction's entries to the chain just before it commits. It runs after every
     * other synchronization, and first flushes the action's own changes, so that the row locks
     * they need are taken before the head's lock: a transaction holding the head never waits for
     * a lock another transaction holds while queuing for the head (no deadlock).
     */
    private final class AppendAtCommit implements TransactionSynchronization {

        private final List<AuditEntry> entries = new ArrayList<>();
        private boolean appended;

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            entityManager.flush();
            List<Object[]> rows = new ArrayList<>(entries.size());
            ChainEnd end = jdbc.query("select last_seq, last_hash from audit_chain_head where id = ? for update",
                    rs -> rs.next() ? new ChainEnd(rs.getLong(1), rs.getString(2)) : null, CHAIN_HEAD_ID);
            if (end == null) {
                throw new IllegalStateException("the audit chain head is missing (migration 8)");
            }
            long sequence = end.sequence();
            String hash = end.hash();
            for (AuditEntry entry : entries) {
                sequence++;
                hash = entry.chainAfter(sequence, hash);
                rows.add(new Object[] {sequence, OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC),
                        entry.actor(), entry.action(), entry.caseId(), entry.detail(), entry.previousHash(), hash});
            }
            jdbc.batchUpdate("insert into audit_entry (seq, occurred_at, actor, action, case_id, detail, prev_hash, hash)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
            jdbc.update("update audit_chain_head set last_seq = ?, last_hash = ? where id = ?", sequence, hash, CHAIN_HEAD_ID);
            appended = true;
        }
    }

    private record ChainEnd(long sequence, String hash) {
    }
}
