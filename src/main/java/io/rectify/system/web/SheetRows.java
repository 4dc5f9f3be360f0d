package io.rectify.system.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.rectify.kernel.InvalidInputException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An uploaded list as rows of text cells: CSV (UTF-8, a BOM allowed, RFC 4180 quoting) or the first
 * sheet of an XLSX (each cell as Excel shows it). The imports of lists (the province's websites, a
 * 通报 from above, the national platform's messages) read their files here and check their columns
 * themselves. Trailing blank rows are dropped; each row keeps the line of the file it starts on, as
 * a person counts it, so that an error names the line the person sees in the file.
 */
public final class SheetRows {

    private SheetRows() {
    }

    /**
     * A row of the file and the number of the line it starts on, from 1: a CSV record whose quoted
     * field holds a line break spans several lines, so the rows' numbers may skip.
     */
    public record Line(int number, List<String> cells) {

        public boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    /**
     * The rows of the file, the heading first. An XLSX is read to {@code maxRows + 1} rows at most,
     * so that a caller that allows {@code maxRows} sees there were more; a CSV is read whole.
     */
    public static List<Line> read(String filename, byte[] content, int maxRows) {
        return isXlsx(filename, content) ? xlsxRows(content, maxRows) : csv(content);
    }

    /**
     * Where each column is: the heading's cells looked up (spaces dropped, case ignored) in
     * {@code names}, heading text to column key; the first of two cells naming the same key wins.
     */
    public static Map<String, Integer> columns(List<String> heading, Map<String, String> names) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < heading.size(); i++) {
            String key = names.get(heading.get(i).strip().replace(" ", "").toLowerCase(Locale.ROOT));
            if (key != null) {
                at.putIfAbsent(key, i);
            }
        }
        return at;
    }

    /** The stripped text of the row's cell in the column of {@code key}, null when there is none or it is blank. */
    public static String cell(Line row, Map<String, Integer> at, String key) {
        Integer index = at.get(key);
        if (index == null || index >= row.cells().size()) {
            return null;
        }
        String value = row.cells().get(index).strip();
        return value.isEmpty() ? null : value;
    }

    private static boolean isXlsx(String filename, byte[] content) {
        boolean zip = content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        return zip || (filename != null && filename.toLowerCase(Locale.ROOT).endsWith(".xlsx"));
    }

    private static List<Line> xlsxRows(byte[] content, int maxRows) {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (InputStream in = new ByteArrayInputStream(content); Workbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheetAt(0);
            List<Line> rows = new ArrayList<>();
            int last = Math.min(sheet.getLastRowNum(), maxRows);
            for (int r = 0; r <= last; r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                    }
                }
                rows.add(new Line(r + 1, cells));
            }
            return withoutTrailingBlanks(rows);
        } catch (IOException | RuntimeException unreadable) {
            throw InvalidInputException.of("file", "upload.sheet.unreadable", "无法读取该 XLSX 文件");
        }
    }

    /**
     * The records of a CSV file (UTF-8, a BOM allowed), by RFC 4180: a field in double quotes may hold
     * commas, quotes (doubled) and line breaks; a quote inside an unquoted field is text. A record
     * keeps the line it starts on; a quote left open is refused naming that line.
     */
    public static List<Line> csv(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw InvalidInputException.of("file", "upload.sheet.encoding", "CSV 文件应为 UTF-8 编码");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Line> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordStart = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean crlf = c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n';
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                    if (c == '\n' || (c == '\r' && !crlf)) {
                        line++;
                    }
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                cells.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (crlf) {
                    i++;
                }
                cells.add(field.toString());
                field.setLength(0);
                rows.add(new Line(recordStart, cells));
                cells = new ArrayList<>();
                line++;
                recordStart = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw InvalidInputException.of("file", "upload.sheet.unclosedQuote",
                    "CSV 文件第 " + recordStart + " 行有未闭合的引号", recordStart);
        }
        if (!field.isEmpty() || !cells.isEmpty()) {
            cells.add(field.toString());
            rows.add(new Line(recordStart, cells));
        }
        return withoutTrailingBlanks(rows);
    }

    private static List<Line> withoutTrailingBlanks(List<Line> rows) {
        while (!rows.isEmpty() && rows.get(rows.size() - 1).isBlank()) {
            rows.remove(rows.size() - 1);
        }
        return rows;
    }
}
