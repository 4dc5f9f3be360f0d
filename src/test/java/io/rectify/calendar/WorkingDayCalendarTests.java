package io.rectify.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The calendar against the schedules bundled in {@code holiday-cn/}, as published. */
class WorkingDayCalendarTests {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar();

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Nested
    class WorkingDays {

        @Test
        void sundayMadeAWorkingDayBeforeNationalDayIsAWorkingDay() {
            assertThat(date("2026-09-20").getDayOfWeek()).hasToString("SUNDAY");
            assertThat(calendar.isWorkingDay(date("2026-09-20"))).isTrue();
        }

        @Test
        void nationalDayWeek2026IsOffAndTheSaturdayAfterIsWorked() {
            for (int day = 1; day <= 7; day++) {
                assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, day))).as("October %d", day).isFalse();
            }
            assertThat(calendar.isWorkingDay(date("2026-10-08"))).as("Thursday after the holiday").isTrue();
            assertThat(calendar.isWorkingDay(date("2026-10-10"))).as("Saturday made a working day").isTrue();
        }

        @Test
        void ordinarySaturdayAndSundayAreOffAndOrdinaryWeekdaysAreWorked() {
            assertThat(calendar.isWorkingDay(date("2026-03-07"))).isFalse();
            assertThat(calendar.isWorkingDay(date("2026-03-08"))).isFalse();
            assertThat(calendar.isWorkingDay(date("2026-03-06"))).isTrue();
            assertThat(calendar.isWorkingDay(date("2026-03-09"))).isTrue();
        }

        @Test
        void weekdayHolidayIsOff() {
            assertThat(calendar.isWorkingDay(date("2025-01-01"))).isFalse();
            assertThat(calendar.isWorkingDay(date("2026-05-05"))).isFalse();
        }

        @Test
        void publishedYearsAreLoadedAndTheUnpublished2027IsNot() {
            assertThat(calendar.loadedYears()).containsExactly(2024, 2025, 2026);
            assertThat(calendar.isLoaded(2026)).isTrue();
            assertThat(calendar.isLoaded(2027)).isFalse();
            assertThat(calendar.missingYears(2025, 2028)).containsExactly(2027, 2028);
            assertThat(calendar.missingYears(2024, 2026)).isEmpty();
        }

        @Test
        void unloadedYearFallsBackToWeekendsOnly() {
            assertThat(calendar.isWorkingDay(date("2027-01-01"))).as("New Year's Day, notice not out").isTrue();
            assertThat(calendar.isWorkingDay(date("2027-01-02"))).as("Saturday").isFalse();
        }
    }

    @Nested
    class Periods {

        @Test
        void periodStartsTheDayAfterIssue() {
            assertThat(calendar.addWorkingDays(date("2026-03-09"), 1)).isEqualTo(date("2026-03-10"));
            assertThat(calendar.addWorkingDays(date("2026-03-06"), 1)).as("issued Friday").isEqualTo(date("2026-03-09"));
            assertThat(calendar.addWorkingDays(date("2026-03-07"), 1)).as("issued Saturday").isEqualTo(date("2026-03-09"));
        }

        @Test
        void periodSkipsSpringFestival2026AndCountsItsWorkedSaturdays() {
            LocalDate fridayBefore = date("2026-02-13");
            assertThat(calendar.addWorkingDays(fridayBefore, 1)).as("Saturday 14th is worked").isEqualTo(date("2026-02-14"));
            assertThat(calendar.addWorkingDays(fridayBefore, 2)).as("15th–23rd off").isEqualTo(date("2026-02-24"));
            assertThat(calendar.addWorkingDays(fridayBefore, 6)).as("Saturday 28th is worked").isEqualTo(date("2026-02-28"));
            assertThat(calendar.addWorkingDays(fridayBefore, 7)).isEqualTo(date("2026-03-02"));
        }

        @Test
        void fifteenWorkingDaysOverNationalDay2026() {
            // issued 20 Sep: 21–24 Sep, 28–30 Sep, 8–10 Oct, 12–16 Oct = 4 + 3 + 3 + 5
            assertThat(calendar.addWorkingDays(date("2026-09-20"), 15)).isEqualTo(date("2026-10-16"));
        }

        @Test
        void periodCrossingIntoUnpublished2027CountsWeekendsOnlyThere() {
            // 29, 30, 31 Dec 2026; 1 Jan 2027 counts (no notice yet); 2–3 Jan weekend; 4 Jan
            assertThat(calendar.addWorkingDays(date("2026-12-28"), 5)).isEqualTo(date("2027-01-04"));
            assertThat(calendar.missingYears(2026, 2027)).containsExactly(2027);
        }

        @Test
        void periodOfLessThanOneWorkingDayIsRejected() {
            assertThatThrownBy(() -> calendar.addWorkingDays(date("2026-03-09"), 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> calendar.addWorkingDays(date("2026-03-09"), -3))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void nullDatesAreRejected() {
            assertThatThrownBy(() -> calendar.isWorkingDay(null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> calendar.addWorkingDays(null, 1)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> calendar.deadlineEnd(null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void emptyYearRangeIsRejected() {
            assertThatThrownBy(() -> calendar.missingYears(2027, 2026)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Instants {

        @Test
        void deadlineEndsAtMidnightShanghaiAfterTheLastWorkingDay() {
            assertThat(calendar.deadlineEnd(date("2026-03-09"))).isEqualTo(Instant.parse("2026-03-09T16:00:00Z"));
        }

        @Test
        void reminderGoesOutAtNineShanghaiOnTheLastWorkingDay() {
            assertThat(calendar.reminderAt(date("2026-03-09"))).isEqualTo(Instant.parse("2026-03-09T01:00:00Z"));
        }

        @Test
        void reminderWithWorkingDaysLeftCountsBackOverWeekendsAndHolidaysButNotOver调休Days() {
            // Monday 2026-03-09: 3 left is the Thursday before, the weekend skipped
            assertThat(calendar.reminderAt(date("2026-03-09"), 3)).isEqualTo(Instant.parse("2026-03-05T01:00:00Z"));
            // Monday 2026-09-21: Sunday the 20th is worked (调休), Saturday is not
            assertThat(calendar.reminderAt(date("2026-09-21"), 2)).isEqualTo(Instant.parse("2026-09-20T01:00:00Z"));
            assertThat(calendar.reminderAt(date("2026-09-21"), 3)).isEqualTo(Instant.parse("2026-09-18T01:00:00Z"));
            // Friday 2026-10-09: back over the National Day holiday to Wednesday 2026-09-30
            assertThat(calendar.reminderAt(date("2026-10-09"), 3)).isEqualTo(Instant.parse("2026-09-30T01:00:00Z"));
            assertThat(calendar.reminderAt(date("2026-03-09"), 1)).isEqualTo(calendar.reminderAt(date("2026-03-09")));
            assertThatThrownBy(() -> calendar.reminderAt(date("2026-03-09"), 0)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void lastWorkingDayIsReadBackFromTheDeadlineEnd() {
            assertThat(calendar.lastWorkingDay(calendar.deadlineEnd(date("2026-03-09")))).isEqualTo(date("2026-03-09"));
        }

        @Test
        void overdueFromTheDeadlineEndOn() {
            Instant end = calendar.deadlineEnd(date("2026-03-09"));
            assertThat(calendar.isOverdue(date("2026-03-09"), end.minusNanos(1))).isFalse();
            assertThat(calendar.isOverdue(date("2026-03-09"), end)).isTrue();
        }
    }

    @Nested
    class DaysUntil {

        @Test
        void deadlineAheadCountsTheWorkingDaysAfterToday() {
            assertThat(calendar.workingDaysUntil(date("2026-03-09"), date("2026-03-11"))).isEqualTo(2);
            assertThat(calendar.workingDaysUntil(date("2026-02-13"), date("2026-02-24"))).as("over Spring Festival").isEqualTo(2);
        }

        @Test
        void deadlineTodayIsZero() {
            assertThat(calendar.workingDaysUntil(date("2026-03-09"), date("2026-03-09"))).isZero();
        }

        @Test
        void deadlinePastCountsTheMissedWorkingDaysNegatively() {
            // Friday deadline: Monday and Tuesday missed
            assertThat(calendar.workingDaysUntil(date("2026-03-10"), date("2026-03-06"))).isEqualTo(-2);
            // 30 Sep deadline, asked on 9 Oct: 8 and 9 Oct missed, the holiday is not counted
            assertThat(calendar.workingDaysUntil(date("2026-10-09"), date("2026-09-30"))).isEqualTo(-2);
        }

        @Test
        void dayOffRightAfterTheDeadlineHasMissedNoWorkingDayYet() {
            assertThat(calendar.workingDaysUntil(date("2026-03-07"), date("2026-03-06"))).isZero();
        }
    }

    @Nested
    class Schedules {

        private static HolidaySchedule json(String text) {
            return HolidaySchedule.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        }

        @Test
        void yearWithAnEmptyScheduleIsNotLoaded() {
            WorkingDayCalendar empty = new WorkingDayCalendar(List.of(json(
                    "{\"$id\": \"x\", \"year\": 2030, \"papers\": [], \"days\": []}")));

            assertThat(empty.isLoaded(2030)).isFalse();
            assertThat(empty.loadedYears()).isEmpty();
            assertThat(empty.missingYears(2030, 2030)).containsExactly(2030);
            assertThat(empty.isWorkingDay(date("2030-01-01"))).as("Tuesday, weekends only").isTrue();
        }

        @Test
        void bundled2027ScheduleIsReadButHasNoDays() {
            HolidaySchedule y2027 = HolidaySchedule.readClasspath().stream()
                    .filter(schedule -> schedule.year() == 2027)
                    .findFirst().orElseThrow();
            assertThat(y2027.isPublished()).isFalse();
        }

        @Test
        void dateListedByTheNeighbouringYearsNoticeIsDecidedByIt() {
            WorkingDayCalendar withNeighbour = new WorkingDayCalendar(List.of(json("""
                    {"year": 2030, "papers": [], "days": [
                      {"name": "元旦", "date": "2030-01-01", "isOffDay": true},
                      {"name": "元旦", "date": "2031-01-01", "isOffDay": true}]}""")));

            assertThat(withNeighbour.isLoaded(2031)).isFalse();
            assertThat(withNeighbour.isWorkingDay(date("2031-01-01"))).as("Wednesday, listed off").isFalse();
        }

        @Test
        void twoSchedulesForOneYearAreRejected() {
            HolidaySchedule one = new HolidaySchedule(2030, List.of(), List.of());
            assertThatThrownBy(() -> new WorkingDayCalendar(List.of(one, one)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void schedulesDisagreeingAboutADateAreRejected() {
            HolidaySchedule y2030 = new HolidaySchedule(2030, List.of(), List.of(
                    new HolidaySchedule.Day("元旦", date("2030-12-31"), false)));
            HolidaySchedule y2031 = new HolidaySchedule(2031, List.of(), List.of(
                    new HolidaySchedule.Day("元旦", date("2030-12-31"), true)));
            assertThatThrownBy(() -> new WorkingDayCalendar(List.of(y2030, y2031)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void unloadedYearIsWarnedAboutOnceWhenFirstAsked() {
            Logger logger = (Logger) LoggerFactory.getLogger(WorkingDayCalendar.class);
            ListAppender<ILoggingEvent> appender = new ListAppender<>();
            appender.start();
            logger.addAppender(appender);
            try {
                WorkingDayCalendar fresh = new WorkingDayCalendar();
                fresh.isWorkingDay(date("2026-06-01"));
                assertThat(warnings(appender)).isEmpty();

                fresh.addWorkingDays(date("2026-12-28"), 10);
                fresh.isWorkingDay(date("2027-03-01"));
                fresh.isWorkingDay(date("2028-03-01"));

                assertThat(warnings(appender)).hasSize(2);
                assertThat(warnings(appender).get(0)).contains("2027");
                assertThat(warnings(appender).get(1)).contains("2028");
            } finally {
                logger.detachAppender(appender);
            }
        }

        private static List<String> warnings(ListAppender<ILoggingEvent> appender) {
            return appender.list.stream()
                    .filter(event -> event.getLevel() == Level.WARN)
                    .map(ILoggingEvent::getFormattedMessage)
                    .toList();
        }
    }
}
