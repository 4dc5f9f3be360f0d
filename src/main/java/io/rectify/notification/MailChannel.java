package io.rectify.notification;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import io.rectify.directory.Contact;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Plain SMTP through Spring Boot's mail sender ({@code spring.mail.*}): one mail per recipient with
 * an address, subject and text in Chinese with the English below, and the files the other modules
 * attach ({@link MailAttachments}: the order's PDF). A server that refuses or is away throws: the
 * delivery stays pending and is tried again.
 */
class MailChannel implements NotificationChannel {

    private final JavaMailSender sender;
    private final NotificationTexts texts;
    private final MailAttachments attachments;
    private final String from;

    MailChannel(JavaMailSender sender, NotificationTexts texts, MailAttachments attachments, String from) {
        this.sender = sender;
        this.texts = texts;
        this.attachments = attachments;
        this.from = from;
    }

    @Override
    public String name() {
        return MAIL;
    }

    @Override
    public Optional<String> addressOf(Contact recipient) {
        return Optional.ofNullable(recipient.mail());
    }

    @Override
    public void deliver(Delivery delivery) {
        Notification notification = delivery.notification();
        List<MailAttachment> files = attachments.forNotification(notification.caseId(), notification.kind());
        MimeMessage mail = sender.createMimeMessage();
        try {
            MimeMessageHelper message = new MimeMessageHelper(mail, !files.isEmpty(), StandardCharsets.UTF_8.name());
            message.setFrom(from);
            message.setTo(delivery.address());
            message.setSubject(texts.subject(notification));
            message.setText(texts.body(notification));
            for (MailAttachment file : files) {
                message.addAttachment(file.filename(), new ByteArrayResource(file.content()), file.contentType());
            }
            // the same on every attempt: a mail system that keeps it may drop a repeat
            mail.setHeader("X-Rectify-Delivery", delivery.idempotencyKey());
        } catch (MessagingException e) {
            throw new MailSendException("mail of notification " + notification.id() + " cannot be written: "
                    + e.getMessage(), e);
        }
        sender.send(mail);
    }
}
