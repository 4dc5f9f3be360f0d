package io.rectify.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Working days under the State Council's yearly holiday notice, and the deadlines counted in them.
 *
 * <p>The rule (DOMAIN.md, "Working days"): a date listed in a published schedule is decided by its
 * {@code isOffDay}, whichever year's notice lists it; any other date is a working day Monday to
 * Friday. The schedules shipped under {@code holiday-cn/} are the base; a year the administrator
 * loaded at run time ({@link HolidaySchedules}, stored for every node) replaces the shipped one of
 * that year. A year whose schedule is missing or lists no days is <em>not loaded</em>: its dates fall
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

    /**
     * How long a node goes on with the revision of the stored schedules it last saw before asking
     * the database again (one primary-key read): a year loaded on another node counts here within
     * this time; on the node that loaded it, at once.
     */
    static final Duration RECHECK_EVERY = Duration.ofSeconds(2);

    private final Map<Integer, HolidaySchedule> shipped;
    private final HolidayScheduleStore store;
    private final Duration recheckEvery;
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();
    private volatile Days days;
    /** System.nanoTime() of the last revision check; the business clock may be moved, this one must not */
    private volatile long checkedAt;
    private volatile boolean recheckNow = true;

    /** The product's calendar: the schedules shipped under {@code classpath:holiday-cn/}, and those loaded since. */
    @Autowired
    WorkingDayCalendar(HolidayScheduleStore store) {
        this(HolidaySchedule.readClasspath(), store, RECHECK_EVERY);
    }

    /** The shipped schedules alone. */
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
        this(schedules, null, RECHECK_EVERY);
    }

    /** The given schedules as the base, with the years loaded into {@code store} replacing theirs. */
    WorkingDayCalendar(List<HolidaySchedule> schedules, HolidayScheduleStore store, Duration recheckEvery) {
        Map<Integer, HolidaySchedule> byYear = new TreeMap<>();
        for (HolidaySchedule schedule : schedules) {
            if (byYear.put(schedule.year(), schedule) != null) {
                throw new IllegalArgumentException("Two holiday schedules for " + schedule.year());
            }
        }
        this.shipped = Collections.unmodifiableMap(byYear);
        this.store = store;
        this.recheckEvery = recheckEvery;
        this.days = Days.of(byYear.values(), -1);
        log.info("Holiday schedules shipped for {}", days.loadedYears());
        if (store == null) {
            recheckNow = false;
        }
    }

    /**
     * The listed days of the shipped schedules with {@code loaded} put in place of the shipped one of
     * its year, as the calendar would count them: how a load is checked before it is stored.
     *
     * @throws IllegalArgumentException when the schedules then disagree about a date
     */
    SortedSet<Integer> yearsWith(HolidaySchedule loaded) {
        Map<Integer, HolidaySchedule> byYear = new TreeMap<>(shipped);
        if (store != null) {
            store.all().forEach(schedule -> byYear.put(schedule.year(), schedule));
        }
        byYear.put(loaded.year(), loaded);
        return Days.of(byYear.values(), -1).loadedYears();
    }

    /** Whether a published schedule for this year ships with the product. */
    boolean isShipped(int year) {
        HolidaySchedule schedule = shipped.get(year);
        return schedule != null && schedule.isPublished();
    }

    /** Read the stored schedules at the next use: a load on this node has committed. */
    void recheckNow() {
        recheckNow = true;
    }

    /**
     * The days as they stand: the revision is asked for at most every {@link #RECHECK_EVERY}, and
     * the stored schedules read again only when it moved. With the database out of reach the days
     * last read stay in use (the request itself will meet the outage and answer for it).
     */
    private Days days() {
        if (store == null) {
            return days;
        }
        long now = System.nanoTime();
        if (!recheckNow && now - checkedAt < recheckEvery.toNanos()) {
            return days;
        }
        synchronized (this) {
            if (!recheckNow && System.nanoTime() - checkedAt < recheckEvery.toNanos()) {
                return days;
            }
            try {
                long revision = store.revision();
                if (revision != days.revision()) {
                    Map<Integer, HolidaySchedule> byYear = new TreeMap<>(shipped);
                    store.all().forEach(schedule -> byYear.put(schedule.year(), schedule));
                    Days read = Days.of(byYear.values(), revision);
                    log.info("Holiday schedules now loaded for {} (stored revision {})", read.loadedYears(), revision);
                    days = read;
                }
                recheckNow = false;
                checkedAt = System.nanoTime();
            } catch (DataAccessException e) {
                log.warn("Cannot read the stored holiday schedules ({}): counting with those read before",
                        e.getMessage());
            } catch (IllegalArgumentException e) {
                // a shipped year changed by a release may disagree with a stored one: say so, keep counting
                log.error("The stored holiday schedules cannot be used: {}", e.getMessage());
                recheckNow = false;
                checkedAt = System.nanoTime();
            }
            return days;
        }
    }

    /** The listed days of a set of schedules, and the stored revision they include (-1: none read). */
    private record Days(Map<LocalDate, Boolean> listedOffDays, SortedSet<Integer> loadedYears, long revision) {

        static Days of(Collection<HolidaySchedule> schedules, long revision) {
            Map<LocalDate, Boolean> offDays = new HashMap<>();
            SortedSet<Integer> loaded = new TreeSet<>();
            for (HolidaySchedule schedule : schedules) {
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
            return new Days(Map.copyOf(offDays), Collections.unmodifiableSortedSet(loaded), revision);
        }
    }

    /**
     * Whether public bodies work on this date. Falls back to weekends-only (with a one-time WARN) in
     * a year whose schedule is not loaded.
     */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return isWorkingDay(days(), date);
    }

    private boolean isWorkingDay(Days days, LocalDate date) {
        warnOnceIfNotLoaded(days, date.getYear());
        Boolean offDay = days.listedOffDays().get(date);
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
        Days days = days();
        LocalDate day = issuedOn;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(days, day)) {
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

    /** The last working day of the deadline that ends at {@code deadlineEnd}: {@link #deadlineEnd} undone. */
    public LocalDate lastWorkingDay(Instant deadlineEnd) {
        Objects.requireNonNull(deadlineEnd, "deadlineEnd");
        return LocalDate.ofInstant(deadlineEnd, ZONE).minusDays(1);
    }

    /** The instant to remind the responder: 09:00 in {@link #ZONE} on the last working day. */
    public Instant reminderAt(LocalDate lastWorkingDay) {
        return reminderAt(lastWorkingDay, 1);
    }

    /**
     * The instant to remind the responder when {@code workingDaysLeft} working days are left, the
     * last one counted: 09:00 in {@link #ZONE} of the working day {@code workingDaysLeft - 1} working
     * days before the last one (1: the last working day itself; 3 with a Tuesday deadline: the
     * Friday before, unless a 调休 weekend day is worked in between).
     *
     * @throws IllegalArgumentException when {@code workingDaysLeft} is less than 1
     */
    public Instant reminderAt(LocalDate lastWorkingDay, int workingDaysLeft) {
        Objects.requireNonNull(lastWorkingDay, "lastWorkingDay");
        if (workingDaysLeft < 1) {
            throw new IllegalArgumentException("At least the last working day is left, not " + workingDaysLeft);
        }
        Days days = days();
        LocalDate day = lastWorkingDay;
        for (int counted = 1; counted < workingDaysLeft; ) {
            day = day.minusDays(1);
            if (isWorkingDay(days, day)) {
                counted++;
            }
        }
        return day.atTime(REMINDER_TIME).atZone(ZONE).toInstant();
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
        Days days = days();
        int count = 0;
        for (LocalDate day = today.plusDays(1); !day.isAfter(lastWorkingDay); day = day.plusDays(1)) {
            if (isWorkingDay(days, day)) {
                count++;
            }
        }
        return count;
    }

    /** The years whose published schedule is loaded, ascending. */
    public SortedSet<Integer> loadedYears() {
        return days().loadedYears();
    }

    /** Whether the published schedule for this year is loaded. */
    public boolean isLoaded(int year) {
        return days().loadedYears().contains(year);
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
        SortedSet<Integer> loaded = loadedYears();
        return IntStream.rangeClosed(fromYear, toYear)
                .filter(year -> !loaded.contains(year))
                .boxed()
                .toList();
    }

    private void warnOnceIfNotLoaded(Days days, int year) {
        if (!days.loadedYears().contains(year) && warnedYears.add(year)) {
            log.warn("No holiday schedule loaded for {}: counting weekends only until the administrator loads the "
                    + "State Council's notice for {} (admin page Holiday calendar, or PUT /api/admin/calendar/{})",
                    year, year, year);
        }
    }
}
