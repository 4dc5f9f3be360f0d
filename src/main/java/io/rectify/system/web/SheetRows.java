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
 * 通报 from above) read their files here and check their columns themselves; trailing blank rows
 * are dropped, so that row {@code i} is line {@code i + 1} of the file as a person counts it.
 */
public final class SheetRows {

    private SheetRows() {
    }

    /**
     * The rows of the file, the heading first. An XLSX is read to {@code maxRows + 1} rows at most,
     * so that a caller that allows {@code maxRows} sees there were more; a CSV is read whole.
     */
    public static List<List<String>> read(String filename, byte[] content, int maxRows) {
        return isXlsx(filename, content) ? xlsxRows(content, maxRows) : csvRows(content);
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
    public static String cell(List<String> row, Map<String, Integer> at, String key) {
        Integer index = at.get(key);
        if (index == null || index >= row.size()) {
            return null;
        }
        String value = row.get(index).strip();
        return value.isEmpty() ? null : value;
    }

    private static boolean isXlsx(String filename, byte[] content) {
        boolean zip = content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        return zip || (filename != null && filename.toLowerCase(Locale.ROOT).endsWith(".xlsx"));
    }

    private static List<List<String>> xlsxRows(byte[] content, int maxRows) {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (InputStream in = new ByteArrayInputStream(content); Workbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheetAt(0);
            List<List<String>> rows = new ArrayList<>();
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
                rows.add(cells);
            }
            while (!rows.isEmpty() && rows.get(rows.size() - 1).stream().allMatch(String::isBlank)) {
                rows.remove(rows.size() - 1);
            }
            return rows;
        } catch (IOException | RuntimeException unreadable) {
            throw InvalidInputException.of("file", "upload.sheet.unreadable", "无法读取该 XLSX 文件");
        }
    }

    /** RFC 4180: fields in double quotes may hold commas, quotes (doubled) and line breaks. */
    private static List<List<String>> csvRows(byte[] content) {
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
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        while (!rows.isEmpty() && rows.get(rows.size() - 1).stream().allMatch(String::isBlank)) {
            rows.remove(rows.size() - 1);
        }
        return rows;
    }
}
