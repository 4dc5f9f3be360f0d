package io.rectify.notification;

import java.net.URI;
import java.net.URISyntaxException;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The channels of this node besides the in-app centre: mail when {@code spring.mail.host} is set
 * (Spring Boot then makes its mail sender), the webhook of {@code rectify.notifications.webhook-url}
 * when set. Addresses of receivers come from the deployment's settings only, never from a user.
 */
@Configuration(proxyBeanMethods = false)
class NotificationChannels {

    private static final Logger log = LoggerFactory.getLogger(NotificationChannels.class);

    @Bean
    Channels channels(NotificationSettings settings, ObjectProvider<JavaMailSender> mail,
                                  ObjectProvider<MailAttachments> attachments, ObjectProvider<NotificationChannel> more,
                                  NotificationTexts texts, ObjectMapper json) {
        Channels channels = new Channels();
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            log.info("no mail: spring.mail.host is not set");
        } else {
            channels.add(new MailChannel(sender, texts, attachments.getIfAvailable(() -> MailAttachments.NONE),
                    settings.mailFrom()));
        }
        if (settings.webhookUrl().isBlank()) {
            log.info("no messaging gateway: rectify.notifications.webhook-url is not set");
        } else {
            channels.add(new WebhookChannel(webhook(settings.webhookUrl()), settings.webhookSecret(), json));
        }
        // channels of other modules (and of tests)
        more.orderedStream().forEach(channels::add);
        return channels;
    }

    static URI webhook(String url) {
        try {
            URI uri = new URI(url.strip());
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("rectify.notifications.webhook-url must be an absolute http(s) "
                        + "address, not '" + url + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("rectify.notifications.webhook-url is not an address: '" + url + "'", e);
        }
    }
}
