package io.rectify.document;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.rectify.document.DocumentModels.Letter;
import org.springframework.stereotype.Service;

/**
 * Publications of figures (the annual supervision report, the year's ranking): laid out like the
 * official documents, by a template under {@code documents/} and the shared GB/T 9704 style, but
 * rendered on request and never issued. Nothing is stored, numbered or sealed: the figures are
 * computed anew on each request (a case closed a minute ago counts), as on their page and in
 * their XLSX, so a frozen copy would soon disagree with both.
 */
@Service
public class Publications {

    static final String ANNUAL_REPORT_TEMPLATE = "annual-report";
    static final String RANKING_TEMPLATE = "ranking";

    private final DocumentRenderer renderer;

    Publications(DocumentRenderer renderer) {
        this.renderer = renderer;
    }

    /** A table as printed: its header row and its rows, every cell already a text. */
    public record Table(List<String> head, List<List<String>> rows) {
    }

    /**
     * 政府网站监管年度报表: {@code scope} the jurisdiction's name, {@code total} the year's figures as
     * label and value, then each region, each month and each category; the sites' monitoring, spot
     * checks and 找错 in total and by region, and each monitoring indicator.
     */
    public record AnnualReportBody(int year, String scope, LocalDate from, LocalDate to, Table total, Table regions,
                                   Table months, Table categories, Table sites, Table indicators) {
    }

    /**
     * 政府网站年度考评结果: the weights in force (their version, each component's weight and formula),
     * how the score is made, and each body's place.
     */
    public record RankingBody(int year, int weightsVersion, String explanation, Table weights, Table places) {
    }

    public byte[] annualReport(String issuer, LocalDate computedOn, AnnualReportBody report) {
        return renderer.render(ANNUAL_REPORT_TEMPLATE, variables(issuer, computedOn, report));
    }

    public byte[] ranking(String issuer, LocalDate computedOn, RankingBody ranking) {
        return renderer.render(RANKING_TEMPLATE, variables(issuer, computedOn, ranking));
    }

    static Map<String, Object> variables(String issuer, LocalDate computedOn, AnnualReportBody report) {
        return Map.of("doc", letter(issuer, computedOn), "report", report,
                "period", DocumentText.date(report.from()) + "至" + DocumentText.date(report.to()));
    }

    static Map<String, Object> variables(String issuer, LocalDate computedOn, RankingBody ranking) {
        return Map.of("doc", letter(issuer, computedOn), "ranking", ranking);
    }

    /** The 版头 and 落款 of a publication: the issuer and the day the figures were computed; no number, no seal. */
    static Letter letter(String issuer, LocalDate computedOn) {
        return new Letter(null, "", "", issuer, DocumentText.markSize(issuer), "", DocumentText.date(computedOn), null);
    }
}
