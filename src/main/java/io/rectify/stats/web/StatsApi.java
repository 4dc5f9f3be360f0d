package io.rectify.stats.web;

import java.util.List;
import java.util.Map;

import io.rectify.stats.Period;
import io.rectify.stats.Ranking;
import io.rectify.stats.RankingWeights;
import io.rectify.stats.Scorecard;
import io.rectify.stats.Scorecards;
import io.rectify.system.web.CurrentActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/stats/...}: the figures of {@link Scorecards}, the same the dashboards and the
 * XLSX show, for the cases the caller may see. The administrator's ranking weights beside them.
 */
@RestController
class StatsApi {

    private final Scorecards scorecards;
    private final Ranking ranking;
    private final CurrentActor currentActor;

    StatsApi(Scorecards scorecards, Ranking ranking, CurrentActor currentActor) {
        this.scorecards = scorecards;
        this.ranking = ranking;
        this.currentActor = currentActor;
    }

    /** API.md "Figures": exactly these fields, per respondent body in the caller's jurisdiction. */
    record BodyFigures(String orgCode, long opened, long closed, Double onTimeRate, long overdue,
                       Double medianWorkingDays, long repeats, long escalated) {

        static BodyFigures of(Scorecard c) {
            return new BodyFigures(c.key(), c.opened(), c.closed(), c.onTimeRate(), c.overdue(), c.medianWorkingDays(),
                    c.repeats(), c.escalations());
        }
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR', 'RESPONDER', 'SUPERVISION')")
    @GetMapping("/api/stats/bodies")
    List<BodyFigures> bodies(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return scorecards.byBody(currentActor.get(), period(from, to)).stream().map(BodyFigures::of).toList();
    }

    /** Every figure of every body: the whole scorecard. */
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'RESPONDER', 'SUPERVISION')")
    @GetMapping("/api/stats/scorecards")
    List<Scorecard> scorecards(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return scorecards.byBody(currentActor.get(), period(from, to));
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR', 'RESPONDER', 'SUPERVISION')")
    @GetMapping("/api/stats/regions")
    List<Scorecard> regions(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return scorecards.byRegion(currentActor.get(), period(from, to));
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR', 'RESPONDER', 'SUPERVISION')")
    @GetMapping("/api/stats/total")
    Scorecard total(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return scorecards.total(currentActor.get(), period(from, to));
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR', 'RESPONDER', 'SUPERVISION')")
    @GetMapping("/api/stats/months")
    List<Scorecard> months(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return scorecards.byMonth(currentActor.get(), period(from, to));
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR', 'RESPONDER', 'SUPERVISION')")
    @GetMapping("/api/stats/overdue")
    List<Scorecards.OverdueCase> overdue(@RequestParam(defaultValue = "50") int limit) {
        return scorecards.overdue(currentActor.get(), limit);
    }

    @PreAuthorize("hasRole('SUPERVISOR')")
    @GetMapping("/api/stats/ranking")
    RankingView ranking(@RequestParam(required = false) Integer year) {
        int y = year == null ? scorecards.today().getYear() - 1 : year;
        return RankingView.of(ranking.of(currentActor.get(), y));
    }

    record RankingView(int year, RankingWeights weights, List<Place> bodies) {

        record Place(int rank, String orgCode, Map<String, Double> components, double score) {
        }

        static RankingView of(Ranking.Result r) {
            return new RankingView(r.year(), r.weights(), r.entries().stream()
                    .map(e -> new Place(e.rank(), e.card().key(), e.components(), e.score())).toList());
        }
    }

    @PreAuthorize("hasRole('ADMIN')")
    @GetMapping("/api/admin/ranking-weights")
    List<RankingWeights> weights() {
        return ranking.history();
    }

    /** {@code {"ON_TIME": 40, "OVERDUE": 20, "SPEED": 20, "REPEATS": 10, "ESCALATIONS": 10}}: a new version. */
    @PreAuthorize("hasRole('ADMIN')")
    @PutMapping("/api/admin/ranking-weights")
    RankingWeights setWeights(@RequestBody Map<String, Integer> weights) {
        return ranking.setWeights(currentActor.get(), weights);
    }

    private Period period(String from, String to) {
        return Period.of(from, to, scorecards.today());
    }
}
