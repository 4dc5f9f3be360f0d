package io.rectify.publicreport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectify.kernel.InvalidInputException;
import io.rectify.publicreport.PublicReports.NationalMessage;
import io.rectify.system.web.SheetRows;
import io.rectify.system.web.SheetRows.Line;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The files the national platform's messages come in: CSV (UTF-8, a header line), XLSX (the first
 * sheet, a header row) or JSON (an array of objects). The columns, in any order:
 * {@value #COLUMNS_TEXT}. Each message keeps its line (row, or position in the array) so that an
 * error names it.
 */
public final class NationalMessageFiles {

    public static final int MAX_MESSAGES = 5000;
    static final List<String> COLUMNS = List.of("messageId", "receivedAt", "siteUrl", "pageUrl", "description", "contact");
    static final String COLUMNS_TEXT = "messageId, receivedAt, siteUrl, pageUrl, description, contact";

    private static final ObjectMapper JSON = new ObjectMapper();

    private NationalMessageFiles() {
    }

    public static List<NationalMessage> read(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw InvalidInputException.of("file", "publicReport.import.empty", "文件中没有留言");
        }
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        List<NationalMessage> messages;
        if (name.endsWith(".xlsx") || (content.length > 1 && content[0] == 'P' && content[1] == 'K')) {
            messages = xlsx(content);
        } else if (name.endsWith(".json") || firstNonBlank(content) == '[') {
            messages = json(content);
        } else {
            messages = table(SheetRows.csv(content));
        }
        if (messages.size() > MAX_MESSAGES) {
            throw InvalidInputException.of("file", "publicReport.import.tooMany",
                    "一个文件至多 " + MAX_MESSAGES + " 条留言", MAX_MESSAGES);
        }
        return messages;
    }

    private static List<NationalMessage> json(byte[] content) {
        JsonNode array;
        try {
            array = JSON.readTree(content);
        } catch (IOException e) {
            throw unreadable("JSON");
        }
        if (array == null || !array.isArray()) {
            throw unreadable("JSON");
        }
        List<NationalMessage> messages = new ArrayList<>();
        int line = 0;
        for (JsonNode item : array) {
            line++;
            messages.add(new NationalMessage(line, field(item, "messageId"), field(item, "receivedAt"),
                    field(item, "siteUrl"), field(item, "pageUrl"), field(item, "description"), field(item, "contact")));
        }
        return messages;
    }

    private static String field(JsonNode item, String name) {
        JsonNode value = item.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    /**
     * Read here rather than by {@link SheetRows}: a date cell is given as an ISO date-time, which
     * {@code receivedAt} is parsed from, where SheetRows gives each cell as Excel shows it.
     */
    private static List<NationalMessage> xlsx(byte[] content) {
        List<Line> rows = new ArrayList<>();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter format = new DataFormatter(Locale.ROOT);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : cellText(cell, format));
                    }
                }
                rows.add(new Line(r + 1, cells));
            }
        } catch (IOException | RuntimeException e) {
            throw unreadable("XLSX");
        }
        return table(rows);
    }

    private static String cellText(Cell cell, DataFormatter format) {
        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toString().replace('T', ' ');
        }
        return format.formatCellValue(cell);
    }

    /**
     * The rows of a table whose first row names the columns; blank rows are skipped. Each message
     * keeps the line its row starts on.
     */
    private static List<NationalMessage> table(List<Line> rows) {
        if (rows.isEmpty()) {
            throw InvalidInputException.of("file", "publicReport.import.empty", "文件中没有留言");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = rows.get(0).cells();
        for (int i = 0; i < header.size(); i++) {
            String title = header.get(i).strip().replace("\uFEFF", "");
            for (String c : COLUMNS) {
                if (c.equalsIgnoreCase(title)) {
                    columns.put(c, i);
                }
            }
        }
        List<String> missing = COLUMNS.stream().filter(c -> !c.equals("contact") && !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw InvalidInputException.of("file", "publicReport.import.columns",
                    "第一行应为列名：" + COLUMNS_TEXT + "；缺少 " + String.join(", ", missing), String.join(", ", missing));
        }
        List<NationalMessage> messages = new ArrayList<>();
        for (Line line : rows.subList(1, rows.size())) {
            if (line.isBlank()) {
                continue;
            }
            List<String> row = line.cells();
            messages.add(new NationalMessage(line.number(), cell(row, columns.get("messageId")), cell(row, columns.get("receivedAt")),
                    cell(row, columns.get("siteUrl")), cell(row, columns.get("pageUrl")),
                    cell(row, columns.get("description")), cell(row, columns.get("contact"))));
        }
        return messages;
    }

    private static String cell(List<String> row, Integer column) {
        return column == null || column >= row.size() ? null : row.get(column);
    }

    private static int firstNonBlank(byte[] content) {
        for (byte b : content) {
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return b;
            }
        }
        return -1;
    }

    private static InvalidInputException unreadable(String format) {
        return InvalidInputException.of("file", "publicReport.import.unreadable",
                "无法读取该 " + format + " 文件；应为 CSV、XLSX 或 JSON，列为 " + COLUMNS_TEXT, format);
    }
}
