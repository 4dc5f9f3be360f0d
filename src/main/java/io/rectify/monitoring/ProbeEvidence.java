package io.rectify.monitoring;

import java.time.Instant;

/**
 * One response as it was seen, kept so that a department can be shown exactly what the check saw:
 * the stored body's SHA-256, with the request's URL, status and time. {@code status} is null when
 * no response came (a timeout, a refused connection, a TLS failure).
 */
public record ProbeEvidence(long id, String url, Integer status, Instant fetchedAt, String sha256) {
}
