package io.rectify.inspection;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A self-inspection reporting period: {@code 2026H2} is the second of the year's periods. */
public record ReportingPeriod(int year, int index, LocalDate start, LocalDate end) implements Comparable<ReportingPeriod> {

    private static final Pattern NAME = Pattern.compile("(\\d{4})H(\\d{1,2})");

    public String name() {
        return year + "H" + index;
    }

    /** The period of this name under these period ends; empty if there is no such period. */
    public static Optional<ReportingPeriod> parse(String name, List<MonthDay> ends) {
        Matcher m = name == null ? null : NAME.matcher(name.strip());
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        int index = Integer.parseInt(m.group(2));
        if (index < 1 || index > ends.size() || year < 2000 || year > 2999) {
            return Optional.empty();
        }
        return Optional.of(of(year, index, ends));
    }

    static ReportingPeriod of(int year, int index, List<MonthDay> ends) {
        LocalDate end = ends.get(index - 1).atYear(year);
        LocalDate start = index == 1 ? LocalDate.of(year, 1, 1) : ends.get(index - 2).atYear(year).plusDays(1);
        return new ReportingPeriod(year, index, start, end);
    }

    /** The period a day falls in. */
    public static ReportingPeriod containing(LocalDate day, List<MonthDay> ends) {
        for (int i = 1; i <= ends.size(); i++) {
            ReportingPeriod p = of(day.getYear(), i, ends);
            if (!day.isAfter(p.end())) {
                return p;
            }
        }
        // past the last end of the year: the year's days after it belong to the first period of the next
        return of(day.getYear() + 1, 1, ends);
    }

    public ReportingPeriod next(List<MonthDay> ends) {
        return index < ends.size() ? of(year, index + 1, ends) : of(year + 1, 1, ends);
    }

    @Override
    public int compareTo(ReportingPeriod other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(index, other.index);
    }
}
