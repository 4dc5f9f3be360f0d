package io.rectify.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One year's holiday schedule as the State Council's yearly notice (国务院办公厅关于某年部分节假日安排的通知)
 * publishes it, in the holiday-cn format ({@code github.com/NateScarlet/holiday-cn}, MIT):
 * {@code { "year": 2026, "papers": [url], "days": [ { "name", "date", "isOffDay" } ] }}.
 *
 * <p>A listed day is a day off when {@code isOffDay} is true and a working day (调休) when false.
 * A schedule with no days means the notice was not yet published.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HolidaySchedule(int year, List<String> papers, List<Day> days) {

    /** Where the bundled schedules live on the classpath. */
    public static final String CLASSPATH_PATTERN = "classpath:holiday-cn/*.json";

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    public HolidaySchedule {
        papers = papers == null ? List.of() : List.copyOf(papers);
        days = days == null ? List.of() : List.copyOf(days);
    }

    /** True when the notice for {@link #year()} is in: the schedule lists at least one day. */
    public boolean isPublished() {
        return !days.isEmpty();
    }

    /** One listed date. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Day(String name, LocalDate date, @JsonProperty("isOffDay") boolean offDay) {

        public Day {
            Objects.requireNonNull(date, "date");
        }
    }

    /** Reads one schedule in the holiday-cn format. */
    public static HolidaySchedule read(InputStream json) {
        try {
            return JSON.readValue(json, HolidaySchedule.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Not a holiday-cn schedule", e);
        }
    }

    /** Reads every schedule under {@link #CLASSPATH_PATTERN}. */
    public static List<HolidaySchedule> readClasspath() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(CLASSPATH_PATTERN);
            List<HolidaySchedule> schedules = new ArrayList<>();
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    schedules.add(read(in));
                } catch (UncheckedIOException e) {
                    throw new IllegalStateException("Cannot read holiday schedule " + resource, e);
                }
            }
            return schedules;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + CLASSPATH_PATTERN, e);
        }
    }
}
