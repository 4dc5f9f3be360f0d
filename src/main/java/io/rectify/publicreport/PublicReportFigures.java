package io.rectify.publicreport;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.directory.Actor;
import io.rectify.directory.Directory;
import io.rectify.directory.Role;
import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.ForbiddenException;
import io.rectify.kernel.InvalidInputException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of public error reports for a period and the caller's jurisdiction, computed once:
 * the page and {@code GET /api/public-reports/stats} read this object, so they cannot disagree.
 * A report counts in the period in which it was received (in the business time zone), in the
 * jurisdiction of its site's body.
 */
@Component
public class PublicReportFigures {

    private final NamedParameterJdbcTemplate jdbc;
    private final Directory directory;

    PublicReportFigures(NamedParameterJdbcTemplate jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    /**
     * @param received      reports received in the period
     * @param forwarded     of those, forwarded to the site's body
     * @param replied       of those, answered by the body
     * @param repliedOnTime of those, answered by 24:00 of the third working day after forwarding
     * @param overdue       forwarded reports whose three working days ended without a reply
     * @param toCases       reports a rectification case was opened from
     */
    public record Figures(long received, long forwarded, long replied, long repliedOnTime, long overdue, long toCases) {

        /** 办结率: replied of forwarded, 0–1; null when nothing was forwarded. */
        public Double completionRate() {
            return forwarded == 0 ? null : (double) replied / forwarded;
        }

        /** 按期办结率: replied on time of forwarded, 0–1; null when nothing was forwarded. */
        public Double onTimeRate() {
            return forwarded == 0 ? null : (double) repliedOnTime / forwarded;
        }
    }

    @Transactional(readOnly = true)
    public Figures of(Actor actor, LocalDate from, LocalDate to) {
        if (actor.role() != Role.SUPERVISOR) {
            throw new ForbiddenException("the figures of public reports are the offices'");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (from == null) {
            problems.add(FieldProblem.of("from", "publicReport.stats.fromRequired", "请填写起始日期"));
        }
        if (to == null) {
            problems.add(FieldProblem.of("to", "publicReport.stats.toRequired", "请填写截止日期"));
        }
        if (from != null && to != null && from.isAfter(to)) {
            problems.add(FieldProblem.of("from", "publicReport.stats.fromAfterTo", "起始日期不能晚于截止日期"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("regions", directory.regionAndBelow(actor.regionCode()))
                .addValue("from", start(from))
                .addValue("to", start(to.plusDays(1)));
        return jdbc.queryForObject("""
                select count(*) as received,
                       coalesce(sum(case when forwarded_at is not null then 1 else 0 end), 0) as forwarded,
                       coalesce(sum(case when replied_at is not null then 1 else 0 end), 0) as replied,
                       coalesce(sum(case when replied_on_time then 1 else 0 end), 0) as replied_on_time,
                       coalesce(sum(case when overdue then 1 else 0 end), 0) as overdue,
                       coalesce(sum(case when case_id is not null then 1 else 0 end), 0) as to_cases
                from public_report
                where region_code in (:regions) and received_at >= :from and received_at < :to""", params,
                (rs, n) -> new Figures(rs.getLong("received"), rs.getLong("forwarded"), rs.getLong("replied"),
                        rs.getLong("replied_on_time"), rs.getLong("overdue"), rs.getLong("to_cases")));
    }

    private static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(WorkingDayCalendar.ZONE).toOffsetDateTime();
    }
}
