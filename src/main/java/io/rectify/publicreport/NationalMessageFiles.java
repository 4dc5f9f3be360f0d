package io.rectify.publicreport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectify.kernel.InvalidInputException;
import io.rectify.publicreport.PublicReports.NationalMessage;
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
            messages = csv(text(content));
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

    private static List<NationalMessage> xlsx(byte[] content) {
        List<List<String>> rows = new ArrayList<>();
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
                rows.add(cells);
            }
        } catch (IOException | RuntimeException e) {
            throw unreadable("XLSX");
        }
        return table(rows, null);
    }

    private static String cellText(Cell cell, DataFormatter format) {
        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toString().replace('T', ' ');
        }
        return format.formatCellValue(cell);
    }

    static List<NationalMessage> csv(String text) {
        List<Integer> lines = new ArrayList<>();
        List<List<String>> rows = csvRows(text, lines);
        return table(rows, lines);
    }

    /**
     * The rows of a table whose first row names the columns; blank rows are skipped. Each message
     * keeps the line its row starts on ({@code lines}, or the row's number when null).
     */
    private static List<NationalMessage> table(List<List<String>> rows, List<Integer> lines) {
        if (rows.isEmpty()) {
            throw InvalidInputException.of("file", "publicReport.import.empty", "文件中没有留言");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = rows.get(0);
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
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            messages.add(new NationalMessage(lines == null ? r + 1 : lines.get(r), cell(row, columns.get("messageId")), cell(row, columns.get("receivedAt")),
                    cell(row, columns.get("siteUrl")), cell(row, columns.get("pageUrl")),
                    cell(row, columns.get("description")), cell(row, columns.get("contact"))));
        }
        return messages;
    }

    private static String cell(List<String> row, Integer column) {
        return column == null || column >= row.size() ? null : row.get(column);
    }

    /** RFC 4180: quoted fields may hold commas, quotes ("") and line breaks. */
    private static List<List<String>> csvRows(String text, List<Integer> startLines) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowStart = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++; // the \n of a CRLF, which the count above has not seen
                    line++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                startLines.add(rowStart);
                rowStart = line;
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw InvalidInputException.of("file", "publicReport.import.unclosedQuote",
                    "CSV 文件的第 " + rowStart + " 行有未闭合的引号", rowStart);
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
            startLines.add(rowStart);
        }
        return rows;
    }

    private static String text(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw InvalidInputException.of("file", "publicReport.import.encoding", "CSV 文件应为 UTF-8 编码");
        }
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
