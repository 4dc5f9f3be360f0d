package io.rectify.audit;

import java.time.Instant;

/**
 * What a walk of the chain found: intact, or the first broken link. {@code headSequence} and
 * {@code headHash} are worth writing down elsewhere: a chain rewritten from some entry onwards,
 * head included, matches itself again, but no longer that note.
 */
public record AuditVerification(boolean intact, long checked, Link firstBroken, long headSequence, String headHash,
                                Instant verifiedAt) {

    public enum Reason {
        /** an entry's fields no longer give its stored hash: it was edited */
        HASH_MISMATCH,
        /** an entry's previous hash is not its predecessor's hash: one of the two was replaced */
        LINK_MISMATCH,
        /** a sequence number is missing: an entry was deleted */
        GAP,
        /** the record ends before, or otherwise than, the head says: the tail was removed or replaced */
        HEAD_MISMATCH
    }

    /** The first link that does not hold: its sequence number, its row id when the row exists, and why. */
    public record Link(long sequence, Long id, Reason reason, String detail) {
    }

    static AuditVerification intact(long checked, AuditVerifier.Head head, Instant at) {
        return new AuditVerification(true, checked, null, head.sequence(), head.hash(), at);
    }

    static AuditVerification broken(long checked, Link link, AuditVerifier.Head head, Instant at) {
        return new AuditVerification(false, checked, link, head.sequence(), head.hash(), at);
    }

    public String summary() {
        if (intact) {
            return "intact: " + checked + " entries, head " + headSequence + " " + headHash;
        }
        return "BROKEN at entry " + firstBroken.sequence() + (firstBroken.id() == null ? "" : " (id " + firstBroken.id() + ")")
                + ": " + firstBroken.reason() + ", " + firstBroken.detail() + "; " + checked + " entries intact before it";
    }
}
