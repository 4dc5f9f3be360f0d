package io.rectify.system.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.rectify.IntegrationTest;
import io.rectify.MovableSecurityClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The throttles' window is the database's: two windows built apart, as two nodes build theirs,
 * count the same events, and a limit holds even when both check it at the same moment.
 */
class SlidingWindowTests extends IntegrationTest {

    private static final AtomicInteger SUBJECTS = new AtomicInteger();
    private static final Duration WINDOW = Duration.ofMinutes(10);

    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactions;
    @Autowired MovableSecurityClock clock;

    private SlidingWindow node(String scope, int limit) {
        return new SlidingWindow(scope, limit, WINDOW, clock, jdbc, transactions);
    }

    private static String freshSubject() {
        return "window-test-" + SUBJECTS.incrementAndGet() + "-" + System.nanoTime();
    }

    @Test
    void eventsRecordedOnOneNodeCountOnTheOther() {
        SlidingWindow a = node("login-address", 3);
        SlidingWindow b = node("login-address", 3);
        String address = freshSubject();
        a.record(address);
        b.record(address);
        assertThat(a.blocked(address)).as("2 of 3").isEmpty();
        assertThat(b.blocked(address)).isEmpty();
        a.record(address);

        Optional<Duration> onB = b.blocked(address);
        assertThat(onB).as("the third event, recorded on A, refuses the address on B").isPresent();
        assertThat(onB.get()).isPositive().isLessThanOrEqualTo(WINDOW);
        assertThat(a.blocked(address)).isPresent();
        assertThat(b.blocked(freshSubject())).as("another address").isEmpty();

        clock.pass(WINDOW.plusSeconds(1));
        assertThat(b.blocked(address)).as("once the events have left the window").isEmpty();
    }

    @Test
    void theWaitEndsWhenTheOldestEventWithinTheLimitLeavesTheWindow() {
        SlidingWindow a = node("login-address", 2);
        String address = freshSubject();
        a.record(address);
        clock.pass(Duration.ofMinutes(4));
        a.record(address);
        clock.pass(Duration.ofMinutes(1));
        a.record(address); // three events, limit two: the second one decides

        Duration wait = a.blocked(address).orElseThrow();
        assertThat(wait).as("the second event plus the window, less the minute since")
                .isBetween(Duration.ofMinutes(9).minusSeconds(5), Duration.ofMinutes(9));
        clock.pass(Duration.ofMinutes(6).plusSeconds(1));
        assertThat(a.blocked(address)).as("the first event left; the other two still fill the limit").isPresent();
        clock.pass(Duration.ofMinutes(3));
        assertThat(a.blocked(address)).as("the second left too").isEmpty();
    }

    @Test
    void aLimitIsSharedByTheNodesAndRecordsNothingWhenReached() {
        SlidingWindow a = node("export", 4);
        SlidingWindow b = node("export", 4);
        String user = freshSubject();
        assertThat(a.tryRecord(user)).isEmpty();
        assertThat(b.tryRecord(user)).isEmpty();
        assertThat(a.tryRecord(user)).isEmpty();
        assertThat(b.tryRecord(user)).isEmpty();

        assertThat(a.tryRecord(user)).as("the fifth, on A").isPresent();
        assertThat(b.tryRecord(user)).as("the fifth, on B").isPresent();
        assertThat(rows("export", user)).as("refusals are not counted").isEqualTo(4);

        clock.pass(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(b.tryRecord(user)).isEmpty();
    }

    @Test
    void nodesCheckingAtTheSameMomentNeverTakeMoreThanTheLimit() throws Exception {
        SlidingWindow a = node("export", 10);
        SlidingWindow b = node("export", 10);
        String user = freshSubject();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                SlidingWindow node = i % 2 == 0 ? a : b;
                attempts.add(threads.submit(() -> {
                    start.await();
                    return node.tryRecord(user).isEmpty();
                }));
            }
            start.countDown();
            int admitted = 0;
            for (Future<Boolean> attempt : attempts) {
                admitted += attempt.get() ? 1 : 0;
            }
            assertThat(admitted).isEqualTo(10);
            assertThat(rows("export", user)).isEqualTo(10);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void recordingClearsWhatLeftTheWindow() {
        SlidingWindow a = node("login-address", 30);
        String old = freshSubject();
        a.record(old);
        a.record(old);
        clock.pass(WINDOW.plusSeconds(1));
        assertThat(rows("login-address", old)).as("kept until the next event of the scope").isEqualTo(2);

        a.record(freshSubject());
        assertThat(rows("login-address", old)).as("an event of another address cleared them").isZero();
    }

    @Test
    void aScopeWithoutItsRowIsAnErrorNotAnOpenDoor() {
        SlidingWindow unknown = node("no-such-scope", 1);
        assertThatThrownBy(() -> unknown.tryRecord(freshSubject()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such-scope");
        assertThatThrownBy(() -> unknown.record(freshSubject()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such-scope");
        assertThatThrownBy(() -> node("export", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private int rows(String scope, String subject) {
        Integer n = jdbc.queryForObject("select count(*) from throttle_event where scope = ? and subject = ?",
                Integer.class, scope, subject);
        return n == null ? 0 : n;
    }
}
