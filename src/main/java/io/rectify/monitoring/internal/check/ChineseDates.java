package io.rectify.monitoring.internal.check;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates of items on Chinese government pages, in the forms they come in: 2026-12-05,
 * 2026/12/05, 2026.12.05, 2026年12月5日, [2026-12-05], (2026-12-05), 2026-12-05 10:30, full-width
 * digits, and a month and day alone (12-05, 12月05日) whose year is the latest that does not put
 * it in the future. Dates after today (a meeting announced ahead) and before 2000 are not items'
 * dates and are left out.
 */
public final class ChineseDates {

    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private static final Pattern FULL = Pattern.compile(
            "(?<![0-9])((?:19|20)[0-9]{2})\\s*(?:[-/.]|年)\\s*([0-9]{1,2})\\s*(?:[-/.]|月)\\s*([0-9]{1,2})(?![0-9])");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?<![0-9./\\-年])([0-9]{1,2})\\s*(?:-|/|月)\\s*([0-9]{1,2})\\s*日?(?![0-9]|\\s*[-/.:][0-9])");

    private ChineseDates() {
    }

    /** Every plausible item date in the text, in the order they appear. */
    public static List<LocalDate> in(String text, LocalDate today) {
        String normal = halfWidth(text);
        List<LocalDate> dates = new ArrayList<>();
        StringBuilder rest = new StringBuilder(normal);
        Matcher full = FULL.matcher(normal);
        while (full.find()) {
            date(Integer.parseInt(full.group(1)), Integer.parseInt(full.group(2)), Integer.parseInt(full.group(3)))
                    .filter(d -> plausible(d, today)).ifPresent(dates::add);
            for (int i = full.start(); i < full.end(); i++) {
                rest.setCharAt(i, ' ');
            }
        }
        Matcher monthDay = MONTH_DAY.matcher(rest);
        while (monthDay.find()) {
            int month = Integer.parseInt(monthDay.group(1));
            int day = Integer.parseInt(monthDay.group(2));
            Optional<LocalDate> thisYear = date(today.getYear(), month, day);
            Optional<LocalDate> inferred = thisYear.isPresent() && thisYear.get().isAfter(today)
                    ? date(today.getYear() - 1, month, day) : thisYear;
            inferred.filter(d -> plausible(d, today)).ifPresent(dates::add);
        }
        return dates;
    }

    /** The newest item date in the text, if any. */
    public static Optional<LocalDate> newest(String text, LocalDate today) {
        return in(text, today).stream().max(LocalDate::compareTo);
    }

    private static boolean plausible(LocalDate date, LocalDate today) {
        return !date.isBefore(EARLIEST) && !date.isAfter(today);
    }

    private static Optional<LocalDate> date(int year, int month, int day) {
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException impossible) {
            return Optional.empty();
        }
    }

    private static String halfWidth(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '０' && c <= '９') {
                out.append((char) (c - '０' + '0'));
            } else if (c == '－' || c == '—' || c == '–') {
                out.append('-');
            } else if (c == '／') {
                out.append('/');
            } else if (c == '．') {
                out.append('.');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
