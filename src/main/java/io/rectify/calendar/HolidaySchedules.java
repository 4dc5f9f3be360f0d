package io.rectify.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectify.audit.AuditLog;
import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A year's holiday schedule loaded at run time, in the holiday-cn form the shipped ones have: the
 * State Council publishes next year's notice in November or December, and deadlines running into
 * that year must not wait for a release. The schedule is checked (its shape, its year, its dates
 * inside that year and each once, a sensible size), stored for every node and across restarts,
 * and audited; it replaces the shipped schedule of its year, or one loaded before. Deadlines
 * computed after the load count with it; those computed before keep their dates.
 */
@Service
public class HolidaySchedules {

    /** The years a schedule may be loaded for. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2099;
    /** The published notices list 30 to 40 days and are about 5,000 characters long. */
    public static final int MAX_DAYS = 100;
    public static final int MAX_CHARS = 65_536;
    /** A wrong file can be wrong everywhere: the first problems are enough to act on. */
    private static final int MAX_PROBLEMS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HolidayScheduleStore store;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;
    /** When a year was loaded is a record of real time, whatever the business clock says */
    private final Clock clock = Clock.systemUTC();

    HolidaySchedules(HolidayScheduleStore store, WorkingDayCalendar calendar, AuditLog audit) {
        this.store = store;
        this.calendar = calendar;
        this.audit = audit;
    }

    /** What a load replaced. */
    public enum Replaced { NOTHING, SHIPPED, LOADED }

    /** A stored load. */
    public record Loaded(int year, int days, Replaced replaced) {
    }

    /** A year loaded at run time: who loaded it and when. */
    public record LoadedYear(int year, String loadedBy, Instant loadedAt) {
    }

    /**
     * Checks and stores {@code json} as the schedule of {@code year}, and audits who loaded it.
     *
     * @throws InvalidInputException naming each problem: field {@code year}, {@code schedule} (the
     *                               text as a whole), {@code days} or {@code days[i].date} and its kin
     */
    @Transactional
    public Loaded load(String actor, int year, String json) {
        HolidaySchedule schedule = check(year, json);
        try {
            calendar.yearsWith(schedule);
        } catch (IllegalArgumentException disagree) {
            throw InvalidInputException.of("days", "calendar.load.disagrees",
                    "与已有的节假日安排有冲突：" + disagree.getMessage(), disagree.getMessage());
        }
        Optional<HolidayScheduleStore.Loaded> before = store.loaded(year);
        boolean shipped = calendar.isShipped(year);
        Replaced replaced = before.isPresent() ? Replaced.LOADED : shipped ? Replaced.SHIPPED : Replaced.NOTHING;
        store.save(year, json, actor, clock.instant());
        long offDays = schedule.days().stream().filter(HolidaySchedule.Day::offDay).count();
        audit.record(actor, "HOLIDAY_SCHEDULE_LOADED", null, year + ": " + schedule.days().size() + " days listed ("
                + offDays + " off, " + (schedule.days().size() - offDays) + " working), " + switch (replaced) {
                    case LOADED -> "replaces the schedule " + before.get().by() + " loaded at " + before.get().at();
                    case SHIPPED -> "replaces the shipped schedule";
                    case NOTHING -> "a year with no schedule before";
                });
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                calendar.recheckNow();
            }
        });
        return new Loaded(year, schedule.days().size(), replaced);
    }

    /** The years loaded at run time, ascending. */
    @Transactional(readOnly = true)
    public List<LoadedYear> loadedYears() {
        return store.loadedYears();
    }

    /**
     * The schedule {@code json} describes, if it is one for {@code year}.
     *
     * @throws InvalidInputException with every problem found, up to twenty
     */
    static HolidaySchedule check(int year, String json) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw InvalidInputException.of("year", "calendar.load.yearRange",
                    "年份须在 " + FIRST_YEAR + " 至 " + LAST_YEAR + " 之间", year, FIRST_YEAR, LAST_YEAR);
        }
        if (json == null || json.isBlank()) {
            throw InvalidInputException.of("schedule", "calendar.load.empty", "请粘贴或上传 holiday-cn 格式的节假日安排");
        }
        if (json.length() > MAX_CHARS) {
            throw InvalidInputException.of("schedule", "calendar.load.tooLarge",
                    "内容过长（" + json.length() + " 字符，上限 " + MAX_CHARS + "）：这不像一年的节假日安排",
                    json.length(), MAX_CHARS);
        }
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? 0 : at.getLineNr();
            int column = at == null ? 0 : at.getColumnNr();
            throw InvalidInputException.of("schedule", "calendar.load.notJson",
                    "不是有效的 JSON（第 " + line + " 行第 " + column + " 列）", line, column);
        }
        if (root == null || !root.isObject()) {
            throw InvalidInputException.of("schedule", "calendar.load.notObject",
                    "须是一个 JSON 对象：{\"year\": …, \"papers\": […], \"days\": […]}");
        }
        List<FieldProblem> problems = new ArrayList<>();
        JsonNode yearNode = root.get("year");
        if (yearNode == null || !yearNode.isIntegralNumber()) {
            problems.add(FieldProblem.of("year", "calendar.load.yearMissing", "缺少数字字段 year"));
        } else if (yearNode.asInt() != year) {
            problems.add(FieldProblem.of("year", "calendar.load.yearMismatch",
                    "内容是 " + yearNode.asText() + " 年的安排，不是 " + year + " 年的", yearNode.asText(), year));
        }
        JsonNode papers = root.get("papers");
        if (papers != null && !papers.isNull() && !(papers.isArray() && allText(papers))) {
            problems.add(FieldProblem.of("papers", "calendar.load.papers", "papers 须是由网址组成的数组"));
        }
        JsonNode days = root.get("days");
        List<HolidaySchedule.Day> listed = new ArrayList<>();
        if (days == null || !days.isArray()) {
            problems.add(FieldProblem.of("days", "calendar.load.daysMissing", "缺少数组字段 days"));
        } else if (days.isEmpty()) {
            problems.add(FieldProblem.of("days", "calendar.load.noDays",
                    "days 为空：尚未发布的安排不必载入，期限会暂按周末计算"));
        } else if (days.size() > MAX_DAYS) {
            problems.add(FieldProblem.of("days", "calendar.load.tooManyDays",
                    "列出了 " + days.size() + " 天，上限 " + MAX_DAYS + " 天：国务院的通知通常列 30 至 40 天",
                    days.size(), MAX_DAYS));
        } else {
            Set<LocalDate> seen = new HashSet<>();
            for (int i = 0; i < days.size() && problems.size() < MAX_PROBLEMS; i++) {
                day(days.get(i), i, year, seen, problems).ifPresent(listed::add);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
        }
        List<String> links = new ArrayList<>();
        if (papers != null && papers.isArray()) {
            papers.forEach(paper -> links.add(paper.asText()));
        }
        return new HolidaySchedule(year, links, listed);
    }

    /** One entry of {@code days}; problems name it by its number, counted from 1 as a person counts. */
    private static Optional<HolidaySchedule.Day> day(JsonNode node, int index, int year, Set<LocalDate> seen,
                                                     List<FieldProblem> problems) {
        String field = "days[" + index + "]";
        int number = index + 1;
        if (node == null || !node.isObject()) {
            problems.add(FieldProblem.of(field, "calendar.load.dayNotObject",
                    "第 " + number + " 项须是 {\"name\", \"date\", \"isOffDay\"}", number));
            return Optional.empty();
        }
        int before = problems.size();
        JsonNode name = node.get("name");
        if (name == null || !name.isTextual() || name.asText().isBlank()) {
            problems.add(FieldProblem.of(field + ".name", "calendar.load.dayName", "第 " + number + " 项缺少节日名称 name",
                    number));
        }
        JsonNode offDay = node.get("isOffDay");
        if (offDay == null || !offDay.isBoolean()) {
            problems.add(FieldProblem.of(field + ".isOffDay", "calendar.load.dayOffDay",
                    "第 " + number + " 项的 isOffDay 须是 true（放假）或 false（调休上班）", number));
        }
        JsonNode dateNode = node.get("date");
        LocalDate date = null;
        String text = dateNode == null || !dateNode.isTextual() ? String.valueOf(dateNode) : dateNode.asText();
        try {
            date = dateNode == null || !dateNode.isTextual() ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null) {
            problems.add(FieldProblem.of(field + ".date", "calendar.load.dayDate",
                    "第 " + number + " 项的日期 " + text + " 不是 YYYY-MM-DD 格式的日期", number, text));
        } else if (date.getYear() != year) {
            problems.add(FieldProblem.of(field + ".date", "calendar.load.dayOutsideYear",
                    "第 " + number + " 项的日期 " + date + " 不在 " + year + " 年内", number, date.toString(), year));
        } else if (!seen.add(date)) {
            problems.add(FieldProblem.of(field + ".date", "calendar.load.dayDuplicate",
                    "第 " + number + " 项的日期 " + date + " 已在前面列出", number, date.toString()));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new HolidaySchedule.Day(name.asText(), date, offDay.asBoolean()));
    }

    private static boolean allText(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isTextual()) {
                return false;
            }
        }
        return true;
    }
}
