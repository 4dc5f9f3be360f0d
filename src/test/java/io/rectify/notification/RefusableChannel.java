package io.rectify.notification;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.rectify.directory.Contact;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A channel of the test application besides the configured ones: it carries only the messages a
 * test names by key (so the other tests see no more deliveries than production), keeps what it
 * was given, and refuses what the test has it refuse, as a receiver that answers with an error would.
 */
public class RefusableChannel implements NotificationChannel {

    public static final String NAME = "TEST";

    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final List<Delivery> delivered = new CopyOnWriteArrayList<>();

    /** Carry the messages of this key; the recipients' keys are their addresses. */
    public void watch(String dedupKey) {
        watched.add(dedupKey);
    }

    public void refuse(String dedupKey) {
        watched.add(dedupKey);
        refused.add(dedupKey);
    }

    public void accept(String dedupKey) {
        refused.remove(dedupKey);
    }

    public List<Delivery> delivered() {
        return List.copyOf(delivered);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean carries(Notification notification) {
        return watched.contains(notification.dedupKey());
    }

    @Override
    public Optional<String> addressOf(Contact recipient) {
        return recipient.isUser() ? Optional.of(recipient.key()) : Optional.empty();
    }

    @Override
    public void deliver(Delivery delivery) {
        if (refused.contains(delivery.notification().dedupKey())) {
            throw new IllegalStateException("the receiver refused notification " + delivery.notification().id()
                    + " to " + delivery.recipient());
        }
        delivered.add(delivery);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        RefusableChannel refusableChannel() {
            return new RefusableChannel();
        }
    }
}
