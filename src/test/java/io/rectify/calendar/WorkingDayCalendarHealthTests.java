package io.rectify.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class WorkingDayCalendarHealthTests {

    private final WorkingDayCalendar calendar = new WorkingDayCalendar();

    private Health healthAt(String instant) {
        Clock clock = Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
        return new WorkingDayCalendarHealth(calendar, clock).health();
    }

    @Test
    void nextYearMissingIsWarnedButStaysUp() {
        Health health = healthAt("2026-06-01T00:00:00Z");

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails())
                .containsEntry("loadedYears", List.of(2024, 2025, 2026))
                .containsEntry("missingYears", List.of(2027));
        assertThat((String) health.getDetails().get("warning")).contains("2027");
    }

    @Test
    void noWarningWhenThisAndNextYearAreLoaded() {
        Health health = healthAt("2025-06-01T00:00:00Z");

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("missingYears", List.of()).doesNotContainKey("warning");
    }

    @Test
    void currentYearIsTakenInShanghai() {
        // 16:30 UTC on 31 Dec is already 00:30 on 1 Jan 2027 in Shanghai
        Health health = healthAt("2026-12-31T16:30:00Z");

        assertThat(health.getDetails()).containsEntry("missingYears", List.of(2027, 2028));
    }
}
