package io.rectify.notification;

import java.util.Optional;

import io.rectify.directory.Contact;

/**
 * A way a notification leaves Rectify besides the in-app centre: mail, or the webhook of a messaging
 * gateway. Each recipient of a notification gets one delivery per channel; {@link #deliver} returns
 * only once the receiver has taken it, and throws otherwise: its delivery job is then retried.
 */
public interface NotificationChannel {

    String MAIL = "MAIL";
    String WEBHOOK = "WEBHOOK";

    /** Stored with each delivery ({@code notification_delivery.channel}). */
    String name();

    /** Whether this channel carries the notification at all (every channel of the product: yes). */
    default boolean carries(Notification notification) {
        return true;
    }

    /** Where the recipient is reached on this channel; empty when they have no address for it. */
    Optional<String> addressOf(Contact recipient);

    void deliver(Delivery delivery);
}
