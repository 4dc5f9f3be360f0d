package io.rectify.casefile.web;

import java.time.LocalDate;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.casefile.CaseService;
import io.rectify.casefile.CaseStatus;
import io.rectify.casefile.RectificationCase;
import org.springframework.stereotype.Component;

/**
 * The countdown light of a case in working days: green, yellow within {@value #WARNING_DAYS}
 * working days of the deadline, red when overdue; none while no order runs. Every light comes
 * with its words (the message key and the days), never by colour alone.
 */
@Component
public class Countdown {

    static final int WARNING_DAYS = 3;

    private final WorkingDayCalendar calendar;
    private final CaseService cases;

    Countdown(WorkingDayCalendar calendar, CaseService cases) {
        this.calendar = calendar;
        this.cases = cases;
    }

    public Light of(RectificationCase c) {
        return of(c.status(), c.deadline(), c.isOverdue(cases.today()), cases.today());
    }

    Light of(CaseStatus status, LocalDate deadline, boolean overdue, LocalDate today) {
        if (status != CaseStatus.ORDERED || deadline == null) {
            return new Light("none", "countdown.none", 0);
        }
        int days = calendar.workingDaysUntil(today, deadline);
        if (overdue) {
            return new Light("red", "countdown.overdue", Math.max(-days, 0));
        }
        if (days == 0) {
            return new Light("yellow", "countdown.today", 0);
        }
        return new Light(days <= WARNING_DAYS ? "yellow" : "green", "countdown.left", days);
    }

    /**
     * @param level   green, yellow, red or none (the CSS class)
     * @param message the message key of the words shown with the light
     * @param days    the working days left, or overdue
     */
    public record Light(String level, String message, int days) {
    }
}
