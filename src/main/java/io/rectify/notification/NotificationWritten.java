package io.rectify.notification;

/** A notification row was written; its delivery is arranged in the same transaction. */
public record NotificationWritten(long notificationId) {
}
