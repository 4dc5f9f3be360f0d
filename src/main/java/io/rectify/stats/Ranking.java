package io.rectify.stats;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.rectify.audit.AuditLog;
import io.rectify.directory.Actor;
import io.rectify.directory.Organization;
import io.rectify.directory.Role;
import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.ForbiddenException;
import io.rectify.kernel.InvalidInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ranking of bodies for a year (Art. 26): each body's scorecard of the year turned into five
 * components of 0 to 100 (higher is better), and their mean weighted by the administrator's
 * weights. The components are read from {@link Scorecards}, so the ranking and the dashboards
 * show the same figures. src/docs/stats.md gives each component's formula.
 */
@Service
@Transactional(readOnly = true)
public class Ranking {

    public static final String ON_TIME = "ON_TIME";
    public static final String OVERDUE = "OVERDUE";
    public static final String SPEED = "SPEED";
    public static final String REPEATS = "REPEATS";
    public static final String ESCALATIONS = "ESCALATIONS";
    public static final String MONITORING = "MONITORING";
    public static final String SPOT_CHECKS = "SPOT_CHECKS";
    public static final String ERROR_REPORTS = "ERROR_REPORTS";
    /** the components in the order they are shown */
    public static final List<String> COMPONENTS = List.of(ON_TIME, OVERDUE, SPEED, REPEATS, ESCALATIONS, MONITORING,
            SPOT_CHECKS, ERROR_REPORTS);
    /**
     * The sites' components, which a body may have nothing to be judged on (no site monitored, none
     * spot-checked, no 找错 report forwarded): then they are left out of its score, and the weights of
     * the others make it. Scoring them 100, as the case components are when there is no case, would
     * put an unsampled body above a sampled one.
     */
    static final List<String> MAY_BE_ABSENT = List.of(MONITORING, SPOT_CHECKS, ERROR_REPORTS);
    /** each component's field in the weights' form and its errors */
    public static final Map<String, String> FIELDS = Map.of(ON_TIME, "onTime", OVERDUE, "overdue", SPEED, "speed",
            REPEATS, "repeats", ESCALATIONS, "escalations", MONITORING, "monitoring", SPOT_CHECKS, "spotChecks",
            ERROR_REPORTS, "errorReports");
    /** working days at which the speed component reaches 0: the longest period an order may give */
    static final double SLOWEST = 60;

    private final Scorecards scorecards;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;
    private final Clock clock;

    Ranking(Scorecards scorecards, JdbcTemplate jdbc, AuditLog audit, Clock clock) {
        this.scorecards = scorecards;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The weights in force: the latest version. */
    public RankingWeights weights() {
        return history().get(0);
    }

    /** Every version of the weights, newest first. */
    public List<RankingWeights> history() {
        return jdbc.query("select version, on_time, overdue, speed, repeats, escalations, monitoring, spot_checks,"
                        + " error_reports, set_by, set_at from ranking_weights order by version desc",
                (rs, i) -> new RankingWeights(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getString(10),
                        rs.getTimestamp(11).toInstant()));
    }

    /**
     * The administrator sets new weights: a new version, audited. A sites' component left out keeps
     * the weight in force (a client of the first five components' time sets those alone).
     */
    @Transactional
    public RankingWeights setWeights(Actor actor, Map<String, Integer> asked) {
        if (actor.role() != Role.ADMIN) {
            throw new ForbiddenException("only the administrator sets the ranking's weights");
        }
        Map<String, Integer> weights = new LinkedHashMap<>(weights().byComponent());
        weights.keySet().removeIf(component -> !MAY_BE_ABSENT.contains(component));
        weights.putAll(asked);
        List<FieldProblem> problems = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, String> field : FIELDS.entrySet()) {
            Integer w = weights.get(field.getKey());
            if (w == null || w < 0 || w > 100) {
                problems.add(FieldProblem.of(field.getValue(), "stats.weight.range", "权重应为 0 至 100 的整数"));
            } else {
                total += w;
            }
        }
        if (problems.isEmpty() && total == 0) {
            problems.add(FieldProblem.of("onTime", "stats.weight.allZero", "至少一项权重应大于 0"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        // one writer at a time: the next version is the latest plus one
        jdbc.queryForList("select version from ranking_weights for update");
        int version = jdbc.queryForObject("select max(version) from ranking_weights", Integer.class) + 1;
        jdbc.update("insert into ranking_weights (version, on_time, overdue, speed, repeats, escalations, monitoring,"
                        + " spot_checks, error_reports, set_by, set_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", version,
                weights.get(ON_TIME), weights.get(OVERDUE), weights.get(SPEED), weights.get(REPEATS),
                weights.get(ESCALATIONS), weights.get(MONITORING), weights.get(SPOT_CHECKS), weights.get(ERROR_REPORTS),
                actor.username(), Timestamp.from(clock.instant()));
        audit.record(actor.username(), "RANKING_WEIGHTS_SET", null, "version " + version + ": " + weights);
        return weights();
    }

    /** The year's ranking of the bodies the reader sees, best first; ties share a rank. */
    public Result of(Actor actor, int year) {
        Period period = Period.year(year);
        RankingWeights weights = weights();
        Map<String, Organization> bodies = scorecards.bodiesOf(actor).stream()
                .collect(Collectors.toMap(Organization::code, Function.identity()));
        List<Entry> entries = new ArrayList<>();
        for (Scorecard card : scorecards.byBody(actor, period)) {
            Map<String, Double> components = components(card);
            double weighted = 0;
            int weightsCounted = 0;
            for (Map.Entry<String, Integer> w : weights.byComponent().entrySet()) {
                Double component = components.get(w.getKey());
                if (component != null) {
                    weighted += w.getValue() * component;
                    weightsCounted += w.getValue();
                }
            }
            // every weighted component absent (only sites' components weighted, none judged): nothing held against it
            double score = weightsCounted == 0 ? 100 : Math.round(weighted / weightsCounted * 10) / 10.0;
            entries.add(new Entry(0, bodies.get(card.key()), card, components, score));
        }
        entries.sort(Comparator.comparingDouble(Entry::score).reversed().thenComparing(e -> e.card().key()));
        List<Entry> ranked = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            int rank = i > 0 && ranked.get(i - 1).score() == e.score() ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Entry(rank, e.body(), e.card(), e.components(), e.score()));
        }
        return new Result(year, weights, ranked, LocalDate.now(clock));
    }

    /** The components of a scorecard, each 0 to 100, one decimal; a sites' component null when there is nothing to judge. */
    static Map<String, Double> components(Scorecard card) {
        Map<String, Double> c = new LinkedHashMap<>();
        c.put(ON_TIME, percent(card.onTimeRate() == null ? 1 : card.onTimeRate()));
        c.put(OVERDUE, percent(card.overdueRate() == null ? 1 : 1 - card.overdueRate()));
        c.put(SPEED, percent(card.medianWorkingDays() == null ? 1 : Math.max(0, 1 - card.medianWorkingDays() / SLOWEST)));
        c.put(REPEATS, percent(card.opened() == 0 ? 1 : 1 - (double) card.repeats() / card.opened()));
        c.put(ESCALATIONS, percent(card.opened() == 0 ? 1 : Math.max(0, 1 - (double) card.escalations() / card.opened())));
        c.put(MONITORING, percentOrNull(card.sites().healthyRate()));
        c.put(SPOT_CHECKS, percentOrNull(card.spotChecks().qualifiedRate()));
        c.put(ERROR_REPORTS, percentOrNull(card.errorReports().onTimeRate()));
        return c;
    }

    private static double percent(double fraction) {
        return Math.round(fraction * 1000) / 10.0;
    }

    private static Double percentOrNull(Double fraction) {
        return fraction == null ? null : percent(fraction);
    }

    /** A body's place: its rank, its year's scorecard, its components and its score. */
    public record Entry(int rank, Organization body, Scorecard card, Map<String, Double> components, double score) {
    }

    /** The year's ranking as published: the weights it was computed with and every body's entry. */
    public record Result(int year, RankingWeights weights, List<Entry> entries, LocalDate computedOn) {
    }
}
