package io.rectify.system.security;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts events per subject (an address, a user) within a sliding window: at {@code limit}
 * events within {@code window} the subject waits until the oldest of its last {@code limit} events
 * leaves the window.
 * The events are rows of {@code throttle_event} (migration 18), so every node of a cluster counts
 * the same ones and a restart forgets nothing; recording an event also deletes its scope's rows
 * that have left the window. Each write is a short transaction of its own, which counts whatever
 * becomes of the caller's, and holds its scope's row of {@code throttle_scope}.
 */
final class SlidingWindow {

    private final String scope;
    private final int limit;
    private final Duration window;
    private final SecurityClock clock;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    SlidingWindow(String scope, int limit, Duration window, SecurityClock clock, JdbcTemplate jdbc,
                  PlatformTransactionManager transactions) {
        if (limit < 1) {
            throw new IllegalArgumentException("a limit of " + limit + " for " + scope + " would refuse everything");
        }
        this.scope = scope;
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** How long this subject must still wait, if it has reached the limit. */
    Optional<Duration> blocked(String subject) {
        return waitFor(subject, now());
    }

    void record(String subject) {
        Instant now = now();
        ownTransaction.executeWithoutResult(status -> {
            lockScope();
            insert(subject, now);
        });
    }

    /**
     * Records the event unless the subject has reached the limit; answers how long to wait if it
     * has. The scope's row is locked meanwhile, so the check and the record are one step on every node.
     */
    Optional<Duration> tryRecord(String subject) {
        Instant now = now();
        return ownTransaction.execute(status -> {
            lockScope();
            Optional<Duration> wait = waitFor(subject, now);
            if (wait.isEmpty()) {
                insert(subject, now);
            }
            return wait;
        });
    }

    /**
     * One writer per scope at a time, on every node: a limit checked is still the limit when the
     * event is recorded, and two transactions never delete the same expired rows in turns (a deadlock).
     */
    private void lockScope() {
        List<String> locked = jdbc.queryForList("select scope from throttle_scope where scope = ? for update",
                String.class, scope);
        if (locked.isEmpty()) {
            throw new IllegalStateException("no row for throttle scope " + scope + " in throttle_scope");
        }
    }

    /** The limit-th newest event within the window, if there is one, frees the subject when it leaves. */
    private Optional<Duration> waitFor(String subject, Instant now) {
        List<OffsetDateTime> limiting = jdbc.query("select occurred_at from throttle_event"
                        + " where scope = ? and subject = ? and occurred_at > ?"
                        + " order by occurred_at desc offset ? rows fetch next 1 rows only",
                (rs, row) -> rs.getObject(1, OffsetDateTime.class), scope, subject, utc(now.minus(window)), limit - 1);
        return limiting.stream().findFirst()
                .map(event -> Duration.between(now, event.toInstant().plus(window)));
    }

    private void insert(String subject, Instant now) {
        jdbc.update("delete from throttle_event where scope = ? and occurred_at <= ?", scope, utc(now.minus(window)));
        jdbc.update("insert into throttle_event (scope, subject, occurred_at) values (?, ?, ?)", scope, subject, utc(now));
    }

    /** The database keeps microseconds: so does the window, or an event could sit on its edge twice. */
    private Instant now() {
        return clock.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
