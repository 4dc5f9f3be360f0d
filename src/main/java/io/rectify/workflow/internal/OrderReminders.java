package io.rectify.workflow.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Optional;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.notification.NotificationSettings;
import org.springframework.stereotype.Component;

/**
 * When an order's respondent is reminded ({@code rectify.notifications.reminder-days}), as the one
 * reminder timer of bpmn/rectification.bpmn ({@code Timer_Reminder}, a time cycle) asks for it.
 *
 * <p>The engine evaluates the timer's cycle, {@code ${orderReminders.next(deadlineAt)}}, when the
 * order is issued, when its deadline is extended (the timer recalculated) and, as the engine is
 * configured to re-evaluate a cycle when it is due ({@code reevaluateTimeCycleWhenDue}), each time
 * the timer fires: so it fires at each reminder still ahead, in turn, and follows a moved deadline.
 * A reminder whose time has passed is never scheduled, so none is sent late in a burst.
 *
 * <p>After the last reminder the timer wakes once more when the deadline ends and reminds no one:
 * until then an extension may still be granted, and the timer must be there for it to re-time.
 */
@Component
public class OrderReminders {

    /** A cycle whose one time is long past: the engine schedules no next run of the timer. */
    static final String NO_MORE = once(Instant.EPOCH);

    private final WorkingDayCalendar calendar;
    private final NotificationSettings settings;
    private final Clock clock;

    OrderReminders(WorkingDayCalendar calendar, NotificationSettings settings, Clock clock) {
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The timer's next run for the deadline that ends at {@code deadlineAt}, as an ISO 8601 cycle
     * of one time: the first reminder after now, else the end of the deadline, else none.
     */
    public String next(Date deadlineAt) {
        Instant now = clock.instant();
        Instant deadlineEnd = deadlineAt.toInstant();
        LocalDate lastWorkingDay = calendar.lastWorkingDay(deadlineEnd);
        // largest first: the earliest reminder first
        for (int left : settings.reminderDays()) {
            Instant at = calendar.reminderAt(lastWorkingDay, left);
            if (at.isAfter(now)) {
                return once(at);
            }
        }
        return deadlineEnd.isAfter(now) ? once(deadlineEnd) : NO_MORE;
    }

    /**
     * The reminder due now for an order whose last working day is {@code lastWorkingDay}: its
     * working days left, the latest reminder time passed; none once the deadline has ended (the
     * timer's last wake) or before the first reminder.
     */
    public Optional<Integer> due(LocalDate lastWorkingDay) {
        Instant now = clock.instant();
        if (calendar.isOverdue(lastWorkingDay, now)) {
            return Optional.empty();
        }
        Optional<Integer> due = Optional.empty();
        for (int left : settings.reminderDays()) {
            if (!calendar.reminderAt(lastWorkingDay, left).isAfter(now)) {
                due = Optional.of(left);
            }
        }
        return due;
    }

    /** An ISO 8601 cycle that runs once, at {@code at}: the engine's time cycles take no plain date. */
    private static String once(Instant at) {
        return "R1/" + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.ofInstant(at, WorkingDayCalendar.ZONE))
                + "/PT0S";
    }
}
