package io.rectify.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.directory.Actor;
import io.rectify.directory.Directory;
import io.rectify.directory.OrgKind;
import io.rectify.directory.Organization;
import io.rectify.directory.Region;
import io.rectify.directory.Role;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The query object of every figure: scorecards by body, by region, by month and in total, for the
 * cases the reader may see (the rule of the case list: an office its region and below, a
 * department itself, supervision the escalated cases of its region; sanctions only to
 * supervision). Each component of a scorecard is one grouped query over one date axis of the
 * case row, read from an index that carries its columns ({@code V29__figures.sql}); the figures a
 * step decides are written on the case row in the step's own transaction, so nothing here is
 * cached and a case closed a second ago counts. A new component (monitoring health, spot-check
 * scores, 找错 rates) is one more query in {@link #components}.
 */
@Service
@Transactional(readOnly = true)
public class Scorecards {

    /** what an overdue list shows at most */
    public static final int MAX_OVERDUE_LIST = 200;

    private final NamedParameterJdbcTemplate jdbc;
    private final Directory directory;
    private final Clock clock;
    private final List<Component> components = List.of(
            this::opened, this::ordered, this::closed, this::openOrders, this::escalated,
            this::extended, this::sanctions, this::siteChecks, this::siteHealth, this::spotChecks, this::errorReports);

    Scorecards(NamedParameterJdbcTemplate jdbc, Directory directory, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    }

    /** One scorecard per body the reader may see (a department: itself), ordered by code; bodies without cases have zeros. */
    public List<Scorecard> byBody(Actor actor, Period period) {
        Scope scope = Scope.of(actor, directory);
        // in the order of bodiesOf (by code), looked up by hash for each row the components read
        Map<String, Tally> tallies = new LinkedHashMap<>();
        bodiesOf(actor).forEach(org -> tallies.put(org.code(), new Tally(scope.sanctions())));
        count(scope, period, Key.column("c.respondent_org_code"), IDENTITY, tallies);
        return tallies.entrySet().stream().map(e -> e.getValue().card(e.getKey())).toList();
    }

    /**
     * One scorecard per region directly below the reader's (a province: its cities), the cases of
     * regions further down counted in the city above them; the reader's own region first, for the
     * cases of its own bodies. A department or a city without regions below: its region alone.
     */
    public List<Scorecard> byRegion(Actor actor, Period period) {
        Scope scope = Scope.of(actor, directory);
        if (actor.regionCode() == null || scope.none()) {
            return List.of();
        }
        Map<String, String> toShown = new HashMap<>();
        Map<String, Tally> tallies = new LinkedHashMap<>();
        tallies.put(actor.regionCode(), new Tally(scope.sanctions()));
        toShown.put(actor.regionCode(), actor.regionCode());
        if (actor.role() != Role.RESPONDER) {
            for (Region child : directory.regionsBelow(actor.regionCode())) {
                tallies.put(child.code(), new Tally(scope.sanctions()));
                directory.regionAndBelow(child.code()).forEach(code -> toShown.put(code, child.code()));
            }
        }
        count(scope, period, Key.column("c.region_code"), region -> toShown.getOrDefault(region, actor.regionCode()), tallies);
        return tallies.entrySet().stream().map(e -> e.getValue().card(e.getKey())).toList();
    }

    /** The reader's whole jurisdiction in one scorecard (key {@code ALL}). */
    public Scorecard total(Actor actor, Period period) {
        Scope scope = Scope.of(actor, directory);
        Map<String, Tally> tallies = new HashMap<>();
        tallies.put("ALL", new Tally(scope.sanctions()));
        count(scope, period, Key.column("'ALL'"), IDENTITY, tallies);
        return tallies.get("ALL").card("ALL");
    }

    /**
     * The total of each calendar month of the period (key YYYY-MM), for the trend: one grouped
     * query per component, each case counted in the month of the component's own date. The open
     * orders and the overdue are figures of now, so every month shows today's.
     */
    public List<Scorecard> byMonth(Actor actor, Period period) {
        Scope scope = Scope.of(actor, directory);
        Map<String, Tally> tallies = new LinkedHashMap<>();
        period.months().forEach(month -> tallies.put(Key.month(month), new Tally(scope.sanctions())));
        count(scope, period, Key.months(period.months()), IDENTITY, tallies);
        return tallies.entrySet().stream().map(e -> e.getValue().card(e.getKey())).toList();
    }

    /** The cases open and past their deadline now, most overdue first, at most {@code limit}. */
    public List<OverdueCase> overdue(Actor actor, int limit) {
        return openOrders(actor, true, limit);
    }

    /** The open orders and their deadlines, the nearest first; only the overdue ones if asked; at most {@code limit}. */
    public List<OverdueCase> openOrders(Actor actor, boolean overdueOnly, int limit) {
        Scope scope = Scope.of(actor, directory);
        if (scope.none()) {
            return List.of();
        }
        MapSqlParameterSource params = scope.params().addValue("today", today())
                .addValue("limit", Math.max(1, Math.min(limit, MAX_OVERDUE_LIST)));
        return jdbc.query("select c.id, c.case_number, c.respondent_org_code, c.category_code, c.deadline"
                        + " from rectification_case c where " + scope.condition()
                        + " and c.status = 'ORDERED'" + (overdueOnly ? " and c.deadline < :today" : "")
                        + " order by c.deadline, c.case_number"
                        + " limit :limit", params,
                (rs, i) -> new OverdueCase(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(5, LocalDate.class).isBefore(today())));
    }

    /** An overdue case as the list shows it. */
    public record OverdueCase(String id, String caseNumber, String respondentOrgCode, String categoryCode,
                              LocalDate deadline, boolean overdue) {
    }

    /** The bodies whose scorecards the reader sees: a department itself; others every body of their regions but supervision. */
    public List<Organization> bodiesOf(Actor actor) {
        if (actor.role() == null || actor.orgCode() == null || actor.role().administers()) {
            return List.of();
        }
        if (actor.role() == Role.RESPONDER) {
            return directory.findOrganization(actor.orgCode()).stream().toList();
        }
        Set<String> regions = directory.regionAndBelow(actor.regionCode());
        return directory.organizations().stream()
                .filter(org -> org.kind() != OrgKind.SUPERVISION && regions.contains(org.regionCode()))
                .sorted(Comparator.comparing(Organization::code))
                .toList();
    }

    // ---- the components: one grouped query each ------------------------------------------

    /** One query of a scorecard: adds its figures to the tallies of the keys it finds. */
    @FunctionalInterface
    private interface Component {
        void count(Count count);
    }

    /** The date a component counts a case by: a column of the case (or of its sanction), an instant or a day. */
    private record Axis(String column, boolean instant) {

        static final Axis CREATED = new Axis("c.created_at", true);
        static final Axis CLOSED = new Axis("c.closed_at", true);
        static final Axis ORDERED = new Axis("c.ordered_on", false);
        static final Axis ESCALATED = new Axis("c.escalated_on", false);
        static final Axis EXTENDED = new Axis("c.extension_granted_on", false);
        static final Axis DECIDED = new Axis("s.decision_date", false);
        static final Axis FINALISED = new Axis("c.finalised_at", true);
        static final Axis RECEIVED = new Axis("c.received_at", true);
        private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx");

        /** the condition that the date lies in the period, on the parameters of {@link Count#params} */
        String within() {
            return instant ? " and " + column + " >= :start and " + column + " < :end"
                    : " and " + column + " >= :fromDate and " + column + " <= :toDate";
        }

        /** the first moment of the period as an SQL literal of the column's type */
        String literalOfStart(Period period) {
            return instant ? "timestamp with time zone '" + TIMESTAMP.format(period.start().atZone(WorkingDayCalendar.ZONE)) + "'"
                    : "date '" + period.from() + "'";
        }
    }

    /** What the scorecards are per, as SQL on the case {@code c}: for a component counting on an axis, or on none (a figure of now). */
    @FunctionalInterface
    private interface Key {

        /** the key of a figure of now in the tallies of months: it counts in every month */
        String EVERY = "*";

        String sql(Axis axis);

        static Key column(String sql) {
            return axis -> sql;
        }

        /**
         * The month of the axis's date, as YYYY-MM: a CASE over the months' first moments in the
         * business time zone, the same bounds as a month's own period. Literals, not parameters:
         * PostgreSQL groups by a selected expression only when the GROUP BY's is the same text,
         * and each parameter would be a different one. The bounds are dates the code made, never input.
         */
        static Key months(List<Period> months) {
            return axis -> {
                if (axis == null || months.size() == 1) {
                    return "'" + (axis == null ? EVERY : month(months.get(0))) + "'";
                }
                StringBuilder sql = new StringBuilder("case");
                for (int i = 1; i < months.size(); i++) {
                    sql.append(" when ").append(axis.column()).append(" < ").append(axis.literalOfStart(months.get(i)))
                            .append(" then '").append(month(months.get(i - 1))).append("'");
                }
                return sql.append(" else '").append(month(months.get(months.size() - 1))).append("' end").toString();
            };
        }

        static String month(Period month) {
            return month.from().toString().substring(0, 7);
        }
    }

    /** What a component reads with: the reader's cases, the period, the key and where its rows go. */
    private record Count(Scope scope, Period period, Key key, Function<String, String> shown,
                         Map<String, Tally> tallies, LocalDate today) {

        MapSqlParameterSource params() {
            return scope.params()
                    .addValue("start", OffsetDateTime.ofInstant(period.start(), ZoneOffset.UTC))
                    .addValue("end", OffsetDateTime.ofInstant(period.end(), ZoneOffset.UTC))
                    .addValue("fromDate", period.from())
                    .addValue("toDate", period.to())
                    .addValue("today", today);
        }

        /** The key of a row counted on the axis (null: a figure of now), as the select's column {@code k}. */
        String key(Axis axis) {
            return key.sql(axis) + " k";
        }

        /** The tallies a row counts in: its key's; none when the reader is not shown the key; all for {@link Key#EVERY}. */
        List<Tally> of(ResultSet rs) throws SQLException {
            String k = rs.getString("k");
            if (Key.EVERY.equals(k)) {
                return List.copyOf(tallies.values());
            }
            Tally t = tallies.get(shown.apply(k));
            return t == null ? List.of() : List.of(t);
        }

        String where() {
            return where("rectification_case c");
        }

        /** The reader's rows of {@code source}, a table aliased {@code c} with the case row's region, body and escalation columns. */
        String where(String source) {
            return " from " + source + " where " + scope.condition();
        }

        /**
         * The GROUP BY of the key and {@code more}: none for a constant key (a total's), which
         * PostgreSQL does not take there (and one row of a total needs no grouping).
         */
        String groupBy(Axis axis, String... more) {
            String k = key.sql(axis);
            List<String> columns = new ArrayList<>();
            if (!k.startsWith("'")) {
                columns.add(k);
            }
            columns.addAll(List.of(more));
            return columns.isEmpty() ? "" : " group by " + String.join(", ", columns);
        }
    }

    private static final Function<String, String> IDENTITY = Function.identity();

    private void count(Scope scope, Period period, Key key, Function<String, String> shown, Map<String, Tally> tallies) {
        if (scope.none()) {
            return;
        }
        Count count = new Count(scope, period, key, shown, tallies, today());
        components.forEach(component -> component.count(count));
    }

    private void opened(Count q) {
        Axis axis = Axis.CREATED;
        jdbc.query("select " + q.key(axis) + ", c.category_code, c.source, count(*) n,"
                + " sum(case when c.repeat_violation then 1 else 0 end) repeats" + q.where()
                + axis.within() + q.groupBy(axis, "c.category_code", "c.source"),
                q.params(), rs -> {
                    for (Tally t : q.of(rs)) {
                        long n = rs.getLong("n");
                        t.opened += n;
                        t.byCategory.merge(rs.getString("category_code"), n, Long::sum);
                        t.bySource.merge(rs.getString("source"), n, Long::sum);
                        t.repeats += rs.getLong("repeats");
                    }
                });
    }

    private void ordered(Count q) {
        Axis axis = Axis.ORDERED;
        jdbc.query("select " + q.key(axis) + ", count(*) n" + q.where() + axis.within() + q.groupBy(axis), q.params(), rs -> {
            for (Tally t : q.of(rs)) {
                t.ordersIssued += rs.getLong("n");
            }
        });
    }

    /**
     * The cases closed in the period, read once per number of working days from order to accepted
     * rectification: the median of any key is exact from these counts, also when rows are rolled
     * up (a city's counties into the city), where medians cannot be merged. A hash aggregate of a
     * few thousand groups; the database's {@code percentile_cont} per body sorted the year's
     * closed cases instead, and a second query for the counts read the same range again (P22).
     */
    private void closed(Count q) {
        Axis axis = Axis.CLOSED;
        jdbc.query("select " + q.key(axis) + ", c.rectification_working_days d, count(*) n, count(c.rectified_on_time) rated,"
                + " sum(case when c.rectified_on_time then 1 else 0 end) on_time, sum(c.rejection_count) rejections"
                + q.where() + axis.within() + q.groupBy(axis, "c.rectification_working_days"), q.params(), rs -> {
                    int days = rs.getInt("d");
                    boolean rectified = !rs.wasNull();
                    for (Tally t : q.of(rs)) {
                        long n = rs.getLong("n");
                        t.closed += n;
                        t.closedRated += rs.getLong("rated");
                        t.closedOnTime += rs.getLong("on_time");
                        t.rejections += rs.getLong("rejections");
                        if (rectified) {
                            t.workingDays.merge(days, n, Long::sum);
                        }
                    }
                });
    }

    /** The orders open now: no axis, a figure of now whatever the period. */
    private void openOrders(Count q) {
        jdbc.query("select " + q.key(null) + ", count(*) n, sum(case when c.deadline < :today then 1 else 0 end) overdue"
                + q.where() + " and c.status = 'ORDERED'" + q.groupBy(null), q.params(), rs -> {
                    for (Tally t : q.of(rs)) {
                        t.openOrders += rs.getLong("n");
                        t.overdue += rs.getLong("overdue");
                    }
                });
    }

    private void escalated(Count q) {
        Axis axis = Axis.ESCALATED;
        jdbc.query("select " + q.key(axis) + ", count(*) n" + q.where() + axis.within() + q.groupBy(axis), q.params(), rs -> {
            for (Tally t : q.of(rs)) {
                t.escalations += rs.getLong("n");
            }
        });
    }

    private void extended(Count q) {
        Axis axis = Axis.EXTENDED;
        jdbc.query("select " + q.key(axis) + ", count(*) n" + q.where() + axis.within() + q.groupBy(axis), q.params(), rs -> {
            for (Tally t : q.of(rs)) {
                t.extensionsGranted += rs.getLong("n");
            }
        });
    }

    /** Sanctions decided in the period, by the case's body and region: only for a reader who may read sanctions. */
    private void sanctions(Count q) {
        if (!q.scope().sanctions()) {
            return;
        }
        Axis axis = Axis.DECIDED;
        jdbc.query("select " + q.key(axis) + ", s.type, count(*) n from sanction s join rectification_case c on c.id = s.case_id"
                + " where " + q.scope().condition() + axis.within() + q.groupBy(axis, "s.type"), q.params(), rs -> {
                    for (Tally t : q.of(rs)) {
                        t.sanctions.merge(rs.getString("type"), rs.getLong("n"), Long::sum);
                    }
                });
    }

    // ---- the components of the sites: other modules' tables, shaped as the case row --------------
    // Each is read as a derived table named c with the case row's columns region_code,
    // respondent_org_code (the site's body) and escalated (false: supervision, which sees the
    // escalated cases, sees none of them), so the reader's scope and the keys apply unchanged.

    /** A site counts in the monitoring's health while it is in the registry and open: a closed site is not watched. */
    private static final String SITE_IN_SERVICE = "w.active = true and w.state = 'OPEN'";

    /** The latest result of each check (monitoring's check_result), on the site's body and its region. */
    private static final String CHECK_RESULTS = "(select r.website_id, r.indicator, r.status, w.org_code respondent_org_code,"
            + " o.region_code, false as escalated from check_result r join website w on w.id = r.website_id"
            + " join organization o on o.code = w.org_code where " + SITE_IN_SERVICE + ") c";

    /** The sites with a check result: passing every indicator judged (an inconclusive check is not a failure). */
    private static final String CHECKED_SITES = "(select r.website_id, w.org_code respondent_org_code, o.region_code,"
            + " false as escalated, max(case when r.status = 'FAIL' then 1 else 0 end) failing"
            + " from check_result r join website w on w.id = r.website_id join organization o on o.code = w.org_code"
            + " where " + SITE_IN_SERVICE + " group by r.website_id, w.org_code, o.region_code) c";

    /** The final spot checks (inspection), on the site's body and its region as the campaign sampled them. */
    private static final String FINAL_INSPECTIONS = "(select org_code respondent_org_code, region_code, false as escalated,"
            + " score, vetoed, qualified, finalised_at from inspection where status = 'FINAL') c";

    /** The public error reports (public_report), on the body that runs the site and its region. */
    private static final String ERROR_REPORTS = "(select site_org_code respondent_org_code, region_code, false as escalated,"
            + " received_at, forwarded_at, replied_at, replied_on_time, overdue from public_report) c";

    /** Sites judged and passing on each indicator now: no axis, a figure of now whatever the period. */
    private void siteChecks(Count q) {
        jdbc.query("select " + q.key(null) + ", c.indicator, count(*) n,"
                + " sum(case when c.status = 'PASS' then 1 else 0 end) passing" + q.where(CHECK_RESULTS)
                + " and c.status <> 'INCONCLUSIVE'" + q.groupBy(null, "c.indicator"), q.params(), rs -> {
                    for (Tally t : q.of(rs)) {
                        t.checkedByIndicator.merge(rs.getString("indicator"), rs.getLong("n"), Long::sum);
                        t.passingByIndicator.merge(rs.getString("indicator"), rs.getLong("passing"), Long::sum);
                    }
                });
    }

    /** Sites monitored now, and those failing no indicator. */
    private void siteHealth(Count q) {
        jdbc.query("select " + q.key(null) + ", count(*) n, sum(1 - c.failing) healthy" + q.where(CHECKED_SITES)
                + q.groupBy(null), q.params(), rs -> {
                    for (Tally t : q.of(rs)) {
                        t.monitoredSites += rs.getLong("n");
                        t.healthySites += rs.getLong("healthy");
                    }
                });
    }

    private void spotChecks(Count q) {
        Axis axis = Axis.FINALISED;
        jdbc.query("select " + q.key(axis) + ", count(*) n, sum(case when c.qualified then 1 else 0 end) qualified,"
                + " sum(case when c.vetoed then 1 else 0 end) vetoed, sum(c.score) score" + q.where(FINAL_INSPECTIONS)
                + axis.within() + q.groupBy(axis), q.params(), rs -> {
                    for (Tally t : q.of(rs)) {
                        t.spotChecks += rs.getLong("n");
                        t.spotChecksQualified += rs.getLong("qualified");
                        t.spotChecksVetoed += rs.getLong("vetoed");
                        BigDecimal score = rs.getBigDecimal("score");
                        t.spotCheckScores = t.spotCheckScores.add(score == null ? BigDecimal.ZERO : score);
                    }
                });
    }

    private void errorReports(Count q) {
        Axis axis = Axis.RECEIVED;
        jdbc.query("select " + q.key(axis) + ", count(*) n,"
                + " sum(case when c.forwarded_at is not null then 1 else 0 end) forwarded,"
                + " sum(case when c.replied_at is not null then 1 else 0 end) replied,"
                + " sum(case when c.replied_on_time then 1 else 0 end) on_time,"
                + " sum(case when c.overdue then 1 else 0 end) overdue" + q.where(ERROR_REPORTS)
                + axis.within() + q.groupBy(axis), q.params(), rs -> {
                    for (Tally t : q.of(rs)) {
                        t.errorReports += rs.getLong("n");
                        t.errorReportsForwarded += rs.getLong("forwarded");
                        t.errorReportsReplied += rs.getLong("replied");
                        t.errorReportsOnTime += rs.getLong("on_time");
                        t.errorReportsOverdue += rs.getLong("overdue");
                    }
                });
    }

    // ---- who sees what ---------------------------------------------------------------------

    /**
     * The reader's cases as a condition on {@code c}: the rule of the case list (CaseSearch) for
     * figures. {@code sanctions}: whether the reader may read sanctions (supervision only).
     */
    record Scope(String condition, Map<String, Object> values, boolean sanctions) {

        static final Scope NONE = new Scope("1 = 0", Map.of(), false);

        boolean none() {
            return this == NONE;
        }

        MapSqlParameterSource params() {
            return new MapSqlParameterSource(values);
        }

        static Scope of(Actor actor, Directory directory) {
            if (actor.role() == null || actor.orgCode() == null || actor.role().administers()) {
                return NONE;
            }
            return switch (actor.role()) {
                case RESPONDER -> new Scope("c.respondent_org_code = :org", Map.of("org", actor.orgCode()), false);
                case SUPERVISOR -> regions(actor, directory, "", false);
                case SUPERVISION -> regions(actor, directory, "c.escalated = true and ", true);
                default -> NONE;
            };
        }

        private static Scope regions(Actor actor, Directory directory, String prefix, boolean sanctions) {
            Set<String> regions = directory.regionAndBelow(actor.regionCode());
            if (directory.isEveryRegion(regions)) {
                // the whole province: no condition, so each axis is one range of its index
                return new Scope(prefix + "1 = 1", Map.of(), sanctions);
            }
            return new Scope(prefix + "c.region_code in (:regions)", Map.of("regions", regions), sanctions);
        }
    }

    /** A scorecard being counted. */
    private static final class Tally {
        long opened;
        final Map<String, Long> byCategory = new HashMap<>();
        final Map<String, Long> bySource = new HashMap<>();
        long repeats;
        long ordersIssued;
        long closed;
        long closedRated;
        long closedOnTime;
        final Map<Integer, Long> workingDays = new HashMap<>();
        long rejections;
        long openOrders;
        long overdue;
        long escalations;
        long extensionsGranted;
        final Map<String, Long> sanctions;
        long monitoredSites;
        long healthySites;
        final Map<String, Long> checkedByIndicator = new HashMap<>();
        final Map<String, Long> passingByIndicator = new HashMap<>();
        long spotChecks;
        long spotChecksQualified;
        long spotChecksVetoed;
        BigDecimal spotCheckScores = BigDecimal.ZERO;
        long errorReports;
        long errorReportsForwarded;
        long errorReportsReplied;
        long errorReportsOnTime;
        long errorReportsOverdue;

        Tally(boolean sanctionsVisible) {
            this.sanctions = sanctionsVisible ? new HashMap<>() : null;
        }

        Scorecard card(String key) {
            return new Scorecard(key, opened, Map.copyOf(byCategory), Map.copyOf(bySource), repeats, ordersIssued,
                    closed, closedRated, closedOnTime, closedRated == 0 ? null : (double) closedOnTime / closedRated,
                    median(workingDays), rejections, openOrders, overdue,
                    openOrders == 0 ? null : (double) overdue / openOrders, escalations, extensionsGranted,
                    sanctions == null ? null : Map.copyOf(sanctions),
                    new Scorecard.SiteHealth(monitoredSites, healthySites, ratio(healthySites, monitoredSites),
                            Map.copyOf(checkedByIndicator), Map.copyOf(passingByIndicator)),
                    new Scorecard.SpotChecks(spotChecks, spotChecksQualified, spotChecksVetoed,
                            ratio(spotChecksQualified, spotChecks), spotChecks == 0 ? null
                            : spotCheckScores.divide(BigDecimal.valueOf(spotChecks), 2, RoundingMode.HALF_UP).doubleValue()),
                    new Scorecard.ErrorReports(errorReports, errorReportsForwarded, errorReportsReplied, errorReportsOnTime,
                            errorReportsOverdue, ratio(errorReportsOnTime, errorReportsForwarded)));
        }

        /** part / whole, null when the whole is 0 */
        static Double ratio(long part, long whole) {
            return whole == 0 ? null : (double) part / whole;
        }

        /** The median of values given as counts per value: the middle one, or the mean of the middle two. */
        static Double median(Map<Integer, Long> counts) {
            long n = counts.values().stream().mapToLong(Long::longValue).sum();
            if (n == 0) {
                return null;
            }
            long lower = (n - 1) / 2;
            long upper = n / 2;
            Integer lowerValue = null;
            Integer upperValue = null;
            long seen = 0;
            for (Map.Entry<Integer, Long> e : new TreeMap<>(counts).entrySet()) {
                long next = seen + e.getValue();
                if (lowerValue == null && lower < next) {
                    lowerValue = e.getKey();
                }
                if (upper < next) {
                    upperValue = e.getKey();
                    break;
                }
                seen = next;
            }
            return (lowerValue + upperValue) / 2.0;
        }
    }
}
