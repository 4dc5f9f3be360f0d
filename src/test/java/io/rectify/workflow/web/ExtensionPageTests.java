package io.rectify.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.rectify.PageTest;
import io.rectify.api.Api;
import io.rectify.api.FreshBodies;
import io.rectify.form.web.FormView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The office decides on an extension with the request in view (the days, the reason, the deadline
 * a grant would give); a refusal needs its reason; once the deadline has passed the page says that
 * only a refusal remains, and the respondent's request page says why none can be asked for.
 */
class ExtensionPageTests extends PageTest {

    /** Friday 18 September 2026: three working days run to Tuesday the 22nd (the 20th is a 调休 working day). */
    static final String FRIDAY = "2026-09-18T10:00:00+08:00";
    static final String AFTER_THE_DEADLINE = "2026-09-23T09:00:00+08:00";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    Api office;
    String body;
    String respondent;

    @BeforeEach
    void setUp() {
        office = api("gz.office");
        body = new FreshBodies(jdbc, passwords).department("GZ");
        respondent = body.toLowerCase();
        setClock(FRIDAY);
    }

    @AfterEach
    void realTime() {
        assertThat(office.as("admin").delete("/api/admin/clock").status()).isEqualTo(200);
    }

    @Test
    void theDecisionShowsTheDaysTheReasonAndTheDeadlineAGrantWouldGive() throws Exception {
        String caseId = ordered();
        office.as(respondent).post("/api/cases/" + caseId + "/extension-request", Map.of("reason", "需采购服务器", "days", 3));
        String taskId = office.taskOf(caseId, "decideExtension");

        String page = html(mvc.perform(get("/tasks/" + taskId).with(as("gz.office")))
                .andExpect(status().isOk()).andReturn());
        // Tue 22 plus three working days: Wed 23, Thu 24, then Mid-Autumn (Fri 25) and the weekend: Mon 28
        assertThat(page).contains("延期申请", "申请日期", "2026-09-18", "3 个工作日", "需采购服务器", "2026-09-22", "2026-09-28",
                "不同意延期的，须在审批意见中写明理由。");
        assertThat(page).doesNotContain("extension-barred");
        String english = html(mvc.perform(get("/tasks/" + taskId).with(as("gz.office")).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn());
        assertThat(english).contains("Extension request", "3 working days", "Deadline if granted", "2026-09-28");
    }

    @Test
    void aRefusalWithoutAReasonComesBackWithTheErrorBesideTheComment() throws Exception {
        String caseId = ordered();
        office.as(respondent).post("/api/cases/" + caseId + "/extension-request", Map.of("reason", "需采购服务器", "days", 3));
        String taskId = office.taskOf(caseId, "decideExtension");

        MvcResult result = mvc.perform(post("/tasks/" + taskId).with(as("gz.office")).with(csrf()).param("granted", "false"))
                .andExpect(status().isBadRequest()).andExpect(view().name("tasks/task")).andReturn();
        FormView form = (FormView) result.getModelAndView().getModel().get("form");
        assertThat(form.errors()).extracting(FormView.ErrorLink::target).containsExactly("f-comment");
        assertThat(html(result)).contains("不同意延期须写明理由", "id=\"f-comment-error\"");
        assertThat(office.taskOf(caseId, "decideExtension")).isEqualTo(taskId);
    }

    @Test
    void onceTheDeadlineHasPassedAGrantIsRefusedOnThePageAndARefusalStillGoesThrough() throws Exception {
        String caseId = ordered();
        office.as(respondent).post("/api/cases/" + caseId + "/extension-request", Map.of("reason", "需采购服务器", "days", 3));
        String taskId = office.taskOf(caseId, "decideExtension");
        setClock(AFTER_THE_DEADLINE);

        assertThat(html(mvc.perform(get("/tasks/" + taskId).with(as("gz.office"))).andExpect(status().isOk()).andReturn()))
                .contains("整改期限已过，不能再批准延期：请选择“不同意延期”并写明理由。");
        MvcResult granted = mvc.perform(post("/tasks/" + taskId).with(as("gz.office")).with(csrf()).param("granted", "true"))
                .andExpect(status().isConflict()).andExpect(view().name("tasks/task")).andReturn();
        assertThat(html(granted)).contains("id=\"task-refusal\"", "整改期限已过，不能再申请或批准延期。");
        assertThat(office.caseView(caseId).get("deadline").asText()).isEqualTo("2026-09-22");

        mvc.perform(post("/tasks/" + taskId).with(as("gz.office")).with(csrf()).param("granted", "false")
                        .param("comment", "已逾期，不予延期"))
                .andExpect(status().isFound());
        assertThat(office.caseView(caseId).get("deadline").asText()).isEqualTo("2026-09-22");
    }

    @Test
    void theRespondentIsToldOnItsPageThatNoExtensionCanBeAskedForAfterTheDeadline() throws Exception {
        String caseId = ordered();
        assertThat(html(mvc.perform(get("/cases/" + caseId).with(as(respondent))).andReturn()))
                .contains("/cases/" + caseId + "/extension-request");
        setClock(AFTER_THE_DEADLINE);

        assertThat(html(mvc.perform(get("/cases/" + caseId).with(as(respondent))).andReturn()))
                .as("no button for what cannot be done").doesNotContain("/cases/" + caseId + "/extension-request");
        assertThat(html(mvc.perform(get("/cases/" + caseId + "/extension-request").with(as(respondent)))
                .andExpect(status().isOk()).andReturn())).contains("整改期限已过，不能再申请或批准延期。");
        MvcResult late = mvc.perform(post("/cases/" + caseId + "/extension-request").with(as(respondent)).with(csrf())
                        .header("Accept-Language", "en").param("reason", "need servers").param("days", "2"))
                .andExpect(status().isConflict()).andExpect(view().name("cases/extension")).andReturn();
        assertThat(html(late)).contains("The deadline has passed: no extension can be asked for or granted.", "need servers");
        assertThat(office.caseView(caseId).get("extensionUsed").asBoolean()).isFalse();
    }

    private String ordered() {
        String caseId = office.openCase("A33-05", body).get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "恢复在线服务", "periodWorkingDays", 3));
        return caseId;
    }

    private void setClock(String now) {
        Api.Response r = office.as("admin").post("/api/admin/clock", Map.of("now", now));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    private static String html(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
