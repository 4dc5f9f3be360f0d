package io.rectify.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The calendar and its health indicator wire together, and the health component is named {@code workingDayCalendar}. */
class CalendarBeansTests {

    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackageClasses = WorkingDayCalendar.class, useDefaultFilters = false,
            includeFilters = @ComponentScan.Filter(type = org.springframework.context.annotation.FilterType.ASSIGNABLE_TYPE,
                    classes = {WorkingDayCalendar.class, WorkingDayCalendarHealth.class}))
    static class CalendarComponents {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class,
                    HealthEndpointAutoConfiguration.class))
            .withUserConfiguration(CalendarComponents.class)
            .withBean(Clock.class, Clock::systemUTC)
            // no database here: the beans only have to wire, nothing is read
            .withBean(HolidayScheduleStore.class, () -> new HolidayScheduleStore(new JdbcTemplate()));

    @Test
    void calendarAndHealthComponentAreBothBeans() {
        context.run(run -> {
            assertThat(run).hasNotFailed();
            assertThat(run.getBean("workingDayCalendar")).isInstanceOf(WorkingDayCalendar.class);
            assertThat(run.getBean(HealthContributorRegistry.class).getContributor("workingDayCalendar"))
                    .isInstanceOf(WorkingDayCalendarHealth.class);
        });
    }
}
