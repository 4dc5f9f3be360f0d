package io.rectify.audit;

import java.time.Instant;

/**
 * A filter over the full audit record: each criterion is optional; {@code from} inclusive,
 * {@code to} exclusive; {@code after} is the sequence number the previous page ended with.
 */
public record AuditQuery(String actor, String action, String caseId, Instant from, Instant to, Long after, int size) {

    public static final int MAX_SIZE = 200;

    public AuditQuery {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1 to " + MAX_SIZE);
        }
    }

    String describe() {
        StringBuilder text = new StringBuilder("audit search");
        append(text, "actor", actor);
        append(text, "action", action);
        append(text, "caseId", caseId);
        append(text, "from", from);
        append(text, "to", to);
        append(text, "after", after);
        return text.toString();
    }

    private static void append(StringBuilder text, String name, Object value) {
        if (value != null) {
            text.append(' ').append(name).append('=').append(value);
        }
    }
}
