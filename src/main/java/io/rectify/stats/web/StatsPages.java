package io.rectify.stats.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.rectify.directory.Actor;
import io.rectify.directory.Organization;
import io.rectify.directory.Role;
import io.rectify.stats.AnnualReport;
import io.rectify.stats.FiguresDocuments;
import io.rectify.stats.FiguresWorkbook;
import io.rectify.stats.Period;
import io.rectify.stats.Ranking;
import io.rectify.stats.Scorecard;
import io.rectify.stats.Scorecards;
import io.rectify.system.web.CurrentActor;
import io.rectify.system.web.PageController;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The dashboards (one per role: an office's jurisdiction, a department's own cases and
 * deadlines, supervision's escalations and sanctions), the ranking and the annual report as
 * print pages, XLSX and PDF publications. Every chart is drawn from the table beside it (static/js/dashboard.js),
 * so the page shows the same figures with or without JavaScript.
 */
@PageController
class StatsPages {

    static final String VIEW_DASHBOARD = "stats/dashboard";
    static final String VIEW_RANKING = "stats/ranking";
    static final String VIEW_ANNUAL = "stats/annual";

    private final Scorecards scorecards;
    private final Ranking ranking;
    private final AnnualReport annualReport;
    private final FiguresWorkbook workbook;
    private final FiguresDocuments documents;
    private final CurrentActor currentActor;

    StatsPages(Scorecards scorecards, Ranking ranking, AnnualReport annualReport, FiguresWorkbook workbook,
               FiguresDocuments documents, CurrentActor currentActor) {
        this.scorecards = scorecards;
        this.ranking = ranking;
        this.annualReport = annualReport;
        this.workbook = workbook;
        this.documents = documents;
        this.currentActor = currentActor;
    }

    @PreAuthorize("hasAnyRole('SUPERVISOR', 'RESPONDER', 'SUPERVISION')")
    @GetMapping("/stats")
    String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                     Model model) {
        Actor actor = currentActor.get();
        Period period = Period.of(from, to, scorecards.today());
        model.addAttribute("period", period);
        model.addAttribute("role", actor.role().name());
        model.addAttribute("columns", FiguresWorkbook.COLUMNS);
        Scorecard total = scorecards.total(actor, period);
        model.addAttribute("total", total);
        model.addAttribute("totalFigures", figures(total));
        model.addAttribute("months", scorecards.byMonth(actor, period));
        model.addAttribute("names", names(actor));
        model.addAttribute("siteColumns", FiguresWorkbook.SITE_COLUMNS);
        if (actor.role() != Role.SUPERVISION) {
            // the sites' components: an office's per body, a department's its own; supervision reads cases only
            model.addAttribute("siteRows", rows(scorecards.byBody(actor, period), FiguresWorkbook.SITE_COLUMNS));
            model.addAttribute("indicators", FiguresWorkbook.indicators(total));
        }
        if (actor.role() == Role.RESPONDER) {
            model.addAttribute("deadlines", scorecards.openOrders(actor, false, Scorecards.MAX_OVERDUE_LIST));
        } else {
            List<Scorecard> bodies = scorecards.byBody(actor, period);
            model.addAttribute("regions", scorecards.byRegion(actor, period));
            model.addAttribute("overdueList", scorecards.overdue(actor, 50));
            if (actor.role() == Role.SUPERVISION) {
                // the bodies whose cases came to supervision, most escalations first
                model.addAttribute("bodies", bodies.stream().filter(c -> c.escalations() > 0 || c.opened() > 0)
                        .sorted(Comparator.comparingLong(Scorecard::escalations).reversed()
                                .thenComparing(Scorecard::key)).toList());
            } else {
                // ranked by the on-time rate, then the fewest overdue; bodies with no case at the end
                model.addAttribute("bodies", bodies.stream()
                        .sorted(Comparator.comparing((Scorecard c) -> c.onTimeRate() == null ? -1 : c.onTimeRate())
                                .reversed().thenComparingLong(Scorecard::overdue).thenComparing(Scorecard::key))
                        .toList());
            }
        }
        model.addAttribute("categories", new TreeMap<>(total.openedByCategory()));
        return VIEW_DASHBOARD;
    }

    @PreAuthorize("hasRole('SUPERVISOR')")
    @GetMapping("/stats/ranking")
    String ranking(@RequestParam(required = false) Integer year, Model model) {
        Actor actor = currentActor.get();
        model.addAttribute("result", ranking.of(actor, year(year)));
        model.addAttribute("names", names(actor));
        return VIEW_RANKING;
    }

    @PreAuthorize("hasRole('SUPERVISOR')")
    @GetMapping("/stats/ranking.xlsx")
    ResponseEntity<byte[]> rankingXlsx(@RequestParam(required = false) Integer year, Locale locale) {
        Ranking.Result result = ranking.of(currentActor.get(), year(year));
        return xlsx("ranking-" + result.year() + ".xlsx", workbook.ranking(result, locale));
    }

    /** 政府网站年度考评结果: the ranking for publication, in the documents' layout. */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @GetMapping("/stats/ranking.pdf")
    ResponseEntity<byte[]> rankingPdf(@RequestParam(required = false) Integer year) {
        Actor actor = currentActor.get();
        Ranking.Result result = ranking.of(actor, year(year));
        return pdf("ranking-" + result.year() + ".pdf", documents.ranking(actor, result));
    }

    @PreAuthorize("hasRole('SUPERVISOR')")
    @GetMapping("/stats/annual")
    String annual(@RequestParam(required = false) Integer year, Model model) {
        Actor actor = currentActor.get();
        AnnualReport.Report report = annualReport.of(actor, year(year));
        model.addAttribute("report", report);
        model.addAttribute("columns", FiguresWorkbook.COLUMNS);
        model.addAttribute("totalFigures", figures(report.total()));
        model.addAttribute("regionRows", rows(report.regions()));
        model.addAttribute("monthRows", rows(report.months()));
        model.addAttribute("siteColumns", FiguresWorkbook.SITE_COLUMNS);
        model.addAttribute("siteRows", rows(report.sites(), FiguresWorkbook.SITE_COLUMNS));
        model.addAttribute("indicators", FiguresWorkbook.indicators(report.total()));
        model.addAttribute("names", names(actor));
        return VIEW_ANNUAL;
    }

    @PreAuthorize("hasRole('SUPERVISOR')")
    @GetMapping("/stats/annual.xlsx")
    ResponseEntity<byte[]> annualXlsx(@RequestParam(required = false) Integer year, Locale locale) {
        AnnualReport.Report report = annualReport.of(currentActor.get(), year(year));
        return xlsx("annual-report-" + report.year() + ".xlsx", workbook.annualReport(report, locale));
    }

    /** 政府网站监管年度报表 as a publication, in the documents' layout. */
    @PreAuthorize("hasRole('SUPERVISOR')")
    @GetMapping("/stats/annual.pdf")
    ResponseEntity<byte[]> annualPdf(@RequestParam(required = false) Integer year) {
        Actor actor = currentActor.get();
        AnnualReport.Report report = annualReport.of(actor, year(year));
        return pdf("annual-report-" + report.year() + ".pdf", documents.annualReport(actor, report));
    }

    /** A scorecard's figures by column, in the order of the tables and the XLSX. */
    static Map<String, Object> figures(Scorecard card) {
        return figures(card, FiguresWorkbook.COLUMNS);
    }

    private static Map<String, Object> figures(Scorecard card, List<String> columns) {
        Map<String, Object> figures = new java.util.LinkedHashMap<>();
        columns.forEach(col -> figures.put(col, FiguresWorkbook.figure(card, col)));
        return figures;
    }

    private static Map<String, Map<String, Object>> rows(List<Scorecard> cards) {
        return rows(cards, FiguresWorkbook.COLUMNS);
    }

    /** Each card's figures of the columns, by its key. */
    private static Map<String, Map<String, Object>> rows(List<Scorecard> cards, List<String> columns) {
        Map<String, Map<String, Object>> rows = new java.util.LinkedHashMap<>();
        cards.forEach(card -> rows.put(card.key(), figures(card, columns)));
        return rows;
    }

    /** The year asked for, or the last one: the report is made in January for the year before. */
    private int year(Integer year) {
        return year == null ? scorecards.today().getYear() - 1 : year;
    }

    private Map<String, Organization> names(Actor actor) {
        Map<String, Organization> names = new TreeMap<>();
        scorecards.bodiesOf(actor).forEach(org -> names.put(org.code(), org));
        return names;
    }

    private static ResponseEntity<byte[]> xlsx(String name, byte[] bytes) {
        return download(MediaType.parseMediaType(FiguresWorkbook.MEDIA_TYPE), name, bytes);
    }

    private static ResponseEntity<byte[]> pdf(String name, byte[] bytes) {
        return download(MediaType.APPLICATION_PDF, name, bytes);
    }

    private static ResponseEntity<byte[]> download(MediaType type, String name, byte[] bytes) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(bytes);
    }
}
