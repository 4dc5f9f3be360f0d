package io.rectify.casefile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.rectify.audit.AuditLog;
import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.directory.Actor;
import io.rectify.kernel.InvalidInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The whole case list for an export: the same cases as {@link CaseSearch} (the same visibility
 * and filters, newest first), without paging. The rows are read from the database as they are
 * written out (a cursor: JDBC fetch size inside a read-only transaction), never gathered into a
 * list, so 100k cases cost the memory of a few hundred.
 *
 * <p>An export is first admitted ({@link #admit}): its rows are counted up to the limit, a list
 * over it is refused before a byte is written, and the export is audited (who, which filters, how
 * many rows) whether or not the download then completes.
 */
@Service
public class CaseExport {

    /** rows fetched from the database at a time */
    static final int FETCH_SIZE = 1_000;

    private final CaseSearch search;
    private final AuditLog audit;
    private final NamedParameterJdbcTemplate jdbc;

    CaseExport(CaseSearch search, AuditLog audit, DataSource dataSource) {
        this.search = search;
        this.audit = audit;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(template);
    }

    /**
     * Counts the rows of the export (up to {@code limit + 1}), refuses it with a 400 when they are
     * more than {@code limit}, and records it in the audit log.
     *
     * @return the number of rows the export will have
     */
    @Transactional
    public long admit(Actor actor, CaseFilter filter, LocalDate today, String format, long limit) {
        Optional<CaseSearch.Condition> where = search.condition(actor, filter, today);
        long rows = where.map(c -> count(c, limit)).orElse(0L);
        if (rows > limit) {
            throw InvalidInputException.of("rows", "export.tooManyRows",
                    "筛选出的案件超过单个文件的上限 " + limit + " 行：请用筛选条件缩小范围后分次导出", limit);
        }
        audit.record(actor.username(), "CASES_EXPORTED", null, format + " " + describe(filter) + ": " + rows + " row(s)");
        return rows;
    }

    private long count(CaseSearch.Condition where, long limit) {
        Long counted = jdbc.queryForObject("select count(*) from (select c.id from rectification_case c where "
                + where.sql() + " fetch first " + (limit + 1) + " rows only) admitted", where.params(), Long.class);
        return counted == null ? 0 : counted;
    }

    /**
     * Hands each case of the list to {@code sink}, newest first, at most {@code limit} of them, as
     * they come from the database.
     */
    @Transactional(readOnly = true)
    public void forEach(Actor actor, CaseFilter filter, LocalDate today, long limit, RowSink sink) throws IOException {
        Optional<CaseSearch.Condition> where = search.condition(actor, filter, today);
        if (where.isEmpty()) {
            return;
        }
        String sql = "select c.case_number, c.title, c.category_code, c.respondent_org_code, c.website_url, c.status,"
                // ordered_on: the day of the case's one order, written when it is issued
                + " c.outcome, c.deadline, c.escalated, c.closed_at, c.ordered_on"
                + " from rectification_case c where " + where.get().sql()
                + " order by c.created_at desc, c.id desc fetch first " + limit + " rows only";
        try {
            jdbc.query(sql, where.get().params(), rs -> {
                String outcome = rs.getString("outcome");
                try {
                    sink.accept(new Row(rs.getString("case_number"), rs.getString("title"), rs.getString("category_code"),
                            rs.getString("respondent_org_code"), rs.getString("website_url"),
                            CaseStatus.valueOf(rs.getString("status")), outcome == null ? null : CaseOutcome.valueOf(outcome),
                            rs.getObject("ordered_on", LocalDate.class),
                            rs.getObject("deadline", LocalDate.class), rs.getBoolean("escalated"),
                            localDate(rs.getObject("closed_at", OffsetDateTime.class))));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static LocalDate localDate(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(WorkingDayCalendar.ZONE).toLocalDate();
    }

    private static String describe(CaseFilter filter) {
        return Stream.of(
                        filter.status() == null ? null : "status=" + filter.status(),
                        filter.categoryCode() == null ? null : "categoryCode=" + filter.categoryCode(),
                        filter.respondentOrgCode() == null ? null : "respondentOrgCode=" + filter.respondentOrgCode(),
                        filter.escalated() == null ? null : "escalated=" + filter.escalated(),
                        filter.overdue() == null ? null : "overdue=" + filter.overdue(),
                        filter.text() == null ? null : "q=" + filter.text())
                .filter(Objects::nonNull).collect(Collectors.joining(" ", "[", "]"));
    }

    /** Takes the rows of an export one at a time, e.g. onto a response. */
    @FunctionalInterface
    public interface RowSink {
        void accept(Row row) throws IOException;
    }

    /**
     * One case of the export: its dates in the business time zone ({@code orderedOn}: the day the
     * order was issued; {@code closedOn}: the day it was closed).
     */
    public record Row(String caseNumber, String title, String categoryCode, String respondentOrgCode, String websiteUrl,
                      CaseStatus status, CaseOutcome outcome, LocalDate orderedOn, LocalDate deadline, boolean escalated,
                      LocalDate closedOn) {
    }
}
