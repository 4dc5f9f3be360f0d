package io.rectify.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;

import io.rectify.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A year loaded on one node counts on every node: the others see the stored revision move (asked
 * for at most every {@link WorkingDayCalendar#RECHECK_EVERY}) and read the schedules again; a node
 * started afterwards, as after a restart, counts with it from the start.
 */
class CalendarAcrossNodesTests extends IntegrationTest {

    @Autowired
    HolidaySchedules schedules;

    @Autowired
    HolidayScheduleStore store;

    @Autowired
    WorkingDayCalendar thisNode;

    @Test
    void aYearLoadedOnOneNodeCountsOnTheOthersOnceTheyCheckTheRevision() {
        WorkingDayCalendar checksAtEachUse = new WorkingDayCalendar(HolidaySchedule.readClasspath(), store, Duration.ZERO);
        WorkingDayCalendar checkedAMomentAgo = new WorkingDayCalendar(HolidaySchedule.readClasspath(), store,
                Duration.ofHours(1));
        LocalDate newYearsDay = LocalDate.of(2037, 1, 1); // a Thursday
        assertThat(checksAtEachUse.isWorkingDay(newYearsDay)).isTrue();
        assertThat(checkedAMomentAgo.isWorkingDay(newYearsDay)).isTrue();

        schedules.load("admin", 2037, "{\"year\": 2037, \"days\": [{\"name\": \"元旦\", \"date\": \"2037-01-01\", "
                + "\"isOffDay\": true}]}");

        assertThat(thisNode.isWorkingDay(newYearsDay)).as("the node that loaded it").isFalse();
        assertThat(checksAtEachUse.isWorkingDay(newYearsDay)).as("another node").isFalse();
        assertThat(checksAtEachUse.isLoaded(2037)).isTrue();
        assertThat(checkedAMomentAgo.isWorkingDay(newYearsDay)).as("a node before its next check").isTrue();
        WorkingDayCalendar restarted = new WorkingDayCalendar(HolidaySchedule.readClasspath(), store,
                WorkingDayCalendar.RECHECK_EVERY);
        assertThat(restarted.isWorkingDay(newYearsDay)).as("a node started after the load").isFalse();
        assertThat(restarted.missingYears(2037, 2038)).containsExactly(2038);
    }
}
