package io.rectify.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.rectify.PageTest;
import io.rectify.api.Api;
import io.rectify.audit.AuditLog;
import io.rectify.workflow.ClockControl;
import io.rectify.workflow.FailedJobs;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A job that failed until no retry was left shows on the administrator's page with its case, and a
 * retry makes the job executor run it again. The failure is real: the reminder timer's process
 * points at a case that does not exist, so the reminder delegate fails, as it would after a bad
 * data fix; once the process points at its case again, the retry succeeds.
 */
class FailedJobRetryTests extends PageTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    AuditLog audit;

    @Autowired
    ClockControl clock;

    @AfterEach
    void realTime() {
        clock.reset("admin");
    }

    @Test
    void aFailedReminderIsListedAndARetryRunsItOnTheJobExecutor() throws Exception {
        Api office = api("jx.office");
        String caseId = office.openCase("A33-10", "JX-HEALTH").get("id").asText();
        LocalDate deadline = LocalDate.parse(office.complete(caseId, "issueOrder",
                Map.of("requirements", "提交书面整改报告", "periodWorkingDays", 1)).get("deadline").asText());
        String process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey("rectification").singleResult().getId();
        runtime.setVariable(process, "caseId", "no-such-case-" + caseId);

        // 10:00 on the last working day: the 09:00 reminder is due, the 24:00 deadline is not
        Api admin = office.as("admin");
        assertThat(admin.post("/api/admin/clock", Map.of("now",
                deadline.atTime(LocalTime.of(10, 0)).atZone(SHANGHAI).toOffsetDateTime().toString())).status()).isEqualTo(200);
        Job failed = waitFor(() -> {
            admin.post("/api/admin/jobs/run-due", Map.of());
            return failedReminder(process) != null && failedReminder(process).getRetries() == 0;
        }, () -> failedReminder(process));
        assertThat(failed.getExceptionMessage()).contains("no-such-case-");

        MvcResult page = mvc.perform(get("/admin/jobs").with(as("admin"))).andExpect(status().isOk()).andReturn();
        @SuppressWarnings("unchecked")
        List<FailedJobs.Failure> failures = (List<FailedJobs.Failure>) page.getModelAndView().getModel().get("failures");
        assertThat(failures).filteredOn(f -> failed.getId().equals(f.jobId())).singleElement().satisfies(f -> {
            assertThat(f.caseId()).isEqualTo(caseId);
            // the step that failed: the reminder's service task, after its timer fired
            assertThat(f.activityId()).isEqualTo("Task_SendReminder");
            assertThat(f.incidentType()).isEqualTo("failedJob");
            assertThat(f.retryable()).isTrue();
        });
        assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("/admin/jobs/" + failed.getId() + "/retry");

        // the security administrator may not retry; nothing changes
        mvc.perform(post("/admin/jobs/" + failed.getId() + "/retry").with(as("security")).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(job(failed.getId()).getRetries()).isZero();

        runtime.setVariable(process, "caseId", caseId);
        mvc.perform(post("/admin/jobs/" + failed.getId() + "/retry").with(as("admin")).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/jobs"));

        assertThat(audit.ofCase(caseId)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("JOB_RETRIED");
            assertThat(e.actor()).isEqualTo("admin");
            assertThat(e.detail()).contains(failed.getId()).contains("Task_SendReminder");
        });
        // no one runs the due jobs by hand now: the job executor picks the retried job up by itself
        waitFor(() -> job(failed.getId()) == null, () -> job(failed.getId()));
        assertThat(audit.ofCase(caseId)).anySatisfy(e -> assertThat(e.action()).isEqualTo("REMINDER_SENT"));
        assertThat(reminder(process).getDuedate()).as("the reminder timer went on to its last wake, at the deadline's end")
                .isEqualTo(Date.from(deadline.plusDays(1).atStartOfDay(SHANGHAI).toInstant()));
        assertThat(runtime.createIncidentQuery().processInstanceId(process).count()).isZero();
        // the button pressed again after the job ran: a notice, not an error
        mvc.perform(post("/admin/jobs/" + failed.getId() + "/retry").with(as("admin")).with(csrf()))
                .andExpect(status().isFound()).andExpect(flash().attribute("notice", "admin.jobs.gone"));
    }

    @Test
    void aJobThatStillHasRetriesIsNotRetriedByHand() throws Exception {
        Api office = api("jx.office");
        String caseId = office.openCase("A33-10", "JX-HEALTH").get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "提交书面整改报告"));
        String process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId)
                .processDefinitionKey("rectification").singleResult().getId();

        Api.Response refused = office.as("admin").post("/api/admin/jobs/" + reminder(process).getId() + "/retry", Map.of());

        refused.isProblem(409);
        mvc.perform(post("/admin/jobs/" + reminder(process).getId() + "/retry").with(as("admin")).with(csrf()))
                .andExpect(status().isFound()).andExpect(flash().attribute("notice", "admin.jobs.notFailed"));
        assertThat(audit.ofCase(caseId)).noneSatisfy(e -> assertThat(e.action()).isEqualTo("JOB_RETRIED"));
        office.as("admin").post("/api/admin/jobs/no-such-job/retry", Map.of()).isProblem(404);
    }

    /** The run of the reminder timer that failed; its next run was scheduled all the same. */
    private Job failedReminder(String process) {
        return management.createJobQuery().processInstanceId(process).activityId("Timer_Reminder").withException()
                .singleResult();
    }

    private Job job(String id) {
        return management.createJobQuery().jobId(id).singleResult();
    }

    private Job reminder(String process) {
        return management.createJobQuery().processInstanceId(process).activityId("Timer_Reminder").singleResult();
    }

    private static <T> T waitFor(BooleanSupplier done, java.util.function.Supplier<T> value) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("gave up waiting; last seen: " + value.get());
            }
            Thread.sleep(200);
        }
        return value.get();
    }
}
