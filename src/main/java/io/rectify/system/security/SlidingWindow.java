package io.rectify.system.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts events per key (an address, a user) within a sliding window, in this node's memory:
 * at {@code limit} events within {@code window} the key waits until the oldest leaves the window.
 * A node that restarts forgets; the account lock, which matters more, is kept in the database.
 */
final class SlidingWindow {

    /** Above this many keys, keys with nothing left in their window are dropped. */
    private static final int TIDY_ABOVE = 10_000;

    private final int limit;
    private final Duration window;
    private final SecurityClock clock;
    private final Map<String, Deque<Instant>> events = new ConcurrentHashMap<>();

    SlidingWindow(int limit, Duration window, SecurityClock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** How long this key must still wait, if it has reached the limit. */
    Optional<Duration> blocked(String key) {
        Deque<Instant> seen = events.get(key);
        if (seen == null) {
            return Optional.empty();
        }
        Instant now = clock.now();
        synchronized (seen) {
            forgetOld(seen, now);
            return seen.size() < limit ? Optional.empty() : Optional.of(Duration.between(now, seen.peekFirst().plus(window)));
        }
    }

    void record(String key) {
        Instant now = clock.now();
        if (events.size() > TIDY_ABOVE) {
            events.values().removeIf(seen -> {
                synchronized (seen) {
                    forgetOld(seen, now);
                    return seen.isEmpty();
                }
            });
        }
        Deque<Instant> seen = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (seen) {
            forgetOld(seen, now);
            seen.addLast(now);
        }
    }

    /** Records the event unless the key has reached the limit; answers how long to wait if it has. */
    Optional<Duration> tryRecord(String key) {
        Instant now = clock.now();
        Deque<Instant> seen = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (seen) {
            forgetOld(seen, now);
            if (seen.size() >= limit) {
                return Optional.of(Duration.between(now, seen.peekFirst().plus(window)));
            }
            seen.addLast(now);
            return Optional.empty();
        }
    }

    private void forgetOld(Deque<Instant> seen, Instant now) {
        Instant oldestKept = now.minus(window);
        while (!seen.isEmpty() && !seen.peekFirst().isAfter(oldestKept)) {
            seen.removeFirst();
        }
    }
}
