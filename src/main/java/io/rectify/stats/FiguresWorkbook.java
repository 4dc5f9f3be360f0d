package io.rectify.stats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    private final MessageSource messages;

    FiguresWorkbook(MessageSource messages) {
        this.messages = messages;
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
            scorecards(book.createSheet(text("stats.sheet.regions", locale)), "stats.col.region", report.regions(), bold, locale);
            scorecards(book.createSheet(text("stats.sheet.months", locale)), "stats.col.month", report.months(), bold, locale);
            Sheet categories = book.createSheet(text("stats.sheet.categories", locale));
            Row head = categories.createRow(0);
            text(head, 0, text("stats.col.category", locale), bold);
            text(head, 1, text("stats.col.opened", locale), bold);
            int c = 1;
            for (Map.Entry<String, Long> e : new java.util.TreeMap<>(report.total().openedByCategory()).entrySet()) {
                Row row = categories.createRow(c++);
                text(row, 0, e.getKey(), null);
                number(row, 1, e.getValue());
            }
            ranking(book.createSheet(text("stats.sheet.ranking", locale)), report.ranking(), bold, locale);
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

    private void scorecards(Sheet sheet, String keyLabel, List<Scorecard> cards, CellStyle bold, Locale locale) {
        Row head = sheet.createRow(0);
        text(head, 0, text(keyLabel, locale), bold);
        for (int i = 0; i < COLUMNS.size(); i++) {
            text(head, i + 1, text("stats.col." + COLUMNS.get(i), locale), bold);
        }
        int r = 1;
        for (Scorecard card : cards) {
            Row row = sheet.createRow(r++);
            text(row, 0, card.key(), null);
            for (int i = 0; i < COLUMNS.size(); i++) {
                number(row, i + 1, figure(card, COLUMNS.get(i)));
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
