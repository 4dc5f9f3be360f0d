package io.rectify.notification;

import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.rectify.directory.Contact;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The product's mail channel in the tests' shared application, sending to the SMTP server a test
 * names ({@link #sendTo}) and carrying only the cases the test watches, so the other tests see no
 * mail. (A context with {@code spring.mail.host} of its own cannot start beside the shared one: the
 * engine's process application is registered once per JVM.)
 */
public class WatchedMail implements NotificationChannel {

    private final JavaMailSenderImpl sender = new JavaMailSenderImpl();
    private final Set<String> cases = ConcurrentHashMap.newKeySet();
    private final NotificationTexts texts;
    private volatile MailAttachments attachments = MailAttachments.NONE;

    WatchedMail(NotificationTexts texts) {
        this.texts = texts;
        Properties timeouts = new Properties();
        timeouts.put("mail.smtp.connectiontimeout", "2000");
        timeouts.put("mail.smtp.timeout", "2000");
        sender.setJavaMailProperties(timeouts);
        sender.setDefaultEncoding("UTF-8");
    }

    public void sendTo(int port, MailAttachments files) {
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        attachments = files;
    }

    public void watchCasesOfBody(String orgCode) {
        cases.add(orgCode);
    }

    private MailChannel channel() {
        return new MailChannel(sender, texts, attachments, "rectify@rectify.test");
    }

    @Override
    public String name() {
        return MAIL;
    }

    @Override
    public boolean carries(Notification notification) {
        return notification.recipients().stream().anyMatch(group -> cases.contains(group.substring(group.indexOf(':') + 1)));
    }

    @Override
    public Optional<String> addressOf(Contact recipient) {
        return channel().addressOf(recipient);
    }

    @Override
    public void deliver(Delivery delivery) {
        channel().deliver(delivery);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        WatchedMail watchedMail(NotificationTexts texts) {
            return new WatchedMail(texts);
        }
    }
}
