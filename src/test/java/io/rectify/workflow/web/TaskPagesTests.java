package io.rectify.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.rectify.PageTest;
import io.rectify.api.Api;
import io.rectify.form.web.FormView;
import io.rectify.system.web.PageController;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A task's page when someone else was quicker, and the rules of a report the page shows beside
 * their fields: a task completed meanwhile is the 409 page "someone else has just dealt with
 * this", in the reader's language, never a 500.
 */
class TaskPagesTests extends PageTest {

    @Test
    void submittingATaskCompletedMeanwhileShowsTheCompletedMeanwhilePage() throws Exception {
        Api office = api("jx.office");
        String caseId = office.openCase("A33-10", "JX-EDU").get("id").asText();
        String taskId = office.taskOf(caseId, "issueOrder");
        office.complete(caseId, "issueOrder", Map.of("requirements", "甲：限期整改"));

        MvcResult chinese = mvc.perform(post("/tasks/" + taskId).with(as("jx.office")).with(csrf())
                        .param("requirements", "乙：限期整改"))
                .andExpect(status().isConflict()).andExpect(view().name("error")).andReturn();
        assertThat(chinese.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("已被处理", "该事项刚被他人处理，请回到案件页面查看最新情况。");
        MvcResult english = mvc.perform(post("/tasks/" + taskId).with(as("jx.office")).with(csrf())
                        .header("Accept-Language", "en").param("requirements", "乙：限期整改"))
                .andExpect(status().isConflict()).andReturn();
        assertThat(english.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Already done", "Someone else has just dealt with this");
        assertThat(office.caseView(caseId).get("requirements").asText()).isEqualTo("甲：限期整改");
    }

    @RepeatedTest(5)
    void twoPeopleSubmittingOneTaskAtOnceGetOneStepAndOneCompletedMeanwhilePage() throws Exception {
        Api office = api("jx.office");
        String caseId = office.openCase("A33-10", "JX-HEALTH").get("id").asText();
        String taskId = office.taskOf(caseId, "issueOrder");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch ready = new CountDownLatch(2);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<MvcResult>> answers = new ArrayList<>();
            for (String requirements : List.of("甲：限期整改", "乙：限期整改")) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return mvc.perform(post("/tasks/" + taskId).with(as("jx.office")).with(csrf())
                            .param("requirements", requirements)).andReturn();
                }));
            }
            assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<MvcResult> answer : answers) {
                MvcResult result = answer.get(60, TimeUnit.SECONDS);
                statuses.add(result.getResponse().getStatus());
                if (result.getResponse().getStatus() == 409) {
                    assertThat(result.getModelAndView().getViewName()).isEqualTo("error");
                    assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("该事项刚被他人处理");
                }
            }
            assertThat(statuses).as("one completes and is sent to the case, the other is told")
                    .containsExactlyInAnyOrder(302, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(office.caseView(caseId).get("status").asText()).isEqualTo("ORDERED");
    }

    @Test
    void anEngineConflictOnAPageIsThe409PageNotA500() throws Exception {
        // the engine's own conflict cannot be timed through a real race (the case lock orders them), so
        // a page that meets it: with the application's error handlers, in the order they run
        MockMvc racing = MockMvcBuilders.standaloneSetup(new RacingPage())
                .setControllerAdvice(context.getBeansWithAnnotation(ControllerAdvice.class).values().toArray())
                .build();
        racing.perform(post("/racing"))
                .andExpect(status().isConflict())
                .andExpect(view().name("error"))
                .andExpect(model().attribute("status", 409));
    }

    @Test
    void anA33_01ReportWithoutTheClosureDateOfAShutdownComesBackWithTheErrorBesideTheField() throws Exception {
        Api office = api("jx.office");
        String caseId = office.openCase("A33-01", "JX-EDU").get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "补办备案或关停"));
        String taskId = office.as("jx.edu").taskOf(caseId, "respond");

        MvcResult result = mvc.perform(post("/tasks/" + taskId).with(as("jx.edu")).with(csrf())
                        .param("report", "网站已关停").param("resolution", "SHUT_DOWN"))
                .andExpect(status().isBadRequest())
                .andExpect(view().name("tasks/task"))
                .andReturn();
        FormView form = (FormView) result.getModelAndView().getModel().get("form");
        assertThat(form.errors()).extracting(FormView.ErrorLink::target).containsExactly("f-closureDate");
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("网站已依法关停的，须填写关停日期", "网站已关停");
        assertThat(office.caseView(caseId).get("status").asText()).isEqualTo("ORDERED");
    }

    @PageController
    static class RacingPage {

        @PostMapping("/racing")
        String race() {
            throw new OptimisticLockingException("the task changed under this transaction");
        }
    }
}
