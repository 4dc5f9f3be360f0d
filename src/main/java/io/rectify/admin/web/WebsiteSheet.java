package io.rectify.admin.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.rectify.directory.DirectoryAdmin.ColumnInput;
import io.rectify.directory.DirectoryAdmin.NewWebsite;
import io.rectify.directory.DirectoryAdmin.WebsiteLine;
import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.InvalidInputException;
import io.rectify.system.web.SheetRows;
import io.rectify.system.web.SheetRows.Line;

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

    /** The lines of the file after its heading, each with the number of the file's line it starts on. */
    static List<WebsiteLine> read(String filename, byte[] content) {
        List<Line> rows = SheetRows.read(filename, content, MAX_LINES + 1);
        if (rows.isEmpty()) {
            throw InvalidInputException.of("file", "admin.website.import.empty", "文件中没有网站");
        }
        if (rows.size() - 1 > MAX_LINES) {
            throw InvalidInputException.of("file", "admin.website.import.tooMany", "一次最多导入 " + MAX_LINES + " 行", MAX_LINES);
        }
        Map<String, Integer> at = headings(rows.get(0).cells());
        List<WebsiteLine> sites = new ArrayList<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (Line row : rows.subList(1, rows.size())) {
            if (row.isBlank()) {
                problems.add(FieldProblem.of("line " + row.number(), "admin.website.import.blankLine", "空行"));
                continue;
            }
            List<ColumnInput> columns = new ArrayList<>();
            String columnText = SheetRows.cell(row, at, "columns");
            if (columnText != null) {
                for (String part : columnText.split("[;；\\n]")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    String[] fields = part.split("\\|", -1);
                    if (fields.length != 3) {
                        problems.add(FieldProblem.of("line " + row.number() + ": columns", "admin.website.import.columnFormat",
                                "栏目应写作 名称|地址|类型，以分号分隔"));
                        break;
                    }
                    columns.add(new ColumnInput(fields[0].strip(), fields[1].strip(), fields[2].strip()));
                }
            }
            sites.add(new WebsiteLine(row.number(), new NewWebsite(SheetRows.cell(row, at, "url"), SheetRows.cell(row, at, "name"),
                    SheetRows.cell(row, at, "orgCode"), SheetRows.cell(row, at, "siteCode"), SheetRows.cell(row, at, "state"),
                    SheetRows.cell(row, at, "icpNumber"), SheetRows.cell(row, at, "psbNumber"), columns)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return sites;
    }

    private static Map<String, Integer> headings(List<String> heading) {
        Map<String, Integer> at = SheetRows.columns(heading, HEADINGS);
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
}
