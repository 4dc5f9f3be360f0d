package io.rectify.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.rectify.directory.Actor;
import io.rectify.directory.Directory;
import io.rectify.directory.Organization;
import io.rectify.directory.Region;
import io.rectify.document.Publications;
import io.rectify.document.Publications.Table;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The annual report and the ranking as PDF publications, from the same view models as their
 * pages and XLSX. Publications are in Chinese whatever the reader's language, as official
 * documents are; the column labels are the pages' own (the messages in Chinese), the figures are
 * printed by {@link FigureText}, and the layout is the templates' ({@code documents/annual-report.html},
 * {@code documents/ranking.html}).
 */
@Component
public class FiguresDocuments {

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final Publications publications;
    private final MessageSource messages;
    private final Directory directory;
    private final FigureText figureText;

    FiguresDocuments(Publications publications, MessageSource messages, Directory directory, FigureText figureText) {
        this.publications = publications;
        this.messages = messages;
        this.directory = directory;
        this.figureText = figureText;
    }

    public byte[] annualReport(Actor actor, AnnualReport.Report report) {
        List<List<String>> total = new ArrayList<>();
        for (String column : FiguresWorkbook.COLUMNS) {
            total.add(List.of(label("stats.col." + column), figureText.of(column, FiguresWorkbook.figure(report.total(), column))));
        }
        List<List<String>> regions = new ArrayList<>();
        for (Scorecard card : report.regions()) {
            String name = regionName(card.key());
            regions.add(row(card.key().equals(report.regionCode()) ? name + "（本级）" : name, card));
        }
        List<List<String>> months = report.months().stream()
                .map(card -> row(Integer.parseInt(card.key().substring(5)) + "月", card)).toList();
        List<List<String>> sites = new ArrayList<>();
        for (Scorecard card : report.sites()) {
            String name = card == report.total() ? label("stats.total.row") : regionName(card.key());
            sites.add(row(card.key().equals(report.regionCode()) ? name + "（本级）" : name, card, FiguresWorkbook.SITE_COLUMNS));
        }
        List<List<String>> indicators = FiguresWorkbook.indicators(report.total()).stream()
                .map(i -> List.of(label("websites.indicator." + i.indicator()), String.valueOf(i.checked()),
                        String.valueOf(i.passing()), figureText.of("passRate", i.passRate()))).toList();
        List<List<String>> categories = report.categories().stream()
                .map(c -> List.of(c.code(), c.name(CHINESE), String.valueOf(c.opened()))).toList();
        return publications.annualReport(issuer(actor), report.computedOn(), new Publications.AnnualReportBody(
                report.year(), directory.region(report.regionCode()).map(Region::nameZh).orElse(report.regionCode()),
                report.period().from(), report.period().to(),
                new Table(List.of(label("stats.figure"), label("stats.value")), total),
                new Table(head("stats.col.region"), regions), new Table(head("stats.col.month"), months),
                new Table(List.of(label("stats.col.categoryCode"), label("stats.col.category"), label("stats.col.opened")),
                        categories),
                new Table(head("stats.col.region", FiguresWorkbook.SITE_COLUMNS), sites),
                new Table(List.of(label("stats.col.indicator"), label("stats.col.sitesChecked"), label("stats.col.sitesPassing"),
                        label("stats.col.passRate")), indicators)));
    }

    public byte[] ranking(Actor actor, Ranking.Result result) {
        List<List<String>> weights = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of(label("stats.col.rank"), label("stats.col.body")));
        // the places show the components that make the score: one weighted 0 is in the weights' table alone,
        // so that the eight do not crowd the body's name off its line
        List<String> weighted = new ArrayList<>();
        for (Map.Entry<String, Integer> w : result.weights().byComponent().entrySet()) {
            weights.add(List.of(label("stats.component." + w.getKey()), String.valueOf(w.getValue()),
                    label("stats.formula." + w.getKey())));
            if (w.getValue() > 0) {
                weighted.add(w.getKey());
                head.add(label("stats.component." + w.getKey()));
            }
        }
        head.add(label("stats.col.score"));
        List<List<String>> places = new ArrayList<>();
        for (Ranking.Entry e : result.entries()) {
            List<String> row = new ArrayList<>(List.of(String.valueOf(e.rank()),
                    e.body() == null ? e.card().key() : e.body().nameZh()));
            weighted.forEach(component -> row.add(figureText.of(component, e.components().get(component))));
            row.add(String.valueOf(e.score()));
            places.add(row);
        }
        return publications.ranking(issuer(actor), result.computedOn(), new Publications.RankingBody(result.year(),
                result.weights().version(), label("stats.ranking.explain"),
                new Table(List.of(label("stats.component"), label("stats.weight"), label("stats.formula")), weights),
                new Table(head, places)));
    }

    /** A row of a region or a month: its name, then every figure of the scorecard. */
    private List<String> row(String name, Scorecard card) {
        return row(name, card, FiguresWorkbook.COLUMNS);
    }

    private List<String> row(String name, Scorecard card, List<String> columns) {
        List<String> row = new ArrayList<>(List.of(name));
        columns.forEach(column -> row.add(figureText.of(column, FiguresWorkbook.figure(card, column))));
        return row;
    }

    private List<String> head(String first) {
        return head(first, FiguresWorkbook.COLUMNS);
    }

    private List<String> head(String first, List<String> columns) {
        List<String> head = new ArrayList<>(List.of(label(first)));
        columns.forEach(column -> head.add(label("stats.col." + column)));
        return head;
    }

    private String regionName(String code) {
        return directory.region(code).map(Region::nameZh).orElse(code);
    }

    private String issuer(Actor actor) {
        return directory.findOrganization(actor.orgCode()).map(Organization::nameZh).orElse(actor.orgCode());
    }

    private String label(String key) {
        return messages.getMessage(key, null, CHINESE);
    }
}
