package io.rectify.notification;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The notification channel of the test application: the configured one, except for the messages a
 * test has the receiver refuse, by key, as a receiver that answers with an error would.
 */
public class RefusableChannel implements NotificationChannel {

    private final NotificationChannel channel;
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    RefusableChannel(NotificationChannel channel) {
        this.channel = channel;
    }

    public void refuse(String dedupKey) {
        refused.add(dedupKey);
    }

    public void accept(String dedupKey) {
        refused.remove(dedupKey);
    }

    @Override
    public String name() {
        return channel.name();
    }

    @Override
    public void deliver(Notification notification) {
        if (refused.contains(notification.dedupKey())) {
            throw new IllegalStateException("the receiver refused notification " + notification.id());
        }
        channel.deliver(notification);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        RefusableChannel refusableChannel(@Qualifier("notificationChannel") NotificationChannel configured) {
            return new RefusableChannel(configured);
        }
    }
}
