package io.rectify.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.kernel.InvalidInputException;

/** The dates a figure covers, both included, in the business time zone. */
public record Period(LocalDate from, LocalDate to) {

    /** The longest period asked for at once: ten years, the evaluation's whole history. */
    static final int MAX_YEARS = 10;

    public Period {
        if (from.isAfter(to)) {
            throw InvalidInputException.of("from", "stats.period.order", "开始日期不能晚于结束日期");
        }
        if (from.plusYears(MAX_YEARS).isBefore(to)) {
            throw InvalidInputException.of("to", "stats.period.tooLong", "统计期间最长 " + MAX_YEARS + " 年", MAX_YEARS);
        }
    }

    /** A calendar year. */
    public static Period year(int year) {
        if (year < 2000 || year > 2100) {
            throw InvalidInputException.of("year", "stats.year.range", "年度应在 2000 至 2100 之间");
        }
        return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /**
     * The period of a request's {@code from} and {@code to} (YYYY-MM-DD): when absent, this year
     * from 1 January to today. A date that is no date, or {@code from} after {@code to}: 400 naming the field.
     */
    public static Period of(String from, String to, LocalDate today) {
        LocalDate start = from == null || from.isBlank() ? today.withDayOfYear(1) : date("from", from);
        LocalDate end = to == null || to.isBlank() ? today : date("to", to);
        if (from == null || from.isBlank()) {
            start = start.isAfter(end) ? end.withDayOfYear(1) : start;
        }
        return new Period(start, end);
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInputException.of(field, "stats.period.date", "日期格式应为 YYYY-MM-DD");
        }
    }

    /** The first instant of the period. */
    Instant start() {
        return from.atStartOfDay(WorkingDayCalendar.ZONE).toInstant();
    }

    /** The first instant after the period. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(WorkingDayCalendar.ZONE).toInstant();
    }

    /** The calendar months the period touches, each cut to the period. */
    public List<Period> months() {
        List<Period> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.atDay(1).isAfter(to); m = m.plusMonths(1)) {
            LocalDate first = m.atDay(1).isBefore(from) ? from : m.atDay(1);
            LocalDate last = m.atEndOfMonth().isAfter(to) ? to : m.atEndOfMonth();
            months.add(new Period(first, last));
        }
        return months;
    }
}
