package io.rectify.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.InvalidInputException;
import org.junit.jupiter.api.Test;

/** What a schedule loaded at run time must be: each thing wrong is named with its field and entry. */
class HolidayScheduleCheckTests {

    @Test
    void theShippedScheduleOf2026PassesAsItIs() throws IOException {
        HolidaySchedule schedule = HolidaySchedules.check(2026, shipped(2026));

        assertThat(schedule.year()).isEqualTo(2026);
        assertThat(schedule.days()).hasSize(39);
        assertThat(schedule.days()).contains(new HolidaySchedule.Day("春节", LocalDate.parse("2026-02-17"), true));
    }

    @Test
    void aYearOutsideTheRangeOrNoTextIsRefused() {
        assertThat(problems(1999, "{}")).extracting(FieldProblem::code).containsExactly("calendar.load.yearRange");
        assertThat(problems(2100, "{}")).extracting(FieldProblem::field).containsExactly("year");
        assertThat(problems(2031, "  ")).extracting(FieldProblem::code).containsExactly("calendar.load.empty");
        assertThat(problems(2031, null)).extracting(FieldProblem::code).containsExactly("calendar.load.empty");
    }

    @Test
    void textThatIsNotJsonIsNamedWithWhereItBreaks() {
        List<FieldProblem> problems = problems(2031, "{\n  \"year\": 2031,\n  \"days\": [ oops ]\n}");

        assertThat(problems).extracting(FieldProblem::code).containsExactly("calendar.load.notJson");
        assertThat(problems.get(0).args().get(0)).isEqualTo(3);
        assertThat(problems(2031, "[1, 2]")).extracting(FieldProblem::code).containsExactly("calendar.load.notObject");
    }

    @Test
    void theYearInsideMustBeTheYearLoaded() {
        assertThat(problems(2031, "{\"year\": 2030, \"days\": [" + day("2031-01-01", true) + "]}"))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("year", "calendar.load.yearMismatch"));
        assertThat(problems(2031, "{\"year\": \"2031\", \"days\": [" + day("2031-01-01", true) + "]}"))
                .extracting(FieldProblem::code).containsExactly("calendar.load.yearMissing");
    }

    @Test
    void daysMustBeAnArrayNotEmptyAndOfASensibleSize() {
        assertThat(problems(2031, "{\"year\": 2031}")).extracting(FieldProblem::code)
                .containsExactly("calendar.load.daysMissing");
        assertThat(problems(2031, "{\"year\": 2031, \"days\": []}")).extracting(FieldProblem::code)
                .containsExactly("calendar.load.noDays");
        StringBuilder many = new StringBuilder();
        for (LocalDate d = LocalDate.of(2031, 1, 1); d.isBefore(LocalDate.of(2031, 5, 1)); d = d.plusDays(1)) {
            many.append(many.isEmpty() ? "" : ",").append(day(d.toString(), true));
        }
        assertThat(problems(2031, "{\"year\": 2031, \"days\": [" + many + "]}")).extracting(FieldProblem::code)
                .containsExactly("calendar.load.tooManyDays");
        assertThat(problems(2031, "{\"year\": 2031, \"days\": [" + day("2031-01-01", true) + "], \"pad\": \""
                + "x".repeat(HolidaySchedules.MAX_CHARS) + "\"}")).extracting(FieldProblem::code)
                .containsExactly("calendar.load.tooLarge");
    }

    @Test
    void eachBadEntryIsNamedByItsPlaceAndField() {
        String json = "{\"year\": 2031, \"papers\": [\"https://www.gov.cn/x\"], \"days\": ["
                + day("2031-01-01", true) + ","                       // 1: fine
                + day("2030-12-31", true) + ","                       // 2: not in 2031
                + day("2031-01-01", false) + ","                      // 3: listed before
                + day("2031-02-30", true) + ","                       // 4: no such date
                + "{\"name\": \"\", \"date\": \"2031-03-01\", \"isOffDay\": \"yes\"},"  // 5: no name, not a boolean
                + "42]}";                                             // 6: not an entry

        List<FieldProblem> problems = problems(2031, json);

        assertThat(problems).extracting(FieldProblem::field).containsExactly("days[1].date", "days[2].date",
                "days[3].date", "days[4].name", "days[4].isOffDay", "days[5]");
        assertThat(problems).extracting(FieldProblem::code).containsExactly("calendar.load.dayOutsideYear",
                "calendar.load.dayDuplicate", "calendar.load.dayDate", "calendar.load.dayName",
                "calendar.load.dayOffDay", "calendar.load.dayNotObject");
        assertThat(problems.get(0).args()).containsExactly(2, "2030-12-31", 2031);
        assertThat(problems.get(0).defaultMessage()).contains("第 2 项").contains("2030-12-31");
    }

    @Test
    void papersMustBeLinks() {
        assertThat(problems(2031, "{\"year\": 2031, \"papers\": \"x\", \"days\": [" + day("2031-01-01", true) + "]}"))
                .extracting(FieldProblem::field).containsExactly("papers");
    }

    @Test
    void aLoadedYearReplacesTheShippedOneAndAgreesWithTheOthers() {
        WorkingDayCalendar calendar = new WorkingDayCalendar();
        HolidaySchedule newYear = HolidaySchedules.check(2031, "{\"year\": 2031, \"days\": [" + day("2031-01-01", true) + "]}");

        assertThat(calendar.yearsWith(newYear)).contains(2024, 2025, 2026, 2031);
        assertThat(calendar.isShipped(2026)).isTrue();
        assertThat(calendar.isShipped(2027)).as("shipped, but with no days: not published").isFalse();
    }

    private static List<FieldProblem> problems(int year, String json) {
        try {
            HolidaySchedules.check(year, json);
        } catch (InvalidInputException e) {
            return e.problems();
        }
        throw new AssertionError("accepted: " + json);
    }

    static String day(String date, boolean off) {
        return "{\"name\": \"节日\", \"date\": \"" + date + "\", \"isOffDay\": " + off + "}";
    }

    static String shipped(int year) throws IOException {
        try (InputStream in = HolidayScheduleCheckTests.class.getResourceAsStream("/holiday-cn/" + year + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void problemsAreCappedSoAWrongFileIsNotAWallOfErrors() {
        StringBuilder wrong = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            wrong.append(i == 0 ? "" : ",").append("1");
        }
        assertThatThrownBy(() -> HolidaySchedules.check(2031, "{\"year\": 2031, \"days\": [" + wrong + "]}"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).hasSize(20));
    }
}
