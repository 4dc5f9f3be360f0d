package io.rectify.notification;

/**
 * Where notifications leave Rectify. {@link #deliver} returns only once the receiver has taken
 * the message, and throws otherwise; the delivery job is then retried by the engine.
 */
public interface NotificationChannel {

    /** Stored with each delivered row ({@code notification.delivered_via}). */
    String name();

    void deliver(Notification notification);
}
