package io.rectify.calendar.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.kernel.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working-day calendar as the pages ask it: the deadline a period gives when counted from
 * today, exactly as an order counts it, so that a page can show the date before anything is issued.
 */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    /** A year of working days at most: longer than any period the forms allow. */
    static final int MAX_DAYS = 365;

    private final WorkingDayCalendar calendar;
    private final Clock clock;

    CalendarController(WorkingDayCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The last working day of {@code days} working days from the day after today, and the years it crosses unloaded. */
    @PreAuthorize("isAuthenticated()")
    @GetMapping("/deadline")
    Deadline deadline(@RequestParam(required = false) String days) {
        if (days == null || !days.strip().matches("\\d{1,3}") || Integer.parseInt(days.strip()) < 1
                || Integer.parseInt(days.strip()) > MAX_DAYS) {
            throw InvalidInputException.of("days", "calendar.days.range", "工作日数应为 1 至 " + MAX_DAYS + " 的整数",
                    String.valueOf(MAX_DAYS));
        }
        int workingDays = Integer.parseInt(days.strip());
        LocalDate today = LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
        LocalDate deadline = calendar.addWorkingDays(today, workingDays);
        return new Deadline(workingDays, today, deadline, calendar.missingYears(today.getYear(), deadline.getYear()));
    }

    /**
     * @param from         the day the count starts after (today, in the business time zone)
     * @param deadline     the last working day
     * @param missingYears the years from today's to the deadline's with no holiday schedule loaded:
     *                     there the count knows weekends only, and the date may move once the schedule is loaded
     */
    record Deadline(int days, LocalDate from, LocalDate deadline, List<Integer> missingYears) {
    }
}
