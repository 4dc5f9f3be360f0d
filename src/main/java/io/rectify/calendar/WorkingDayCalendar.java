package io.rectify.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Working days under the State Council's yearly holiday notice, and the deadlines counted in them.
 *
 * <p>The rule (DOMAIN.md, "Working days"): a date listed in a published schedule is decided by its
 * {@code isOffDay}, whichever year's notice lists it; any other date is a working day Monday to
 * Friday. A year whose schedule is missing or lists no days is <em>not loaded</em>: its dates fall
 * back to weekends-only, the calendar logs a WARN the first time it is asked about such a year, and
 * {@link #missingYears(int, int)} shows it to an administrator. Nothing is guessed.
 *
 * <p>Periods are counted from the day after the order is issued and end at 24:00 of their last
 * working day, in the business time zone {@link #ZONE}.
 */
@Component
public class WorkingDayCalendar {

    /** The business time zone: every deadline is read in China Standard Time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** When the reminder for a deadline goes out on its last working day. */
    static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

    private final Map<LocalDate, Boolean> listedOffDays;
    private final SortedSet<Integer> loadedYears;
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

    /** The product's calendar: every schedule bundled under {@code classpath:holiday-cn/}. */
    @Autowired
    public WorkingDayCalendar() {
        this(HolidaySchedule.readClasspath());
    }

    /**
     * A calendar over the given schedules.
     *
     * @throws IllegalArgumentException when two schedules are for the same year, or two schedules
     *                                  disagree about one date
     */
    public WorkingDayCalendar(List<HolidaySchedule> schedules) {
        Map<LocalDate, Boolean> offDays = new HashMap<>();
        SortedSet<Integer> loaded = new TreeSet<>();
        Set<Integer> seen = new TreeSet<>();
        for (HolidaySchedule schedule : schedules) {
            if (!seen.add(schedule.year())) {
                throw new IllegalArgumentException("Two holiday schedules for " + schedule.year());
            }
            if (schedule.isPublished()) {
                loaded.add(schedule.year());
            }
            for (HolidaySchedule.Day day : schedule.days()) {
                Boolean before = offDays.putIfAbsent(day.date(), day.offDay());
                if (before != null && before != day.offDay()) {
                    throw new IllegalArgumentException("Holiday schedules disagree about " + day.date());
                }
            }
        }
        this.listedOffDays = Map.copyOf(offDays);
        this.loadedYears = Collections.unmodifiableSortedSet(loaded);
        log.info("Holiday schedules loaded for {}", loaded);
    }

    /**
     * Whether public bodies work on this date. Falls back to weekends-only (with a one-time WARN) in
     * a year whose schedule is not loaded.
     */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        warnOnceIfNotLoaded(date.getYear());
        Boolean offDay = listedOffDays.get(date);
        if (offDay != null) {
            return !offDay;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /**
     * The last working day of a period of {@code workingDays} working days, counted from the day
     * after {@code issuedOn} (the day of issue does not count). Issued Friday 2026-03-06 with one
     * working day: the period is Monday 2026-03-09.
     *
     * @throws IllegalArgumentException when {@code workingDays} is less than 1
     */
    public LocalDate addWorkingDays(LocalDate issuedOn, int workingDays) {
        Objects.requireNonNull(issuedOn, "issuedOn");
        if (workingDays < 1) {
            throw new IllegalArgumentException("A period has at least one working day, not " + workingDays);
        }
        LocalDate day = issuedOn;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** The instant a deadline ends: 24:00 in {@link #ZONE} of its last working day. */
    public Instant deadlineEnd(LocalDate lastWorkingDay) {
        Objects.requireNonNull(lastWorkingDay, "lastWorkingDay");
        return lastWorkingDay.plusDays(1).atStartOfDay(ZONE).toInstant();
    }

    /** The instant to remind the responder: 09:00 in {@link #ZONE} on the last working day. */
    public Instant reminderAt(LocalDate lastWorkingDay) {
        Objects.requireNonNull(lastWorkingDay, "lastWorkingDay");
        return lastWorkingDay.atTime(REMINDER_TIME).atZone(ZONE).toInstant();
    }

    /** Whether the deadline with this last working day has ended at {@code now}. */
    public boolean isOverdue(LocalDate lastWorkingDay, Instant now) {
        Objects.requireNonNull(now, "now");
        return !now.isBefore(deadlineEnd(lastWorkingDay));
    }

    /**
     * The signed distance in working days from {@code today} to a deadline's last working day.
     * <ul>
     *   <li>deadline ahead: the working days after today up to and including the last working day
     *       (Monday with a Wednesday deadline: 2 — Tuesday and Wednesday);</li>
     *   <li>deadline today: 0;</li>
     *   <li>deadline past: minus the working days after the last working day up to and including
     *       today (Friday deadline, asked on the Tuesday after: -2 — Monday and Tuesday missed).</li>
     * </ul>
     * The result is antisymmetric: {@code workingDaysUntil(a, b) == -workingDaysUntil(b, a)}. On a
     * day off right after the deadline no working day was missed yet, so it is 0 as well: whether
     * a deadline has passed is {@link #isOverdue(LocalDate, Instant)}, not the sign of this count.
     */
    public int workingDaysUntil(LocalDate today, LocalDate lastWorkingDay) {
        Objects.requireNonNull(today, "today");
        Objects.requireNonNull(lastWorkingDay, "lastWorkingDay");
        if (lastWorkingDay.isBefore(today)) {
            return -workingDaysUntil(lastWorkingDay, today);
        }
        int count = 0;
        for (LocalDate day = today.plusDays(1); !day.isAfter(lastWorkingDay); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** The years whose published schedule is loaded, ascending. */
    public SortedSet<Integer> loadedYears() {
        return loadedYears;
    }

    /** Whether the published schedule for this year is loaded. */
    public boolean isLoaded(int year) {
        return loadedYears.contains(year);
    }

    /**
     * The years from {@code fromYear} to {@code toYear}, both included, with no loaded schedule.
     *
     * @throws IllegalArgumentException when {@code fromYear} is after {@code toYear}
     */
    public List<Integer> missingYears(int fromYear, int toYear) {
        if (fromYear > toYear) {
            throw new IllegalArgumentException("Year range " + fromYear + ".." + toYear + " is empty");
        }
        return IntStream.rangeClosed(fromYear, toYear)
                .filter(year -> !isLoaded(year))
                .boxed()
                .toList();
    }

    private void warnOnceIfNotLoaded(int year) {
        if (!isLoaded(year) && warnedYears.add(year)) {
            log.warn("No holiday schedule loaded for {}: counting weekends only until the State Council's "
                    + "notice for {} is added to holiday-cn", year, year);
        }
    }
}
