package io.rectify.notification;

import java.net.URI;
import java.net.URISyntaxException;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one channel of this node: the webhook of {@code rectify.notifications.webhook-url}
 * (optionally signed with {@code rectify.notifications.webhook-secret}), or the log when none is set.
 * The address comes from the deployment's settings only, never from a user.
 */
@Configuration(proxyBeanMethods = false)
class NotificationChannels {

    private static final Logger log = LoggerFactory.getLogger(NotificationChannels.class);

    @Bean
    NotificationChannel notificationChannel(@Value("${rectify.notifications.webhook-url:}") String url,
                                            @Value("${rectify.notifications.webhook-secret:}") String secret,
                                            ObjectMapper json) {
        if (url.isBlank()) {
            log.info("notifications go to the log: rectify.notifications.webhook-url is not set");
            return new LogChannel();
        }
        return new WebhookChannel(webhook(url), secret, json);
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
