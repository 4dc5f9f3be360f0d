package io.rectify.notification;

/** A file a notification's mail carries (the order's PDF). */
public record MailAttachment(String filename, String contentType, byte[] content) {
}
