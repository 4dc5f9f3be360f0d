package io.rectify.inspection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.rectify.audit.AuditLog;
import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.casefile.CaseService;
import io.rectify.casefile.RectificationCase;
import io.rectify.directory.Actor;
import io.rectify.directory.Directory;
import io.rectify.directory.OrgKind;
import io.rectify.directory.Role;
import io.rectify.finding.Findings;
import io.rectify.kernel.ConflictException;
import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.ForbiddenException;
import io.rectify.kernel.InvalidInputException;
import io.rectify.kernel.NotFoundException;
import io.rectify.kernel.UnsafeText;
import io.rectify.monitoring.Indicator;
import io.rectify.system.web.SheetRows;
import org.apache.commons.lang3.StringUtils;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 通报 from above: an office's supervisor imports the list a national or provincial office published
 * naming sites of its jurisdiction; each line becomes a finding, or at once a case (the office's
 * choice on the import), on its site with the 通报 as its source; the office then issues the reply
 * the 通报 asks for. Who sees one: the supervisors of offices whose jurisdiction holds the importing
 * office's region (a city office its own, the province's all); anyone else 404. Only the importing
 * office replies (403).
 */
@Service
public class CircularsFromAbove {

    /** Lines of a 通报 at most: a national 通报 names a few dozen sites of a province, never thousands. */
    public static final int MAX_LINES = 2000;
    static final int MAX_DEFECT = 2000;
    static final int MAX_ISSUER = 200;
    static final int MAX_NUMBER = 100;

    /** The headings a column may carry, as a person writes them, to the column's key. */
    private static final Map<String, String> HEADINGS = Map.ofEntries(
            Map.entry("sitecode", "siteCode"), Map.entry("网站标识码", "siteCode"),
            Map.entry("sitename", "siteName"), Map.entry("网站名称", "siteName"),
            Map.entry("indicator", "indicator"), Map.entry("问题类型", "indicator"), Map.entry("指标", "indicator"),
            Map.entry("defect", "defect"), Map.entry("问题", "defect"), Map.entry("存在问题", "defect"),
            Map.entry("问题描述", "defect"),
            Map.entry("number", "number"), Map.entry("文号", "number"), Map.entry("通报文号", "number"),
            Map.entry("issuedon", "issuedOn"), Map.entry("通报日期", "issuedOn"), Map.entry("日期", "issuedOn"),
            Map.entry("replydue", "replyDue"), Map.entry("回复期限", "replyDue"), Map.entry("书面回复期限", "replyDue"));

    /** 2026-12-01, 2026/12/1, 2026年12月1日, and Excel's default date format 12/1/26. */
    private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy年M月d日"),
            DateTimeFormatter.ofPattern("M/d/yy"));
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Directory directory;
    private final Findings findings;
    private final CaseService cases;
    private final ReplyDocuments replies;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;

    CircularsFromAbove(JdbcClient jdbc, NamedParameterJdbcTemplate named, Directory directory, Findings findings,
                       CaseService cases, ReplyDocuments replies, MessageSource messages, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.named = named;
        this.directory = directory;
        this.findings = findings;
        this.cases = cases;
        this.replies = replies;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * What the import form gives beside the file: who issued the 通报, and, for a file without those
     * columns, its number, date and reply date; {@code opens} FINDING (default) or CASE.
     */
    public record Heading(String issuer, String number, String issuedOn, String replyDue, String opens) {
    }

    /** A line read and checked, before anything is written. */
    private record Checked(int lineNo, long websiteId, Indicator indicator, String defect) {
    }

    /**
     * Imports a 通报: {@code rows} the file's rows, the heading first. Every bad line is named with its
     * line number ({@code line N: column}) and nothing is imported (400); a 通报 of the same number
     * imported by the office before → 409.
     */
    @Transactional
    public CircularFromAbove importList(Actor actor, Heading heading, List<SheetRows.Line> rows) {
        requireOfficeSupervisor(actor);
        List<FieldProblem> problems = new ArrayList<>();
        String issuer = StringUtils.strip(heading.issuer());
        if (StringUtils.isEmpty(issuer) || issuer.length() > MAX_ISSUER) {
            problems.add(FieldProblem.of("issuer", "circular.issuer", "须写明发文机关（不超过" + MAX_ISSUER + "字）", MAX_ISSUER));
        } else {
            UnsafeText.problem("issuer", issuer).ifPresent(problems::add);
        }
        String opens = StringUtils.defaultIfBlank(StringUtils.strip(heading.opens()), "FINDING").toUpperCase(Locale.ROOT);
        if (!opens.equals("FINDING") && !opens.equals("CASE")) {
            problems.add(FieldProblem.of("opens", "circular.opens", "应为 FINDING（问题线索）或 CASE（立案）"));
        }
        if (rows.size() < 2) {
            problems.add(FieldProblem.of("file", "circular.import.empty", "文件中没有通报的问题"));
        } else if (rows.size() - 1 > MAX_LINES) {
            problems.add(FieldProblem.of("file", "circular.import.tooMany", "一份通报至多 " + MAX_LINES + " 行", MAX_LINES));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Map<String, Integer> at = SheetRows.columns(rows.get(0).cells(), HEADINGS);
        if (!at.containsKey("defect") || !at.containsKey("indicator") || !(at.containsKey("siteCode") || at.containsKey("siteName"))) {
            throw InvalidInputException.of("line 1", "circular.import.heading",
                    "第 1 行应有列：网站标识码或网站名称、问题类型、问题");
        }
        Set<String> jurisdiction = directory.regionAndBelow(actor.regionCode());
        String number = null;
        LocalDate issuedOn = null;
        LocalDate replyDue = null;
        List<Checked> lines = new ArrayList<>();
        for (SheetRows.Line row : rows.subList(1, rows.size())) {
            String line = "line " + row.number();
            int before = problems.size();
            Long site = site(row, at, line, jurisdiction, problems);
            Indicator indicator = indicator(SheetRows.cell(row, at, "indicator"), line, problems);
            String defect = SheetRows.cell(row, at, "defect");
            if (defect == null || defect.length() > MAX_DEFECT) {
                problems.add(FieldProblem.of(line + ": defect", "circular.line.defect",
                        "须写明问题（不超过" + MAX_DEFECT + "字）", MAX_DEFECT));
            } else {
                UnsafeText.problem(line + ": defect", defect).ifPresent(problems::add);
            }
            String lineNumber = StringUtils.defaultIfBlank(SheetRows.cell(row, at, "number"),
                    StringUtils.strip(heading.number()));
            LocalDate lineIssued = date(SheetRows.cell(row, at, "issuedOn"), heading.issuedOn(),
                    line + ": issuedOn", problems);
            LocalDate lineDue = date(SheetRows.cell(row, at, "replyDue"), heading.replyDue(),
                    line + ": replyDue", problems);
            if (lineNumber == null || lineNumber.length() > MAX_NUMBER) {
                problems.add(FieldProblem.of(line + ": number", "circular.line.number",
                        "须写明通报文号（不超过" + MAX_NUMBER + "字）", MAX_NUMBER));
            } else if (number == null) {
                number = lineNumber;
            } else if (!number.equals(lineNumber)) {
                problems.add(FieldProblem.of(line + ": number", "circular.line.otherNumber",
                        "一个文件应为同一份通报：" + number, number));
            }
            if (lineIssued != null && lineDue != null && lineDue.isBefore(lineIssued)) {
                problems.add(FieldProblem.of(line + ": replyDue", "circular.line.dueBeforeIssued", "回复期限早于通报日期"));
            }
            issuedOn = same(issuedOn, lineIssued, line + ": issuedOn", problems);
            replyDue = same(replyDue, lineDue, line + ": replyDue", problems);
            if (problems.size() == before) {
                lines.add(new Checked(row.number(), site, indicator, defect));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        UnsafeText.problem("number", number).ifPresent(p -> {
            throw new InvalidInputException(List.of(p));
        });
        if (jdbc.sql("select count(*) from circular_from_above where office_code = ? and number = ?")
                .params(actor.orgCode(), number).query(Integer.class).single() > 0) {
            throw imported(number);
        }
        Instant now = clock.instant();
        boolean opensCases = opens.equals("CASE");
        var insert = jdbc.sql("""
                        insert into circular_from_above (office_code, region_code, issuer, number, issued_on, reply_due,
                            opens_cases, imported_at, imported_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(actor.orgCode(), actor.regionCode(), issuer, number, issuedOn, replyDue, opensCases,
                        Times.utc(now), actor.username());
        // two imports of a number at once: the unique index stops the second (no row lock here: opening a
        // case inserts rows that reference the office, which a lock on its row would make wait for us)
        try {
            insert.update();
        } catch (DuplicateKeyException twice) {
            throw imported(number);
        }
        long id = jdbc.sql("select id from circular_from_above where office_code = ? and number = ?")
                .params(actor.orgCode(), number).query(Long.class).single();
        for (Checked line : lines) {
            String detail = messages.getMessage("circular.finding.detail", new Object[] {issuer, number,
                    CHINESE_DATE.format(issuedOn), line.defect()}, Locale.SIMPLIFIED_CHINESE);
            Findings.Followed followed = findings.cite(actor,
                    new Findings.CitedDefect(line.websiteId(), line.indicator(), detail, now), opensCases);
            jdbc.sql("""
                            insert into circular_line (circular_id, line_no, website_id, indicator, defect, finding_id, case_id)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, line.lineNo(), line.websiteId(), line.indicator().name(), line.defect(),
                            followed.findingId(), followed.caseId())
                    .update();
        }
        audit.record(actor.username(), "CIRCULAR_IMPORTED", null, "circular " + id + " " + number + " of " + issuer
                + ", " + lines.size() + " line(s), " + (opensCases ? "cases" : "findings"));
        return byId(id);
    }

    private static ConflictException imported(String number) {
        return new ConflictException("the 通报 " + number + " is imported already", "circular.imported");
    }

    /** The site a line names by its code or, failing that, its name; within the importer's jurisdiction. */
    private Long site(SheetRows.Line row, Map<String, Integer> at, String line, Set<String> jurisdiction,
                      List<FieldProblem> problems) {
        String code = SheetRows.cell(row, at, "siteCode");
        String name = SheetRows.cell(row, at, "siteName");
        if (code == null && name == null) {
            problems.add(FieldProblem.of(line + ": siteCode", "circular.line.site", "须写明网站标识码或网站名称"));
            return null;
        }
        String column = code != null ? "siteCode" : "siteName";
        List<Map.Entry<Long, String>> found = jdbc.sql("select w.id, o.region_code from website w join organization o"
                        + " on o.code = w.org_code where " + (code != null ? "w.site_code = ?" : "w.name = ?"))
                .param(code != null ? code : name)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
        if (found.isEmpty()) {
            problems.add(FieldProblem.of(line + ": " + column, "circular.line.siteUnknown", "没有这个网站：" + (code != null ? code : name),
                    code != null ? code : name));
            return null;
        }
        List<Map.Entry<Long, String>> ours = found.stream().filter(e -> jurisdiction.contains(e.getValue())).toList();
        if (ours.isEmpty()) {
            problems.add(FieldProblem.of(line + ": " + column, "circular.line.siteElsewhere",
                    "该网站不在本单位管辖范围内：" + (code != null ? code : name), code != null ? code : name));
            return null;
        }
        if (ours.size() > 1) {
            problems.add(FieldProblem.of(line + ": siteName", "circular.line.siteAmbiguous",
                    "有多个网站名为“" + name + "”，请写明网站标识码", name));
            return null;
        }
        return ours.get(0).getKey();
    }

    /** The indicator a line names: its code (HOMEPAGE_STALE) or its Chinese name (首页长期不更新). */
    private Indicator indicator(String text, String line, List<FieldProblem> problems) {
        if (text != null) {
            for (Indicator indicator : Indicator.values()) {
                if (indicator.name().equalsIgnoreCase(text) || text.equals(messages.getMessage("finding.indicator."
                        + indicator.name(), null, indicator.name(), Locale.SIMPLIFIED_CHINESE))) {
                    return indicator;
                }
            }
        }
        problems.add(FieldProblem.of(line + ": indicator", "circular.line.indicator",
                "问题类型应为监测指标之一（如“首页长期不更新”或 HOMEPAGE_STALE）：" + StringUtils.defaultString(text),
                StringUtils.defaultString(text)));
        return null;
    }

    /** The line's date, or the form's where the line has none. */
    private static LocalDate date(String cell, String fallback, String field, List<FieldProblem> problems) {
        String text = cell != null ? cell : StringUtils.trimToNull(fallback);
        if (text == null) {
            problems.add(FieldProblem.of(field, "circular.line.dateMissing", "须写明日期"));
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(text, format);
            } catch (DateTimeParseException notThis) {
                // the next format
            }
        }
        problems.add(FieldProblem.of(field, "circular.line.date", "日期应写作 2026-12-01：" + text, text));
        return null;
    }

    /** A file is one 通报: every line has the date the first gave. */
    private static LocalDate same(LocalDate first, LocalDate line, String field, List<FieldProblem> problems) {
        if (first != null && line != null && !first.equals(line)) {
            problems.add(FieldProblem.of(field, "circular.line.otherDate", "一个文件应为同一份通报：" + first, first));
        }
        return first != null ? first : line;
    }

    private static void requireOfficeSupervisor(Actor actor) {
        if (actor.role() != Role.SUPERVISOR || actor.orgKind() != OrgKind.OFFICE || actor.regionCode() == null) {
            throw new ForbiddenException("only an office's supervisor imports a 通报 from above");
        }
    }

    // ---- reading ---------------------------------------------------------------------------------

    /** The 通报 the caller sees, newest first: an office's supervisors those of their jurisdiction, nobody else any. */
    @Transactional(readOnly = true)
    public List<CircularFromAbove> list(Actor actor) {
        if (actor.role() != Role.SUPERVISOR || actor.regionCode() == null) {
            return List.of();
        }
        return named.query(SELECT + " where region_code in (:regions) order by issued_on desc, id desc",
                Map.of("regions", directory.regionAndBelow(actor.regionCode())), (rs, n) -> circular(rs, List.of()));
    }

    /** A 通报 with its lines and where each stands, for whoever sees it; 404 for everyone else. */
    @Transactional(readOnly = true)
    public CircularFromAbove visible(Actor actor, long id) {
        CircularFromAbove circular = byId(id);
        if (actor.role() != Role.SUPERVISOR || actor.regionCode() == null
                || !directory.isWithin(circular.regionCode(), actor.regionCode())) {
            throw new NotFoundException("circular " + id);
        }
        return circular;
    }

    private CircularFromAbove byId(long id) {
        List<CircularFromAbove.Line> lines = lines(id);
        return named.query(SELECT + " where id = :id", Map.of("id", id), (rs, n) -> circular(rs, lines)).stream()
                .findFirst().orElseThrow(() -> new NotFoundException("circular " + id));
    }

    private static final String SELECT = """
            select id, office_code, region_code, issuer, number, issued_on, reply_due, opens_cases, imported_at, imported_by
            from circular_from_above""";

    private static CircularFromAbove circular(ResultSet rs, List<CircularFromAbove.Line> lines) throws SQLException {
        return new CircularFromAbove(rs.getLong("id"), rs.getString("office_code"), rs.getString("region_code"),
                rs.getString("issuer"), rs.getString("number"), rs.getObject("issued_on", LocalDate.class),
                rs.getObject("reply_due", LocalDate.class), rs.getBoolean("opens_cases"),
                Times.instant(rs.getTimestamp("imported_at")), rs.getString("imported_by"), lines);
    }

    /**
     * The lines with their findings and cases as they stand now: a line's case is the one it joined
     * at the import, or the one its finding was confirmed into since.
     */
    private List<CircularFromAbove.Line> lines(long id) {
        record Row(int lineNo, long websiteId, String websiteName, String websiteUrl, String orgCode, String indicator,
                   String defect, String findingId, String findingStatus, String dismissReason, String caseId) {
        }
        List<Row> rows = jdbc.sql("""
                        select l.line_no, l.website_id, w.name, w.url, w.org_code, l.indicator, l.defect, l.finding_id,
                            f.status, f.dismiss_reason, coalesce(l.case_id, f.case_id) case_id
                        from circular_line l join website w on w.id = l.website_id
                        left join finding f on f.id = l.finding_id
                        where l.circular_id = ? order by l.line_no""")
                .param(id)
                .query((rs, n) -> new Row(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getString(11)))
                .list();
        Map<String, RectificationCase> byId = cases.byId(rows.stream().map(Row::caseId)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        return rows.stream().map(r -> {
            RectificationCase c = r.caseId() == null ? null : byId.get(r.caseId());
            return new CircularFromAbove.Line(r.lineNo(), r.websiteId(), r.websiteName(), r.websiteUrl(), r.orgCode(),
                    r.indicator(), r.defect(), r.findingId(), r.findingStatus(), r.dismissReason(), r.caseId(),
                    c == null ? null : c.caseNumber(), c == null ? null : c.status().name(),
                    c == null || c.outcome() == null ? null : c.outcome().name(), c == null ? null : c.closedAt());
        }).toList();
    }

    // ---- the reply -------------------------------------------------------------------------------

    /**
     * Issues the reply the 通报 asks for: by a supervisor of the office that imported it (403 for
     * another), once (409). A line not yet dealt with is reported as 整改中, as it stands.
     */
    @Transactional
    public CircularDocuments.Issued reply(Actor actor, long id) {
        CircularFromAbove circular = visible(actor, id);
        if (!circular.officeCode().equals(actor.orgCode())) {
            throw new ForbiddenException("only the office that imported the 通报 replies to it");
        }
        // the 通报 locked: its reply is issued once, whatever runs at once
        jdbc.sql("select id from circular_from_above where id = ? for update").param(id).query(Long.class).single();
        if (replies.of(id).isPresent()) {
            throw new ConflictException("the reply to " + circular.number() + " is issued already", "circular.replied");
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.ZONE);
        return replies.issue(circular, today, actor.username());
    }

    /** The reply as issued, for whoever sees the 通报; each download is on the record. 404 before it is issued. */
    @Transactional
    public CircularDocuments.Issued readReply(Actor actor, long id) {
        CircularFromAbove circular = visible(actor, id);
        CircularDocuments.Issued issued = replies.of(id).orElseThrow(() -> new NotFoundException("the reply to circular " + id));
        audit.record(actor.username(), "DOCUMENT_READ", null, "circular " + id + " " + circular.number() + " reply "
                + issued.number() + " " + issued.sha256());
        return issued;
    }

    /** Whether the reply is issued, and which, for the 通报's page. */
    @Transactional(readOnly = true)
    public Optional<CircularDocuments.Issued> replyOf(Actor actor, long id) {
        visible(actor, id);
        return replies.of(id);
    }
}
