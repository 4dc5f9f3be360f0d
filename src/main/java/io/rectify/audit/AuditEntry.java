package io.rectify.audit;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One security or business event: who, what, when, which case. Never updated, never deleted;
 * each entry is chained to the one before it by {@link AuditHash} (sequence, previous hash, own hash).
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** the place in the chain: 1, 2, 3 … with no gaps, given when the transaction commits */
    @Column(name = "seq", updatable = false)
    private Long sequence;

    @Column(name = "occurred_at", updatable = false)
    private Instant occurredAt;

    @Column(updatable = false)
    private String actor;

    @Column(updatable = false)
    private String action;

    @Column(name = "case_id", updatable = false)
    private String caseId;

    @Column(updatable = false)
    private String detail;

    @Column(name = "prev_hash", updatable = false)
    private String previousHash;

    @Column(updatable = false)
    private String hash;

    protected AuditEntry() {
    }

    AuditEntry(Instant occurredAt, String actor, String action, String caseId, String detail) {
        this.occurredAt = AuditHash.precise(occurredAt);
        this.actor = actor;
        this.action = action;
        this.caseId = caseId;
        this.detail = detail;
    }

    /** Links this entry after the one with {@code previousHash}; returns its own hash. */
    String chainAfter(long sequence, String previousHash) {
        this.sequence = sequence;
        this.previousHash = previousHash;
        this.hash = AuditHash.of(sequence, occurredAt, actor, action, caseId, detail, previousHash);
        return hash;
    }

    public Long id() {
        return id;
    }

    public Long sequence() {
        return sequence;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String caseId() {
        return caseId;
    }

    public String detail() {
        return detail;
    }

    public String previousHash() {
        return previousHash;
    }

    public String hash() {
        return hash;
    }
}
