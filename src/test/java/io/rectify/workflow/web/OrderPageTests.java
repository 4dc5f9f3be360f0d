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
 * Issuing an order with its grounds in view: the category's legal text and default period, the
 * category's demand as the starting text of the requirements, the deadline the period gives (the
 * preview button answers without a script, the calendar endpoint answers the script), and a
 * warning when that deadline runs into a year whose holiday schedule is not loaded.
 */
class OrderPageTests extends PageTest {

    /** Friday 18 September 2026: three working days run to Tuesday the 22nd (the 20th is a 调休 working day). */
    static final String FRIDAY = "2026-09-18T10:00:00+08:00";
    /** June 2030: no schedule is loaded so far ahead, the year of the order's deadline included. */
    static final String IN_2030 = "2030-06-03T10:00:00+08:00";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    Api office;
    String caseId;
    String taskId;

    @BeforeEach
    void setUp() {
        office = api("gz.office");
        setClock(FRIDAY);
        caseId = office.openCase("A33-04", new FreshBodies(jdbc, passwords).department("GZ")).get("id").asText();
        taskId = office.taskOf(caseId, "issueOrder");
    }

    @AfterEach
    void realTime() {
        assertThat(office.as("admin").delete("/api/admin/clock").status()).isEqualTo(200);
    }

    @Test
    void theOrderPageStatesTheLegalTextTheDefaultPeriodItsDeadlineAndOffersTheCategorysDemand() throws Exception {
        Map<String, String> category = category("A33-04");
        MvcResult result = mvc.perform(get("/tasks/" + taskId).with(as("gz.office"))).andExpect(status().isOk()).andReturn();
        String page = html(result);
        assertThat(page).contains("责令整改依据", category.get("legalText"),
                category.get("defaultPeriodWorkingDays") + " 个工作日", "预览期限");
        FormView form = (FormView) result.getModelAndView().getModel().get("form");
        assertThat(form.valueOf("requirements")).as("the category's demand as the starting text")
                .isEqualTo(category.get("orderDemand"));
        // five working days from Friday 18: Sun 20 (调休), Mon 21 … Thu 24
        assertThat(category.get("defaultPeriodWorkingDays")).isEqualTo("5");
        assertThat(page).contains("按 5 个工作日计，整改期限至 2026-09-24。").doesNotContain("deadline-preview-missing");
    }

    @Test
    void thePreviewButtonShowsTheDeadlineOfTheTypedPeriodAndSubmitsNothing() throws Exception {
        MvcResult result = mvc.perform(post("/tasks/" + taskId).with(as("gz.office")).with(csrf())
                        .param("_action", "preview").param("requirements", "公开预算").param("periodWorkingDays", "3"))
                .andExpect(status().isOk()).andExpect(view().name("tasks/task")).andReturn();
        assertThat(html(result)).contains("按 3 个工作日计，整改期限至 2026-09-22。", "公开预算");
        assertThat(office.taskOf(caseId, "issueOrder")).isEqualTo(taskId);
        assertThat(office.caseView(caseId).get("status").asText()).isEqualTo("DETECTED");

        assertThat(html(mvc.perform(post("/tasks/" + taskId).with(as("gz.office")).with(csrf())
                        .param("_action", "preview").param("requirements", "公开预算").param("periodWorkingDays", "61"))
                .andExpect(status().isOk()).andReturn())).contains("整改期限应为 1 至 60 个工作日的整数。")
                .doesNotContain("deadline-preview-date");
        assertThat(html(mvc.perform(post("/tasks/" + taskId).with(as("gz.office")).with(csrf())
                        .header("Accept-Language", "en").param("_action", "preview").param("periodWorkingDays", "3"))
                .andExpect(status().isOk()).andReturn())).contains("Working days: 3. The period ends on 2026-09-22.");
    }

    @Test
    void aDeadlineInAYearWithNoHolidayScheduleIsFlaggedToWhoeverIssuesTheOrder() throws Exception {
        setClock(IN_2030);
        MvcResult result = mvc.perform(post("/tasks/" + taskId).with(as("gz.office")).with(csrf())
                        .param("_action", "preview").param("requirements", "公开预算").param("periodWorkingDays", "20"))
                .andExpect(status().isOk()).andReturn();
        assertThat(html(result)).contains("id=\"deadline-preview-missing\"",
                "注意：2030 年的节假日安排尚未载入，期限暂按周末计算，载入后可能变动。");
        setClock(FRIDAY);
        assertThat(html(mvc.perform(post("/tasks/" + taskId).with(as("gz.office")).with(csrf())
                        .param("_action", "preview").param("periodWorkingDays", "3"))
                .andReturn())).as("a deadline within 2026").doesNotContain("deadline-preview-missing");
    }

    @Test
    void theCalendarAnswersTheDeadlineOfAPeriodToAnyoneSignedIn() {
        Api.Response three = office.get("/api/calendar/deadline?days=3");
        assertThat(three.status()).as(three.text()).isEqualTo(200);
        assertThat(three.body().get("from").asText()).isEqualTo("2026-09-18");
        assertThat(three.body().get("deadline").asText()).isEqualTo("2026-09-22");
        assertThat(three.body().get("missingYears")).isEmpty();
        office.get("/api/calendar/deadline?days=0").isInvalid("days");
        office.get("/api/calendar/deadline?days=abc").isInvalid("days");
        office.get("/api/calendar/deadline").isInvalid("days");
        assertThat(office.anonymous().get("/api/calendar/deadline?days=3").status()).isEqualTo(401);

        setClock(IN_2030);
        Api.Response late = office.get("/api/calendar/deadline?days=20");
        assertThat(late.body().get("deadline").asText()).startsWith("2030-");
        assertThat(late.body().get("missingYears")).extracting(n -> n.asInt()).containsExactly(2030);
    }

    private Map<String, String> category(String code) {
        for (var c : office.get("/api/categories").body()) {
            if (c.get("code").asText().equals(code)) {
                return Map.of("legalText", c.get("legalText").asText(), "orderDemand", c.get("orderDemand").asText(),
                        "defaultPeriodWorkingDays", c.get("defaultPeriodWorkingDays").asText());
            }
        }
        throw new AssertionError("no category " + code);
    }

    private void setClock(String now) {
        Api.Response r = office.as("admin").post("/api/admin/clock", Map.of("now", now));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    private static String html(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
