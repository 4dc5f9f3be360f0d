package io.rectify.stats;

import java.time.LocalDate;
import java.util.List;

import io.rectify.directory.Actor;
import io.rectify.directory.Role;
import io.rectify.kernel.ForbiddenException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 政府网站监管年度报表: the year's figures of the reader's jurisdiction (for the provincial
 * office, the province), due before 31 January. A view model only: the print page, the XLSX and
 * (later) the PDF render the same {@link Report}.
 */
@Service
@Transactional(readOnly = true)
public class AnnualReport {

    private final Scorecards scorecards;
    private final Ranking ranking;

    AnnualReport(Scorecards scorecards, Ranking ranking) {
        this.scorecards = scorecards;
        this.ranking = ranking;
    }

    public Report of(Actor actor, int year) {
        if (actor.role() != Role.SUPERVISOR) {
            throw new ForbiddenException("the annual report is the offices'");
        }
        Period period = Period.year(year);
        return new Report(year, actor.regionCode(), period, scorecards.total(actor, period),
                scorecards.byRegion(actor, period), scorecards.byMonth(actor, period), ranking.of(actor, year),
                scorecards.today());
    }

    /** The report's figures: the year's total, each region, each month, and the ranking of the bodies. */
    public record Report(int year, String regionCode, Period period, Scorecard total, List<Scorecard> regions,
                         List<Scorecard> months, Ranking.Result ranking, LocalDate computedOn) {
    }
}
