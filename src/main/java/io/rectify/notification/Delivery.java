package io.rectify.notification;

/**
 * One notification to one recipient on one channel, as its delivery job sends it.
 *
 * @param recipient      {@code user:<username>} or {@code liaison:<id>}
 * @param address        where the channel sends it (a mail address, a mobile, a username)
 * @param idempotencyKey the same for every attempt of this delivery: a receiver takes it once
 */
public record Delivery(long id, Notification notification, String recipient, String channel, String address,
                       String idempotencyKey) {
}
