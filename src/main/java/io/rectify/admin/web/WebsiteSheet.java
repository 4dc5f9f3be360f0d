package io.rectify.admin.web;

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

import io.rectify.directory.DirectoryAdmin.ColumnInput;
import io.rectify.directory.DirectoryAdmin.NewWebsite;
import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.InvalidInputException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The province's list of websites as a file: CSV (UTF-8, a BOM allowed) or XLSX, the first row
 * naming the columns {@code siteCode, name, url, orgCode, state, icpNumber, psbNumber, columns}
 * (Chinese headings 网站标识码, 网站名称, 首页地址, 主办单位, 状态, ICP备案号, 公安备案号, 栏目 too).
 * {@code columns} lists the watched columns as {@code name|url|KIND} separated by {@code ;}.
 * Reading only: the checks of each line are the directory's, all before anything is saved.
 */
final class WebsiteSheet {

    static final int MAX_LINES = 20_000;

    private static final Map<String, String> HEADINGS = Map.ofEntries(
            Map.entry("sitecode", "siteCode"), Map.entry("网站标识码", "siteCode"),
            Map.entry("name", "name"), Map.entry("网站名称", "name"),
            Map.entry("url", "url"), Map.entry("首页地址", "url"), Map.entry("网址", "url"),
            Map.entry("orgcode", "orgCode"), Map.entry("主办单位", "orgCode"), Map.entry("单位代码", "orgCode"),
            Map.entry("state", "state"), Map.entry("状态", "state"),
            Map.entry("icpnumber", "icpNumber"), Map.entry("icp备案号", "icpNumber"),
            Map.entry("psbnumber", "psbNumber"), Map.entry("公安备案号", "psbNumber"), Map.entry("公安机关备案号", "psbNumber"),
            Map.entry("columns", "columns"), Map.entry("栏目", "columns"));

    private WebsiteSheet() {
    }

    /** The lines of the file after its heading; line numbers start at 2 (the heading is line 1). */
    static List<NewWebsite> read(String filename, byte[] content) {
        List<List<String>> rows = isXlsx(filename, content) ? xlsxRows(content) : csvRows(content);
        if (rows.isEmpty()) {
            throw InvalidInputException.of("file", "admin.website.import.empty", "文件中没有网站");
        }
        if (rows.size() - 1 > MAX_LINES) {
            throw InvalidInputException.of("file", "admin.website.import.tooMany", "一次最多导入 " + MAX_LINES + " 行", MAX_LINES);
        }
        Map<String, Integer> at = headings(rows.get(0));
        List<NewWebsite> sites = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            if (row.stream().allMatch(String::isBlank)) {
                problems.add(FieldProblem.of("line " + (i + 1), "admin.website.import.blankLine", "空行"));
                continue;
            }
            List<ColumnInput> columns = new ArrayList<>();
            String columnText = cell(row, at, "columns");
            if (columnText != null) {
                for (String part : columnText.split("[;；\\n]")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    String[] fields = part.split("\\|", -1);
                    if (fields.length != 3) {
                        problems.add(FieldProblem.of("line " + (i + 1) + ": columns", "admin.website.import.columnFormat",
                                "栏目应写作 名称|地址|类型，以分号分隔"));
                        break;
                    }
                    columns.add(new ColumnInput(fields[0].strip(), fields[1].strip(), fields[2].strip()));
                }
            }
            sites.add(new NewWebsite(cell(row, at, "url"), cell(row, at, "name"), cell(row, at, "orgCode"),
                    cell(row, at, "siteCode"), cell(row, at, "state"), cell(row, at, "icpNumber"),
                    cell(row, at, "psbNumber"), columns));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return sites;
    }

    private static Map<String, Integer> headings(List<String> heading) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < heading.size(); i++) {
            String key = HEADINGS.get(heading.get(i).strip().replace(" ", "").toLowerCase(Locale.ROOT));
            if (key != null) {
                at.putIfAbsent(key, i);
            }
        }
        List<FieldProblem> missing = new ArrayList<>();
        for (String required : List.of("name", "url", "orgCode")) {
            if (!at.containsKey(required)) {
                missing.add(FieldProblem.of("line 1: " + required, "admin.website.import.heading",
                        "第 1 行缺少列 " + required, required));
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
        return at;
    }

    private static String cell(List<String> row, Map<String, Integer> at, String key) {
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

    private static List<List<String>> xlsxRows(byte[] content) {
        DataFormatter formatter = new DataFormatter(Locale.ROOT);
        try (InputStream in = new ByteArrayInputStream(content); Workbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheetAt(0);
            List<List<String>> rows = new ArrayList<>();
            int last = Math.min(sheet.getLastRowNum(), MAX_LINES + 1);
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
            throw InvalidInputException.of("file", "admin.website.import.unreadable", "无法读取该 XLSX 文件");
        }
    }

    /** RFC 4180: fields in double quotes may hold commas, quotes (doubled) and line breaks. */
    static List<List<String>> csvRows(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw InvalidInputException.of("file", "admin.website.import.encoding", "CSV 文件应为 UTF-8 编码");
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
