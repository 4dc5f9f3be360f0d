package io.rectify.audit;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The link of the audit chain: SHA-256 over one entry's fields and the hash of the entry before
 * it. The encoding is unambiguous: every string is written with its length (or -1 for null), so
 * moving text from one field to the next, or null to empty, changes the hash. Time counts in
 * whole microseconds, the precision both H2 and PostgreSQL keep in {@code timestamp with time zone}.
 */
public final class AuditHash {

    /** the "previous hash" of the first entry */
    public static final String GENESIS = "0".repeat(64);

    /** names this encoding, so that a later one can never produce the same input by accident */
    private static final String FORMAT = "rectify-audit/1";

    private AuditHash() {
    }

    /** the time an entry keeps: what survives the database round trip on both databases */
    public static Instant precise(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    public static String of(long sequence, Instant occurredAt, String actor, String action, String caseId,
                            String detail, String previousHash) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            text(out, FORMAT);
            out.writeLong(sequence);
            Instant at = precise(occurredAt);
            out.writeLong(Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000));
            text(out, actor);
            text(out, action);
            text(out, caseId);
            text(out, detail);
            text(out, previousHash);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an audit entry", e);
        }
        return HexFormat.of().formatHex(sha256().digest(bytes.toByteArray()));
    }

    private static void text(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
