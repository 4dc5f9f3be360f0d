package io.rectify.inspection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.rectify.audit.AuditLog;
import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.casefile.CaseService;
import io.rectify.casefile.CaseSource;
import io.rectify.casefile.OpenCase;
import io.rectify.casefile.RectificationCase;
import io.rectify.directory.Actor;
import io.rectify.directory.Directory;
import io.rectify.directory.OrgKind;
import io.rectify.directory.Organization;
import io.rectify.directory.Role;
import io.rectify.kernel.ConflictException;
import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.ForbiddenException;
import io.rectify.kernel.InvalidInputException;
import io.rectify.workflow.DailyTick;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The self-inspections of Art. 29: every body reports on each period (twice a year by default)
 * within 15 working days of its end. The daily sweep ({@link DailyTick}) finds the offices whose
 * report is not in by then and opens one {@code A34-02} case against each, on the 16th working day
 * and once: a row per body and period records it, whatever runs the sweep again.
 *
 * <p>Any body's users report; a missed report opens a case only against an office (政府办公厅(室)),
 * because Article 34, the category's article, names the offices, and the case file refuses an
 * {@code A34} case against anyone else. The office above the body opens it (上级行政机关); an
 * office with none above it (the province's) is left to the supervision.
 */
@Service
public class SelfInspections {

    static final String CATEGORY = "A34-02";
    private static final Logger log = LoggerFactory.getLogger(SelfInspections.class);
    private static final int MAX_REPORT = 20000;

    private final JdbcClient jdbc;
    private final Directory directory;
    private final CaseService cases;
    private final WorkingDayCalendar calendar;
    private final SelfInspectionSettings settings;
    private final AuditLog audit;
    private final Clock clock;

    SelfInspections(JdbcClient jdbc, Directory directory, CaseService cases, WorkingDayCalendar calendar,
                    SelfInspectionSettings settings, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.cases = cases;
        this.calendar = calendar;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    public record Report(long id, String orgCode, String period, String report, String submittedBy, Instant submittedAt,
                         LocalDate dueBy, boolean late) {
    }

    /** A body's user submits its report for a period that has begun; a second report for the period → 409. */
    @Transactional
    public Report submit(Actor actor, String periodName, String report) {
        if (actor.orgCode() == null || actor.role() == null || actor.role().administers() || actor.role() == Role.SUPERVISION) {
            throw new ForbiddenException("a body's own users report its self-inspection");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Optional<ReportingPeriod> period = ReportingPeriod.parse(periodName, settings.periodEnds());
        LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingDayCalendar.ZONE);
        if (period.isEmpty()) {
            problems.add(FieldProblem.of("period", "selfInspection.period.unknown",
                    "报告期须写作 年份H序号，如 2026H2：" + periodName, String.valueOf(periodName)));
        } else if (period.get().start().isAfter(today)) {
            problems.add(FieldProblem.of("period", "selfInspection.period.future", "该报告期尚未开始：" + periodName, periodName));
        }
        if (report == null || report.isBlank() || report.length() > MAX_REPORT) {
            problems.add(FieldProblem.of("report", "selfInspection.report.required", "须填写自查报告（不超过20000字）"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String name = period.get().name();
        Instant now = clock.instant();
        try {
            jdbc.sql("insert into self_inspection_report (org_code, period, report, submitted_by, submitted_at) values (?, ?, ?, ?, ?)")
                    .params(actor.orgCode(), name, report.strip(), actor.username(), Times.utc(now)).update();
        } catch (DuplicateKeyException already) {
            throw new ConflictException("the self-inspection report of " + name + " is already in");
        }
        audit.record(actor.username(), "SELF_INSPECTION_REPORTED", null, actor.orgCode() + " " + name);
        return select("r.org_code = :org and r.period = :period", Map.of("org", actor.orgCode(), "period", name)).get(0);
    }

    /** The reports the caller sees: a body its own; an office's supervisor those of the bodies in its jurisdiction. */
    @Transactional(readOnly = true)
    public List<Report> reports(Actor actor) {
        if (actor.orgCode() == null) {
            return List.of();
        }
        if (actor.role() == Role.SUPERVISOR && actor.regionCode() != null) {
            return select("r.org_code = :org or o.region_code in (:regions)",
                    Map.of("org", actor.orgCode(), "regions", directory.regionAndBelow(actor.regionCode())));
        }
        return select("r.org_code = :org", Map.of("org", actor.orgCode()));
    }

    /** The reports that {@code condition} on the report {@code r} and its body {@code o} keeps, the newest first. */
    private List<Report> select(String condition, Map<String, ?> params) {
        return jdbc.sql("""
                        select r.id, r.org_code, r.period, r.report, r.submitted_by, r.submitted_at
                        from self_inspection_report r join organization o on o.code = r.org_code
                        where %s
                        order by r.submitted_at desc, r.id desc""".formatted(condition))
                .params(params)
                .query((row, i) -> report(row.getLong("id"), row.getString("org_code"), row.getString("period"),
                        row.getString("report"), row.getString("submitted_by"), Times.instant(row.getTimestamp("submitted_at"))))
                .list();
    }

    private Report report(long id, String org, String period, String text, String by, Instant at) {
        LocalDate due = ReportingPeriod.parse(period, settings.periodEnds()).map(this::dueBy).orElse(null);
        boolean late = due != null && calendar.isOverdue(due, at);
        return new Report(id, org, period, text, by, at, due, late);
    }

    /** The last working day the report of a period is due on: the 15th working day after its end. */
    public LocalDate dueBy(ReportingPeriod period) {
        return calendar.addWorkingDays(period.end(), settings.workingDays());
    }

    /** When a missed report opens its case: the start of the 16th working day after the period's end. */
    public Instant casesOpenAt(ReportingPeriod period) {
        return calendar.addWorkingDays(period.end(), settings.workingDays() + 1).atStartOfDay(WorkingDayCalendar.ZONE)
                .toInstant();
    }

    @EventListener
    void on(DailyTick tick) {
        if (settings.overdueCases()) {
            sweep(tick.now());
        }
    }

    /**
     * Opens the cases of every report missed by {@code now}, from the first period chased on: at
     * most one per office and period. Runs in the caller's transaction (the daily job's).
     */
    @Transactional
    public int sweep(Instant now) {
        ReportingPeriod period = firstPeriod(now);
        int opened = 0;
        while (!casesOpenAt(period).isAfter(now)) {
            opened += sweep(period);
            period = period.next(settings.periodEnds());
        }
        return opened;
    }

    private int sweep(ReportingPeriod period) {
        List<String> missing = jdbc.sql("""
                        select o.code from organization o
                        where o.kind = 'OFFICE' and o.active = true and o.approved = true
                          and exists (select 1 from website w where w.org_code = o.code and w.active = true)
                          and not exists (select 1 from self_inspection_report r where r.org_code = o.code and r.period = ?)
                          and not exists (select 1 from self_inspection_overdue d where d.org_code = o.code and d.period = ?)
                        order by o.code""")
                .params(period.name(), period.name()).query(String.class).list();
        int opened = 0;
        for (String code : missing) {
            Organization body = directory.findOrganization(code).orElseThrow();
            Optional<Organization> above = officeAbove(body);
            if (above.isEmpty()) {
                log.info("self-inspection {} of {} missed: no office above it opens the case", period.name(), code);
                continue;
            }
            Organization office = above.get();
            // the row first: a second sweep at the same moment (another node, the clock control's run) stops here
            jdbc.sql("insert into self_inspection_overdue (org_code, period, opened_at) values (?, ?, ?)")
                    .params(code, period.name(), Times.utc(clock.instant())).update();
            Actor opener = new Actor("system", Role.SUPERVISOR, office.code(), OrgKind.OFFICE, office.regionCode());
            RectificationCase c = cases.open(opener, new OpenCase(CATEGORY, code,
                    "未按期报送" + period.name() + "政府网站自查报告",
                    "第二十九条要求自查结束后15个工作日内报送自查报告；" + period.name() + "（截至" + period.end()
                            + "）的自查报告应于" + dueBy(period) + "前报送，逾期未报。",
                    null, CaseSource.INSPECTION, false, null));
            jdbc.sql("update self_inspection_overdue set case_id = ? where org_code = ? and period = ?")
                    .params(c.id(), code, period.name()).update();
            opened++;
        }
        return opened;
    }

    /** The nearest approved office in a region above the body's: who opens an Article 34 case against it. */
    private Optional<Organization> officeAbove(Organization body) {
        List<String> chain = directory.regionAndAbove(body.regionCode());
        if (chain.size() < 2) {
            return Optional.empty();
        }
        return directory.bodiesInAndAbove(chain.get(1), OrgKind.OFFICE).stream().filter(Organization::active).findFirst();
    }

    /** The first period chased: the configured one, else the one stored at the first sweep (the period of that day). */
    private ReportingPeriod firstPeriod(Instant now) {
        if (settings.firstPeriod() != null && !settings.firstPeriod().isBlank()) {
            return ReportingPeriod.parse(settings.firstPeriod(), settings.periodEnds())
                    .orElseThrow(() -> new IllegalStateException("rectify.self-inspection.first-period " + settings.firstPeriod()));
        }
        Optional<String> stored = jdbc.sql("select period from self_inspection_start where id = 1").query(String.class).optional();
        if (stored.isPresent()) {
            return ReportingPeriod.parse(stored.get(), settings.periodEnds()).orElseThrow();
        }
        ReportingPeriod current = ReportingPeriod.containing(LocalDate.ofInstant(now, WorkingDayCalendar.ZONE), settings.periodEnds());
        jdbc.sql("insert into self_inspection_start (id, period) values (1, ?)").param(current.name()).update();
        return current;
    }
}
