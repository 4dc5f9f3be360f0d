package io.rectify.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import io.rectify.PageTest;
import io.rectify.api.Api;
import io.rectify.audit.AuditEntry;
import io.rectify.audit.AuditLog;
import io.rectify.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The administrator loads a year's holiday schedule at run time, through the API and the calendar
 * page: checked, stored, audited, and counted by deadlines from then on. Each test loads a year of
 * its own, far enough ahead that no other test's deadline runs into it.
 */
class HolidayScheduleLoadTests extends PageTest {

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    AuditLog audit;

    @Test
    void aYearLoadedThroughTheApiCountsAtOnceAndIsAudited() {
        Api admin = api("admin");
        int audited = audit.ofAction("HOLIDAY_SCHEDULE_LOADED").size();
        // 2031-01-01 is a Wednesday: before the load the day after New Year's Eve is a working day
        assertThat(calendar.addWorkingDays(LocalDate.of(2030, 12, 31), 1)).isEqualTo(LocalDate.of(2031, 1, 1));

        Api.Response loaded = admin.exchange(HttpMethod.PUT, "/api/admin/calendar/2031",
                schedule(2031, day("2031-01-01", true), day("2031-01-04", false)));

        assertThat(loaded.status()).as(loaded.text()).isEqualTo(200);
        assertThat(loaded.body().get("year").asInt()).isEqualTo(2031);
        assertThat(loaded.body().get("days").asInt()).isEqualTo(2);
        assertThat(loaded.body().get("replaced").asText()).isEqualTo("NOTHING");
        assertThat(calendar.addWorkingDays(LocalDate.of(2030, 12, 31), 1)).isEqualTo(LocalDate.of(2031, 1, 2));
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 1, 4))).as("a Saturday worked (调休)").isTrue();
        Api.Response state = admin.get("/api/admin/calendar");
        assertThat(state.body().get("loadedYears").toString()).contains("2031");
        assertThat(state.body().get("loadedAtRunTime").findValuesAsText("loadedBy")).contains("admin");

        Api.Response again = admin.exchange(HttpMethod.PUT, "/api/admin/calendar/2031",
                schedule(2031, day("2031-01-01", true), day("2031-01-02", true)));

        assertThat(again.body().get("replaced").asText()).isEqualTo("LOADED");
        assertThat(calendar.addWorkingDays(LocalDate.of(2030, 12, 31), 1)).isEqualTo(LocalDate.of(2031, 1, 3));
        assertThat(calendar.isWorkingDay(LocalDate.of(2031, 1, 4))).as("no longer listed: a Saturday").isFalse();
        List<AuditEntry> entries = audit.ofAction("HOLIDAY_SCHEDULE_LOADED");
        assertThat(entries).hasSize(audited + 2);
        AuditEntry last = entries.get(entries.size() - 1);
        assertThat(last.actor()).isEqualTo("admin");
        assertThat(last.detail()).startsWith("2031: 2 days listed").contains("replaces the schedule admin loaded at");
        assertThat(entries.get(entries.size() - 2).detail()).contains("a year with no schedule before");
    }

    @Test
    void theShippedScheduleOfAYearIsReplacedByTheOneLoaded() throws IOException {
        // the shipped 2026 schedule loaded again as it is: replaced, and no deadline of another test moves
        Api.Response loaded = api("admin").exchange(HttpMethod.PUT, "/api/admin/calendar/2026", shipped(2026));

        assertThat(loaded.status()).as(loaded.text()).isEqualTo(200);
        assertThat(loaded.body().get("replaced").asText()).isIn("SHIPPED", "LOADED");
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 17))).isFalse();
        assertThat(audit.ofAction("HOLIDAY_SCHEDULE_LOADED")).anySatisfy(entry ->
                assertThat(entry.detail()).startsWith("2026: 39 days listed").contains("replaces the shipped schedule"));
    }

    @Test
    void aBadScheduleIsRefusedWithAProblemNamingWhatIsWrongAndNothingIsStored() {
        Api admin = api("admin");
        int audited = audit.ofAction("HOLIDAY_SCHEDULE_LOADED").size();

        admin.exchange(HttpMethod.PUT, "/api/admin/calendar/2034", "{\"year\": 2034, \"days\": [ oops").isInvalid("schedule");
        admin.exchange(HttpMethod.PUT, "/api/admin/calendar/2034", schedule(2035, day("2035-01-01", true)))
                .isInvalid("year");
        Api.Response outside = admin.exchange(HttpMethod.PUT, "/api/admin/calendar/2034",
                schedule(2034, day("2034-01-01", true), day("2033-12-31", true), day("2034-01-01", true)));
        assertThat(outside.errorFields()).containsExactly("days[1].date", "days[2].date");
        assertThat(outside.text()).contains("第 2 项的日期 2033-12-31 不在 2034 年内").contains("第 3 项的日期 2034-01-01 已在前面列出");
        admin.exchange(HttpMethod.PUT, "/api/admin/calendar/2034", schedule(2034)).isInvalid("days");
        admin.exchange(HttpMethod.PUT, "/api/admin/calendar/2034", null).isInvalid("schedule");
        admin.exchange(HttpMethod.PUT, "/api/admin/calendar/1066", schedule(1066, day("1066-10-14", true)))
                .isInvalid("year");
        admin.exchange(HttpMethod.PUT, "/api/admin/calendar/next", schedule(2034, day("2034-01-01", true))).isInvalid("year");

        assertThat(audit.ofAction("HOLIDAY_SCHEDULE_LOADED")).hasSize(audited);
        assertThat(calendar.isLoaded(2034)).isFalse();
    }

    @Test
    void onlyTheSystemAdministratorLoadsASchedule() {
        for (String other : List.of("security", "auditor", "jx.office", "jx.supervision")) {
            api(other).exchange(HttpMethod.PUT, "/api/admin/calendar/2036", schedule(2036, day("2036-01-01", true)))
                    .isProblem(403);
        }
        assertThat(calendar.isLoaded(2036)).isFalse();
    }

    @Test
    void theCalendarPageLoadsAnUploadedFileAndShowsWhoLoadedIt() throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "2032.json", "application/json",
                schedule(2032, day("2032-01-01", true)).getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart("/admin/calendar").file(file).param("year", "2032").param("schedule", "")
                        .with(as("admin")).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/calendar"))
                .andExpect(flash().attribute("notice", "admin.calendar.load.done"));

        assertThat(calendar.isLoaded(2032)).isTrue();
        String html = mvc.perform(get("/admin/calendar").with(as("admin")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("admin 于 2").contains("随产品发布").contains("载入安排");
    }

    @Test
    void theCalendarPageShowsEachProblemBesideItsFieldAndKeepsWhatWasPasted() throws Exception {
        String pasted = schedule(2033, day("2033-02-30", true));

        MvcResult result = mvc.perform(multipart("/admin/calendar").param("year", "2033").param("schedule", pasted)
                        .with(as("admin")).with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest()).andExpect(view().name(AdminPages.VIEW_CALENDAR))
                .andExpect(model().attributeHasFieldErrorCode("scheduleForm", "schedule", "calendar.load.dayDate"))
                .andReturn();
        String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("Entry 1: the date 2033-02-30 is not a date of the form YYYY-MM-DD")
                .contains("2033-02-30").contains("aria-invalid=\"true\"");

        mvc.perform(multipart("/admin/calendar").param("year", "twenty").param("schedule", pasted)
                        .with(as("admin")).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(model().attributeHasFieldErrorCode("scheduleForm", "year", "calendar.load.yearNumber"));
        assertThat(calendar.isLoaded(2033)).isFalse();
    }

    static String schedule(int year, String... days) {
        return "{\"year\": " + year + ", \"papers\": [], \"days\": [" + String.join(",", days) + "]}";
    }

    static String day(String date, boolean off) {
        return "{\"name\": \"节日\", \"date\": \"" + date + "\", \"isOffDay\": " + off + "}";
    }

    private static String shipped(int year) throws IOException {
        try (InputStream in = HolidayScheduleLoadTests.class.getResourceAsStream("/holiday-cn/" + year + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
