package io.rectify.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The channels of this node, by name. */
public class Channels {

    private final List<NotificationChannel> all = new ArrayList<>();

    void add(NotificationChannel channel) {
        if (byName(channel.name()).isPresent()) {
            throw new IllegalStateException("two notification channels named " + channel.name());
        }
        all.add(channel);
    }

    public List<NotificationChannel> all() {
        return List.copyOf(all);
    }

    public Optional<NotificationChannel> byName(String name) {
        return all.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
