package io.rectify.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Shows an administrator which holiday schedules are loaded, and warns when the current or the
 * next year has none (DOMAIN.md: a missing year must be visible, never silently guessed).
 *
 * <p>Always UP: without a schedule deadlines still count, weekends-only, so a missing year must
 * not take the product down. Published as the {@code workingDayCalendar} health component: Spring
 * Boot drops the {@code HealthIndicator} suffix of the bean name, and the bean name
 * {@code workingDayCalendar} itself belongs to {@link WorkingDayCalendar}.
 */
@Component("workingDayCalendarHealthIndicator")
class WorkingDayCalendarHealth implements HealthIndicator {

    private final WorkingDayCalendar calendar;
    private final Clock clock;

    WorkingDayCalendarHealth(WorkingDayCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public Health health() {
        int thisYear = LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.ZONE).getYear();
        List<Integer> missing = calendar.missingYears(thisYear, thisYear + 1);
        Health.Builder health = Health.up()
                .withDetail("loadedYears", List.copyOf(calendar.loadedYears()))
                .withDetail("missingYears", missing);
        if (!missing.isEmpty()) {
            health.withDetail("warning", "No holiday schedule loaded for " + missing
                    + ": deadlines in those years count weekends only. Add the State Council's holiday notice "
                    + "(holiday-cn/<year>.json) as soon as it is published.");
        }
        return health.build();
    }
}
