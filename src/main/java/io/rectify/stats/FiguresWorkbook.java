package io.rectify.stats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.rectify.monitoring.Indicator;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The figures as XLSX: the annual report and the ranking, from the same view models as their
 * print pages, the labels from the messages in the reader's language. Texts are written as
 * texts (never formulas), so a body's name cannot run anything when the file is opened.
 */
@Component
public class FiguresWorkbook {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** the scorecard's columns, in order: message key suffix */
    public static final List<String> COLUMNS = List.of("opened", "repeats", "ordersIssued", "closed", "closedOnTime",
            "onTimeRate", "medianWorkingDays", "rejections", "openOrders", "overdue", "overdueRate", "escalations",
            "extensionsGranted");

    /**
     * The columns of the sites' components (monitoring health, spot checks, 找错), in order: a
     * table of their own beside the cases', so neither grows too wide to print.
     */
    public static final List<String> SITE_COLUMNS = List.of("monitoredSites", "healthySites", "healthyRate",
            "spotChecks", "spotChecksQualified", "spotChecksVetoed", "qualifiedRate", "spotCheckMeanScore",
            "errorReports", "errorReportsForwarded", "errorReportsRepliedOnTime", "errorReportsOverdue",
            "errorReportsOnTimeRate");

    private final MessageSource messages;

    FiguresWorkbook(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * A monitoring indicator's line: the sites judged on it now (pass or fail), those passing,
     * and their share (null when none was judged).
     */
    public record IndicatorFigures(String indicator, long checked, long passing, Double passRate) {
    }

    /** Every monitoring indicator, in the monitoring's order, with the scorecard's sites judged and passing. */
    public static List<IndicatorFigures> indicators(Scorecard card) {
        return java.util.Arrays.stream(Indicator.values()).filter(Indicator::probed).map(indicator -> {
            long checked = card.sites().checkedByIndicator().getOrDefault(indicator.name(), 0L);
            long passing = card.sites().passingByIndicator().getOrDefault(indicator.name(), 0L);
            return new IndicatorFigures(indicator.name(), checked, passing, checked == 0 ? null : (double) passing / checked);
        }).toList();
    }

    /** A scorecard's figure by its column name, as the tables show it (rates as fractions 0–1). */
    public static Object figure(Scorecard c, String column) {
        return switch (column) {
            case "opened" -> c.opened();
            case "repeats" -> c.repeats();
            case "ordersIssued" -> c.ordersIssued();
            case "closed" -> c.closed();
            case "closedOnTime" -> c.closedOnTime();
            case "onTimeRate" -> c.onTimeRate();
            case "medianWorkingDays" -> c.medianWorkingDays();
            case "rejections" -> c.rejections();
            case "openOrders" -> c.openOrders();
            case "overdue" -> c.overdue();
            case "overdueRate" -> c.overdueRate();
            case "escalations" -> c.escalations();
            case "extensionsGranted" -> c.extensionsGranted();
            case "sanctions" -> c.sanctions();
            case "monitoredSites" -> c.sites().monitored();
            case "healthySites" -> c.sites().healthy();
            case "healthyRate" -> c.sites().healthyRate();
            case "spotChecks" -> c.spotChecks().checked();
            case "spotChecksQualified" -> c.spotChecks().qualified();
            case "spotChecksVetoed" -> c.spotChecks().vetoed();
            case "qualifiedRate" -> c.spotChecks().qualifiedRate();
            case "spotCheckMeanScore" -> c.spotChecks().meanScore();
            case "errorReports" -> c.errorReports().received();
            case "errorReportsForwarded" -> c.errorReports().forwarded();
            case "errorReportsRepliedOnTime" -> c.errorReports().repliedOnTime();
            case "errorReportsOverdue" -> c.errorReports().overdue();
            case "errorReportsOnTimeRate" -> c.errorReports().onTimeRate();
            default -> throw new IllegalArgumentException(column);
        };
    }

    public byte[] annualReport(AnnualReport.Report report, Locale locale) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            CellStyle bold = bold(book);
            Sheet total = book.createSheet(text("stats.sheet.total", locale));
            Row title = total.createRow(0);
            text(title, 0, text("stats.annual.title", locale, report.year()), bold);
            int r = 2;
            for (String column : COLUMNS) {
                Row row = total.createRow(r++);
                text(row, 0, text("stats.col." + column, locale), bold);
                number(row, 1, figure(report.total(), column));
            }
            scorecards(book.createSheet(text("stats.sheet.regions", locale)), "stats.col.region", report.regions(), COLUMNS,
                    bold, locale);
            scorecards(book.createSheet(text("stats.sheet.months", locale)), "stats.col.month", report.months(), COLUMNS,
                    bold, locale);
            Sheet categories = book.createSheet(text("stats.sheet.categories", locale));
            Row head = categories.createRow(0);
            text(head, 0, text("stats.col.categoryCode", locale), bold);
            text(head, 1, text("stats.col.category", locale), bold);
            text(head, 2, text("stats.col.opened", locale), bold);
            int c = 1;
            for (AnnualReport.CategoryOpened category : report.categories()) {
                Row row = categories.createRow(c++);
                text(row, 0, category.code(), null);
                text(row, 1, category.name(locale), null);
                number(row, 2, category.opened());
            }
            ranking(book.createSheet(text("stats.sheet.ranking", locale)), report.ranking(), bold, locale);
            // the sites' components: the total (ALL) and each region, then each monitoring indicator
            scorecards(book.createSheet(text("stats.sheet.sites", locale)), "stats.col.region", report.sites(), SITE_COLUMNS,
                    bold, locale);
            Sheet indicators = book.createSheet(text("stats.sheet.indicators", locale));
            Row indicatorHead = indicators.createRow(0);
            List<String> indicatorColumns = List.of("stats.col.indicator", "stats.col.sitesChecked", "stats.col.sitesPassing",
                    "stats.col.passRate");
            for (int i = 0; i < indicatorColumns.size(); i++) {
                text(indicatorHead, i, text(indicatorColumns.get(i), locale), bold);
            }
            int n = 1;
            for (IndicatorFigures indicator : indicators(report.total())) {
                Row row = indicators.createRow(n++);
                text(row, 0, text("websites.indicator." + indicator.indicator(), locale), null);
                number(row, 1, indicator.checked());
                number(row, 2, indicator.passing());
                number(row, 3, indicator.passRate());
            }
            return bytes(book);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] ranking(Ranking.Result result, Locale locale) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            ranking(book.createSheet(text("stats.sheet.ranking", locale)), result, bold(book), locale);
            return bytes(book);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void scorecards(Sheet sheet, String keyLabel, List<Scorecard> cards, List<String> columns, CellStyle bold,
                            Locale locale) {
        Row head = sheet.createRow(0);
        text(head, 0, text(keyLabel, locale), bold);
        for (int i = 0; i < columns.size(); i++) {
            text(head, i + 1, text("stats.col." + columns.get(i), locale), bold);
        }
        int r = 1;
        for (Scorecard card : cards) {
            Row row = sheet.createRow(r++);
            text(row, 0, "ALL".equals(card.key()) ? text("stats.total.row", locale) : card.key(), null);
            for (int i = 0; i < columns.size(); i++) {
                number(row, i + 1, figure(card, columns.get(i)));
            }
        }
    }

    private void ranking(Sheet sheet, Ranking.Result result, CellStyle bold, Locale locale) {
        Row weights = sheet.createRow(0);
        text(weights, 0, text("stats.ranking.weightsVersion", locale, result.weights().version()), bold);
        int col = 1;
        for (Map.Entry<String, Integer> w : result.weights().byComponent().entrySet()) {
            text(weights, col++, text("stats.component." + w.getKey(), locale) + " " + w.getValue(), null);
        }
        Row head = sheet.createRow(2);
        text(head, 0, text("stats.col.rank", locale), bold);
        text(head, 1, text("stats.col.orgCode", locale), bold);
        text(head, 2, text("stats.col.body", locale), bold);
        col = 3;
        for (String component : result.weights().byComponent().keySet()) {
            text(head, col++, text("stats.component." + component, locale), bold);
        }
        text(head, col, text("stats.col.score", locale), bold);
        int r = 3;
        for (Ranking.Entry e : result.entries()) {
            Row row = sheet.createRow(r++);
            number(row, 0, e.rank());
            text(row, 1, e.card().key(), null);
            text(row, 2, e.body() == null ? "" : "en".equals(locale.getLanguage()) ? e.body().nameEn() : e.body().nameZh(), null);
            int c = 3;
            for (Double value : e.components().values()) {
                number(row, c++, value);
            }
            number(row, c, e.score());
        }
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static CellStyle bold(XSSFWorkbook book) {
        Font font = book.createFont();
        font.setBold(true);
        CellStyle style = book.createCellStyle();
        style.setFont(font);
        return style;
    }

    private static void text(Row row, int col, String value, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(value);
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static void number(Row row, int col, Object value) {
        Cell cell = row.createCell(col);
        if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        }
    }

    private static byte[] bytes(XSSFWorkbook book) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.write(out);
        return out.toByteArray();
    }
}
