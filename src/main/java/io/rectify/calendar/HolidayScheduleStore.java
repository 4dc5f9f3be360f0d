package io.rectify.calendar;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The holiday schedules loaded at run time ({@code holiday_schedule}, V20), and the revision that
 * tells a node whether its calendar is still built from the stored ones.
 */
@Repository
class HolidayScheduleStore {

    private final JdbcTemplate jdbc;

    HolidayScheduleStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One primary-key read: how many loads the database has seen. */
    long revision() {
        Long revision = jdbc.queryForObject("select revision from holiday_schedule_revision where id = 1", Long.class);
        return revision == null ? 0 : revision;
    }

    List<HolidaySchedule> all() {
        return jdbc.query("select schedule_json from holiday_schedule order by schedule_year",
                (row, n) -> HolidaySchedule.read(new ByteArrayInputStream(
                        row.getString(1).getBytes(StandardCharsets.UTF_8))));
    }

    /** Who loaded this year's schedule, and when; empty when it was never loaded. */
    Optional<Loaded> loaded(int year) {
        return jdbc.query("select loaded_by, loaded_at from holiday_schedule where schedule_year = ?",
                (row, n) -> new Loaded(row.getString(1), row.getTimestamp(2).toInstant()), year).stream().findFirst();
    }

    /** Every stored year with who loaded it. */
    List<HolidaySchedules.LoadedYear> loadedYears() {
        return jdbc.query("select schedule_year, loaded_by, loaded_at from holiday_schedule order by schedule_year",
                (row, n) -> new HolidaySchedules.LoadedYear(row.getInt(1), row.getString(2),
                        row.getTimestamp(3).toInstant()));
    }

    /**
     * Stores the year's schedule, replacing one loaded before; first moves the revision on, which
     * locks its row until the transaction ends, so two loads at once follow each other.
     */
    void save(int year, String json, String loadedBy, Instant at) {
        jdbc.update("update holiday_schedule_revision set revision = revision + 1 where id = 1");
        int updated = jdbc.update("update holiday_schedule set schedule_json = ?, loaded_by = ?, loaded_at = ? "
                + "where schedule_year = ?", json, loadedBy, Timestamp.from(at), year);
        if (updated == 0) {
            jdbc.update("insert into holiday_schedule (schedule_year, schedule_json, loaded_by, loaded_at) "
                    + "values (?, ?, ?, ?)", year, json, loadedBy, Timestamp.from(at));
        }
    }

    record Loaded(String by, Instant at) {
    }
}
