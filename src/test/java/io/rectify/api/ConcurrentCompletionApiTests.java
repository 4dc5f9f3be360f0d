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

    @RepeatedTest(8)
    void twoCompletionsOfOneTaskAtOnceMoveTheCaseOneStep() throws Exception {
        String caseId = office.openCase("A33-10", "JX-EDU").get("id").asText();
        String task = office.taskOf(caseId, "issueOrder");

        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        for (String requirements : List.of("甲：限期整改", "乙：限期整改")) {
            answers.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return office.post("/api/tasks/" + task + "/complete", Map.of("requirements", requirements));
            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<Api.Response> responses = new ArrayList<>();
        for (Future<Api.Response> answer : answers) {
            responses.add(answer.get(60, TimeUnit.SECONDS));
        }

        List<Integer> statuses = responses.stream().map(Api.Response::status).sorted().toList();
        assertThat(statuses).as(responses.stream().map(Api.Response::text).toList().toString()).hasSize(2);
        assertThat(statuses.get(0)).as(responses.toString()).isEqualTo(200);
        assertThat(statuses.get(1)).as(responses.stream().map(Api.Response::text).toList().toString()).isIn(404, 409);
        Api.Response loser = responses.stream().filter(r -> r.status() != 200).findFirst().orElseThrow();
        loser.isProblem(loser.status());

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
}
