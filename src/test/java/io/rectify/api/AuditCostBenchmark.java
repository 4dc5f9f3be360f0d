package io.rectify.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.rectify.IntegrationTest;
import io.rectify.audit.AuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a test: prints what the audit record costs. Run it on a branch and on the commit before
 * it: {@code ./mvnw -q -B test -Dtest=AuditCostBenchmark [-Drectify.test.db=postgres]}.
 * (1) audited transactions per second, 8 threads, one entry each; (2) whole case lifecycles per
 * second through the HTTP API (open, order, respond, verify: 5 audit entries), 3 threads.
 */
class AuditCostBenchmark extends IntegrationTest {

    @Autowired
    AuditLog audit;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void measure() throws Exception {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        Runnable oneEntry = () -> tx.executeWithoutResult(s -> audit.record("bench", "BENCH", null, "x"));
        run(8, 200, oneEntry); // warm-up
        double entries = run(8, 500, oneEntry);
        System.out.printf("BENCH audited transactions/s (8 threads, 4000 tx): %.0f%n", entries);

        // one issuing office per thread: openings by one office queue on its case-number counter
        FreshBodies bodies = new FreshBodies(jdbc, passwords);
        List<Runnable> offices = new ArrayList<>();
        for (String region : List.of("JX", "NC", "GZ")) {
            Api office = new Api(rest, region.toLowerCase() + ".office");
            String body = bodies.department(region);
            Api respondent = office.as(body.toLowerCase());
            offices.add(() -> {
                String caseId = office.openCase("A33-02", body).get("id").asText();
                office.complete(caseId, "issueOrder", Map.of("requirements", "限期整改"));
                respondent.complete(caseId, "respond", ResponseValues.of("A33-02"));
                office.complete(caseId, "verify", Map.of("accepted", true));
            });
        }
        runEach(offices, 3); // warm-up
        double lifecycles = runEach(offices, 20);
        System.out.printf("BENCH case lifecycles/s (3 threads, one office each, 60 lifecycles): %.2f%n", lifecycles);
    }

    private static double run(int threads, int each, Runnable work) throws Exception {
        return runEach(Collections.nCopies(threads, work), each);
    }

    private static double runEach(List<Runnable> works, int each) throws Exception {
        int threads = works.size();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (Runnable work : works) {
            done.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    work.run();
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return threads * each / ((System.nanoTime() - start) / 1e9);
    }
}
