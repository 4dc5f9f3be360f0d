package io.rectify.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.IntegrationTest;
import io.rectify.casefile.CaseRecordKind;
import io.rectify.casefile.CaseService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Two people complete the same task at the same moment: one wins, the other is told so, nothing breaks. */
class ConcurrentCompletionApiTests extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    CaseService cases;

    Api office;
    ExecutorService pool;

    @BeforeEach
    void setUp() {
        office = new Api(rest, "jx.office");
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    @RepeatedTest(10)
    void twoCompletionsOfOneTaskAtOnceMoveTheCaseOneStep() throws Exception {
        String caseId = office.openCase("A33-10", "JX-EDU").get("id").asText();
        String task = office.taskOf(caseId, "issueOrder");

        List<Api.Response> responses = atOnce(office, task, Map.of("requirements", "甲：限期整改"),
                Map.of("requirements", "乙：限期整改"));

        JsonNode view = office.caseView(caseId);
        assertThat(view.get("status").asText()).isEqualTo("ORDERED");
        assertThat(view.get("deadline").isNull()).isFalse();
        assertThat(view.get("openTasks")).extracting(t -> t.get("taskKey").asText()).containsExactly("respond");
        assertThat(cases.records(caseId)).filteredOn(r -> r.kind() == CaseRecordKind.ORDER).hasSize(1);
        String winner = responses.stream().filter(r -> r.status() == 200).findFirst().orElseThrow()
                .body().get("requirements").asText();
        assertThat(view.get("requirements").asText()).isEqualTo(winner);
        assertThat(office.as("jx.edu").taskOf(caseId, "respond")).isNotBlank();
    }

    @RepeatedTest(10)
    void twoReportsForOneOrderAtOnceMoveTheCaseOneStep() throws Exception {
        String caseId = office.openCase("A33-10", "JX-HEALTH").get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "限期整改"));
        Api health = office.as("jx.health");
        String task = health.taskOf(caseId, "respond");

        atOnce(health, task, Map.of("report", "甲：已整改"), Map.of("report", "乙：已整改"));

        JsonNode view = office.caseView(caseId);
        assertThat(view.get("status").asText()).isEqualTo("RESPONDED");
        assertThat(view.get("openTasks")).extracting(t -> t.get("taskKey").asText()).containsExactly("verify");
        assertThat(cases.records(caseId)).filteredOn(r -> r.kind() == CaseRecordKind.RESPONSE).hasSize(1);
    }

    /** Both submissions in flight together; exactly one wins, the other is a 409 (or 404), never a 500. */
    private List<Api.Response> atOnce(Api user, String task, Map<String, ?> first, Map<String, ?> second)
            throws Exception {
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (Map<String, ?> values : List.of(first, second)) {
            answers.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return user.post("/api/tasks/" + task + "/complete", values);
            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<Api.Response> responses = new ArrayList<>();
        for (Future<Api.Response> answer : answers) {
            responses.add(answer.get(60, TimeUnit.SECONDS));
        }
        String texts = responses.stream().map(Api.Response::text).toList().toString();
        List<Integer> statuses = responses.stream().map(Api.Response::status).sorted().toList();
        assertThat(statuses.get(0)).as(texts).isEqualTo(200);
        assertThat(statuses.get(1)).as(texts).isIn(404, 409);
        Api.Response loser = responses.stream().filter(r -> r.status() != 200).findFirst().orElseThrow();
        loser.isProblem(loser.status());
        return responses;
    }
}
