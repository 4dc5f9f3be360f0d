package io.rectify.notification;

import java.time.Instant;
import java.util.List;

/**
 * A message to the bodies of a case, as the outbox holds it.
 *
 * @param recipients the candidate groups of the bodies ({@code org:CODE}); the receiving system
 *                   knows their people and addresses, Rectify does not
 * @param dedupKey   unique per message; a receiver uses it as its idempotency key
 * @param workingDaysLeft the working days left to the deadline, the deadline day counted, that a
 *                   {@code REMINDER} tells of; null for the other kinds
 */
public record Notification(long id, String caseId, String kind, List<String> recipients, Instant createdAt,
                           String dedupKey, Integer workingDaysLeft) {
}
