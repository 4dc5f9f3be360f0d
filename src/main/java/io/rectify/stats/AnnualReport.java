package io.rectify.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.rectify.category.Categories;
import io.rectify.category.Category;
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
    private final Categories categories;

    AnnualReport(Scorecards scorecards, Ranking ranking, Categories categories) {
        this.scorecards = scorecards;
        this.ranking = ranking;
        this.categories = categories;
    }

    public Report of(Actor actor, int year) {
        if (actor.role() != Role.SUPERVISOR) {
            throw new ForbiddenException("the annual report is the offices'");
        }
        Period period = Period.year(year);
        Scorecard total = scorecards.total(actor, period);
        return new Report(year, actor.regionCode(), period, total, scorecards.byRegion(actor, period),
                scorecards.byMonth(actor, period), byCategory(total), ranking.of(actor, year), scorecards.today());
    }

    /** Every category in the regulation's order with the cases opened in it, none left out for having no case. */
    private List<CategoryOpened> byCategory(Scorecard total) {
        Map<String, Long> opened = new TreeMap<>(total.openedByCategory());
        List<CategoryOpened> rows = new ArrayList<>();
        for (Category category : categories.all()) {
            Long n = opened.remove(category.code());
            rows.add(new CategoryOpened(category.code(), category, n == null ? 0 : n));
        }
        // a code no longer in the table (never, while only a migration changes them) still counts
        opened.forEach((code, n) -> rows.add(new CategoryOpened(code, null, n)));
        return rows;
    }

    /**
     * The report's figures: the year's total, each region, each month, the cases opened by
     * category, and the ranking of the bodies.
     */
    public record Report(int year, String regionCode, Period period, Scorecard total, List<Scorecard> regions,
                         List<Scorecard> months, List<CategoryOpened> categories, Ranking.Result ranking,
                         LocalDate computedOn) {

        /** The scorecards the sites' components are shown by: the total (key ALL), then each region. */
        public List<Scorecard> sites() {
            List<Scorecard> sites = new ArrayList<>(List.of(total));
            sites.addAll(regions);
            return sites;
        }
    }

    /** A category's line of the report: its code, its name (none for a code unknown) and the cases opened. */
    public record CategoryOpened(String code, Category category, long opened) {

        /** The category's name in the reader's language, or its code when it has none. */
        public String name(Locale locale) {
            return category == null ? code : category.name(locale);
        }
    }
}
