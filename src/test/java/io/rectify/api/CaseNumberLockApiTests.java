package io.rectify.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.rectify.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Openings by one office queue on that office's case-number counter row, each holding it until
 * its transaction commits. A queue longer than H2's own lock timeout (2 s) under load is a
 * wait, not a refused case: the opening behind it gets its case and the next number.
 */
class CaseNumberLockApiTests extends IntegrationTest {

    /** Longer than H2's default lock timeout, shorter than the one the application sets. */
    private static final long HELD_MILLIS = 4_000;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void tearDown() {
        other.shutdownNow();
    }

    @Test
    void anOpeningWaitsForTheOfficesCounterHeldLongerThanH2sDefaultLockTimeout() throws Exception {
        Api office = new Api(rest, "gz.office");
        String before = office.openCase("A33-10", "GZ-EDU").get("caseNumber").asText(); // the year's counter row exists
        CountDownLatch locked = new CountDownLatch(1);
        Future<?> holder = other.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            // as an opening in progress does: the counter row of the office, locked until commit
            jdbc.update("update case_number_counter set last_number = last_number where issuer_code = 'GZ-GOV-OFFICE'");
            locked.countDown();
            sleep(HELD_MILLIS);
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();

        long started = System.nanoTime();
        Api.Response opened = office.post("/api/cases", Map.of("categoryCode", "A33-10", "respondentOrgCode", "GZ-EDU",
                "title", "排队立案", "description", "网站存在违规情形", "source", "INSPECTION"));

        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).as("it waited for the lock")
                .isGreaterThanOrEqualTo(HELD_MILLIS / 2);
        assertThat(opened.body().get("caseNumber").asText()).isNotEqualTo(before);
        holder.get(10, TimeUnit.SECONDS);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
