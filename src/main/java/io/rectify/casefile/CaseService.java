package io.rectify.casefile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectify.audit.AuditLog;
import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.category.Categories;
import io.rectify.category.Category;
import io.rectify.directory.Actor;
import io.rectify.directory.Directory;
import io.rectify.directory.OrgKind;
import io.rectify.directory.Organization;
import io.rectify.directory.Website;
import io.rectify.directory.Role;
import io.rectify.kernel.ConflictException;
import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.ForbiddenException;
import io.rectify.kernel.InvalidInputException;
import io.rectify.kernel.NotFoundException;
import io.rectify.kernel.UnsafeText;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.apache.commons.lang3.StringUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything that happens to a case, each step in one transaction with its audit entry. The
 * process engine decides what comes next; this service decides whether a step is allowed and
 * what it changes.
 */
@Service("caseFiles")
@Transactional
public class CaseService {

    /** a repeat violation: the same body had a case of the same category closed this recently */
    static final Duration REPEAT_WINDOW = Duration.ofDays(365);

    /** The longest period an order may give, in working days: the first order and a rejection's new one alike. */
    public static final int MAX_PERIOD_WORKING_DAYS = 60;

    private static final Pattern WEBSITE_URL = Pattern.compile("https?://[A-Za-z0-9.-]+(:\\d{1,5})?(/\\S*)?");

    /**
     * For what every step of a case's process does, finding the case (and for the opening, writing
     * it): through the repositories' proxies this cost twice the lookup itself (a profile of the
     * deadline timers; src/docs/performance.md, P11).
     */
    @PersistenceContext
    private EntityManager entityManager;

    private final CaseRepository cases;
    private final CaseRecordRepository records;
    private final CaseNumbers numbers;
    private final CaseAccess access;
    private final Directory directory;
    private final Categories categories;
    private final WorkingDayCalendar calendar;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    /** the findings a case came from, when the findings module is there */
    private final ObjectProvider<CaseFindings> findings;

    CaseService(CaseRepository cases, CaseRecordRepository records, CaseNumbers numbers, CaseAccess access,
                Directory directory, Categories categories, WorkingDayCalendar calendar, AuditLog audit,
                ApplicationEventPublisher events, ObjectMapper json, JdbcTemplate jdbc, Clock clock,
                ObjectProvider<CaseFindings> findings) {
        this.cases = cases;
        this.records = records;
        this.numbers = numbers;
        this.access = access;
        this.directory = directory;
        this.categories = categories;
        this.calendar = calendar;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.jdbc = jdbc;
        this.clock = clock;
        this.findings = findings;
    }

    /** A supervisor opens a case against a body in their jurisdiction; its process starts with it. */
    public RectificationCase open(Actor actor, OpenCase command) {
        return open(actor, command, null);
    }

    /**
     * Opens a case that repeats a closed one the caller found (a site's recurrence, 反弹): it is a
     * repeat violation whatever the respondent's own history says, so the seriousness decision's
     * repeat rule applies to it.
     */
    public RectificationCase open(Actor actor, OpenCase command, String repeatOf) {
        if (actor.role() != Role.SUPERVISOR) {
            throw new ForbiddenException("only an office supervisor opens cases");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Category category = categories.find(command.categoryCode()).orElse(null);
        if (category == null) {
            problems.add(FieldProblem.of("categoryCode", "case.category.unknown", "没有这个案件类别：" + command.categoryCode(),
                    String.valueOf(command.categoryCode())));
        }
        // the respondent and the opener in one read
        Map<String, Organization> bodies = directory.findOrganizations(command.respondentOrgCode(), actor.orgCode());
        Organization respondent = bodies.get(command.respondentOrgCode());
        if (respondent == null) {
            problems.add(FieldProblem.of("respondentOrgCode", "case.respondent.unknown",
                    "没有这个单位：" + command.respondentOrgCode(), String.valueOf(command.respondentOrgCode())));
        } else {
            respondentProblem(actor, respondent, category).ifPresent(problems::add);
        }
        if (command.serious() && StringUtils.isBlank(command.seriousReason())) {
            problems.add(FieldProblem.of("seriousReason", "case.serious.reasonRequired", "认定情节严重须写明理由"));
        }
        websiteProblem(command.websiteUrl(), respondent).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Organization opener = Objects.requireNonNull(bodies.get(actor.orgCode()), "the opener's body");
        if (!opener.approved()) {
            throw new ForbiddenException("an office awaiting the security administrator's approval opens no case");
        }
        boolean repeat = repeatOf != null
                || closedRecently(respondent.code(), category.code(), clock.instant().minus(REPEAT_WINDOW));
        String number = numbers.next(opener.code(), opener.casePrefix(), today().getYear());
        RectificationCase c = new RectificationCase(UUID.randomUUID().toString(), number, command,
                respondent.regionCode(), opener.code(), actor.username(), repeat, clock.instant());
        // written now, so that its records (plain SQL, below) find the row their key refers to
        entityManager.persist(c);
        entityManager.flush();
        record(c, actor, CaseRecordKind.OPENED, command.title(), command);
        audit.record(actor.username(), "CASE_OPENED", c.id(), number + " " + category.code() + " " + respondent.code()
                + (repeat ? " repeat" : "") + (repeatOf != null ? " of " + repeatOf : "")
                + (command.serious() ? " flagged serious: " + command.seriousReason() : ""));
        events.publishEvent(new CaseOpened(c.id(), opener.regionCode()));
        return c;
    }

    /**
     * Whether the body had a case of the category closed after the instant: a repeat violation.
     * Plain SQL (index case_respondent): through Hibernate this one-row answer was a twelfth of
     * the time of opening a case (src/docs/performance.md, P9).
     */
    private boolean closedRecently(String respondentOrgCode, String categoryCode, Instant closedAfter) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                        select exists (select 1 from rectification_case
                                       where respondent_org_code = ? and category_code = ? and closed_at > ?)""",
                Boolean.class, respondentOrgCode, categoryCode, OffsetDateTime.ofInstant(closedAfter, ZoneOffset.UTC)));
    }

    /** The bodies this supervisor may open a case against (any category), for the respondent picker. */
    @Transactional(readOnly = true)
    public List<Organization> respondentsFor(Actor actor) {
        if (actor.role() != Role.SUPERVISOR) {
            return List.of();
        }
        return directory.organizations().stream()
                .filter(org -> respondentProblem(actor, org, null).isEmpty())
                .toList();
    }

    /** Whether this supervisor may open a case against the body (any category): the rule of {@link #open}. */
    @Transactional(readOnly = true)
    public boolean mayOpenAgainst(Actor actor, String respondentOrgCode) {
        return actor.role() == Role.SUPERVISOR && directory.findOrganization(respondentOrgCode)
                .map(org -> respondentProblem(actor, org, null).isEmpty()).orElse(false);
    }

    /** The open case (not closed) of this site and category, oldest first: where a new finding of the same kind belongs. */
    @Transactional(readOnly = true)
    public Optional<RectificationCase> openCaseOnSite(String websiteUrl, String categoryCode) {
        List<String> ids = jdbc.queryForList("""
                        select id from rectification_case
                        where website_url = ? and category_code = ? and status <> 'CLOSED' order by created_at""",
                String.class, websiteUrl, categoryCode);
        return ids.stream().findFirst().map(this::find);
    }

    /** The latest case of this site and category closed within the repeat window (a year): what a new failure repeats. */
    @Transactional(readOnly = true)
    public Optional<String> closedRecentlyOnSite(String websiteUrl, String categoryCode) {
        return jdbc.queryForList("""
                        select id from rectification_case
                        where website_url = ? and category_code = ? and closed_at > ? order by closed_at desc""",
                String.class, websiteUrl, categoryCode,
                OffsetDateTime.ofInstant(clock.instant().minus(REPEAT_WINDOW), ZoneOffset.UTC)).stream().findFirst();
    }

    /** The active websites of the bodies this supervisor may open a case against, for the website picker. */
    @Transactional(readOnly = true)
    public List<Website> websitesFor(Actor actor) {
        return directory.activeWebsitesOf(respondentsFor(actor).stream().map(Organization::code).toList());
    }

    private Optional<FieldProblem> respondentProblem(Actor actor, Organization respondent, Category category) {
        if (!respondent.active()) {
            return Optional.of(FieldProblem.of("respondentOrgCode", "case.respondent.inactive",
                    "该单位已停用，不能对其立案", respondent.code()));
        }
        if (!respondent.approved()) {
            return Optional.of(FieldProblem.of("respondentOrgCode", "case.respondent.pending",
                    "该单位尚待安全管理员批准，暂不能作为整改对象", respondent.code()));
        }
        if (respondent.kind() == OrgKind.SUPERVISION) {
            return Optional.of(FieldProblem.of("respondentOrgCode", "case.respondent.supervision",
                    "监察机关不是整改对象"));
        }
        if (respondent.code().equals(actor.orgCode())) {
            return Optional.of(FieldProblem.of("respondentOrgCode", "case.respondent.self",
                    "不能对本单位立案，应由上级机关立案"));
        }
        if (!directory.isWithin(respondent.regionCode(), actor.regionCode())) {
            return Optional.of(FieldProblem.of("respondentOrgCode", "case.respondent.outsideJurisdiction",
                    "该单位不在本机关管辖范围内", respondent.code()));
        }
        boolean office = respondent.kind() == OrgKind.OFFICE;
        if (office && respondent.regionCode().equals(actor.regionCode())) {
            return Optional.of(FieldProblem.of("respondentOrgCode", "case.respondent.sameLevelOffice",
                    "对政府办公厅（室）立案须由其上级行政机关办理"));
        }
        if (category != null && category.targetsAnOffice() && !office) {
            return Optional.of(FieldProblem.of("respondentOrgCode", "case.respondent.notAnOffice",
                    "第三十四条案件的对象是政府办公厅（室）等主管部门"));
        }
        return Optional.empty();
    }

    /**
     * A website the registry knows must be one of the respondent's active sites: a case on another
     * body's site or one taken out of service would send the order to whoever cannot rectify it. The
     * page offers only registered sites; the API also takes a site the registry does not know yet,
     * as its contract has always done.
     */
    private Optional<FieldProblem> websiteProblem(String url, Organization respondent) {
        if (StringUtils.isBlank(url)) {
            return Optional.empty();
        }
        if (!WEBSITE_URL.matcher(url).matches() || url.length() > 300) {
            return Optional.of(FieldProblem.of("websiteUrl", "case.website.invalid",
                    "网站地址应以 http:// 或 https:// 开头"));
        }
        Website site = directory.websiteAt(url.strip()).orElse(null);
        if (site == null) {
            // a site the registry does not know yet (a new sub-site, a report from outside) is the respondent's word
            return Optional.empty();
        }
        if (!site.active()) {
            return Optional.of(FieldProblem.of("websiteUrl", "case.website.inactive",
                    "网站 " + url + " 已停用，不能对其立案", url));
        }
        if (respondent != null && !site.orgCode().equals(respondent.code())) {
            return Optional.of(FieldProblem.of("websiteUrl", "case.website.notRespondents",
                    "网站 " + url + " 不属于所选整改单位", url));
        }
        return Optional.empty();
    }

    /** 责令整改: the order with its requirements and a deadline in working days. */
    public LocalDate issueOrder(String caseId, Actor actor, String requirements, Integer periodWorkingDays) {
        RectificationCase c = load(caseId);
        int period = period(c, periodWorkingDays);
        LocalDate deadline = calendar.addWorkingDays(today(), period);
        c.issueOrder(requirements, deadline, today());
        record(c, actor, CaseRecordKind.ORDER, requirements,
                Map.of("requirements", requirements, "periodWorkingDays", period, "deadline", deadline.toString()));
        audit.record(actor.username(), "ORDER_ISSUED", caseId, period + " working days, deadline " + deadline);
        events.publishEvent(new OrderIssued(caseId, actor.username()));
        return deadline;
    }

    /**
     * The respondent's rectification report with the evidence of its category. Returns whether it
     * waives the rectification (an A33-01 site lawfully shut down: {@link RectificationCase}'s rule),
     * for the process to close the case as waived once the report is accepted.
     */
    public boolean recordResponse(String caseId, Actor actor, String report, Map<String, Object> values) {
        RectificationCase c = load(caseId);
        boolean waived = c.recordResponse(values, today());
        record(c, actor, CaseRecordKind.RESPONSE, report, values);
        audit.record(actor.username(), "RESPONSE_SUBMITTED", caseId, null);
        events.publishEvent(new ResponseRecorded(caseId));
        return waived;
    }

    /**
     * The period of an order in working days: the one given, or the category's default; the same
     * rule for the first order and for the new period of a rejection.
     */
    private int period(RectificationCase c, Integer periodWorkingDays) {
        int period = periodWorkingDays != null ? periodWorkingDays : categories.defaultPeriodWorkingDays(c.categoryCode());
        if (period < 1 || period > MAX_PERIOD_WORKING_DAYS) {
            throw InvalidInputException.of("periodWorkingDays", "case.period.range",
                    "整改期限应为 1 至 " + MAX_PERIOD_WORKING_DAYS + " 个工作日", MAX_PERIOD_WORKING_DAYS);
        }
        return period;
    }

    /**
     * The office's verdict on a report. A rejection sends the case back with a new period in working
     * days from today (the category's default when none is given). A new deadline is never earlier
     * than an extension already granted: the later of the two wins, since the respondent was promised
     * that time and a rejection is no reason to take it back.
     */
    public Verification verify(String caseId, Actor actor, boolean accepted, String comment, boolean serious,
                               String seriousReason, Integer periodWorkingDays) {
        RectificationCase c = load(caseId);
        if (serious && !c.flaggedSerious()) {
            c.flagSerious(seriousReason);
        }
        Map<String, Object> data = new java.util.LinkedHashMap<>(Map.of("accepted", accepted,
                "comment", StringUtils.defaultString(comment), "serious", serious,
                "seriousReason", StringUtils.defaultString(seriousReason)));
        boolean recheckFailed = recheckFailed(caseId);
        if (accepted && recheckFailed && StringUtils.isBlank(comment)) {
            throw InvalidInputException.of("comment", "finding.recheck.reasonRequired",
                    "复查未通过，确认整改到位须写明理由");
        }
        if (accepted) {
            c.accept(c.orderedOn() == null || c.respondedOn() == null || c.respondedOn().isBefore(c.orderedOn()) ? null
                    : calendar.workingDaysUntil(c.orderedOn(), c.respondedOn()));
            if (recheckFailed) {
                audit.record(actor.username(), "RECHECK_OVERRIDDEN", caseId, comment);
            }
        } else {
            int period = period(c, periodWorkingDays);
            LocalDate deadline = deadlineOnRejection(c, period, extensionGranted(caseId));
            c.reject(comment, deadline);
            data.put("periodWorkingDays", period);
            data.put("deadline", deadline.toString());
        }
        record(c, actor, CaseRecordKind.VERIFICATION, comment, data);
        audit.record(actor.username(), accepted ? "RESPONSE_ACCEPTED" : "RESPONSE_REJECTED", caseId,
                accepted ? comment : "rejection " + c.rejectionCount() + ": " + comment + ", new deadline " + c.deadline());
        events.publishEvent(new RectificationVerified(caseId, actor.username(), accepted));
        return new Verification(accepted, c.rejectionCount(), c.flaggedSerious(), c.deadline());
    }

    /** The longest urging message, in characters. */
    public static final int MAX_URGE_MESSAGE = 2000;

    /**
     * 催办: a supervisor of the opening office, or of an office above it, chases the respondent on an
     * open order, at most once per case and working day (an urge on a day off counts for the next
     * working day). The case's row is locked first, so two urges at once are one after the other.
     *
     * @param respondPending whether the case's {@code respond} task is open (the workflow knows)
     */
    public RectificationCase urge(String caseId, Actor actor, String message, boolean respondPending) {
        lock(caseId);
        RectificationCase c = visible(actor, caseId);
        if (!mayUrge(actor, c)) {
            throw new ForbiddenException("only a supervisor of the opening office or an office above it urges");
        }
        if (StringUtils.isBlank(message)) {
            throw InvalidInputException.of("message", "urge.message.required", "请填写催办意见");
        }
        if (message.length() > MAX_URGE_MESSAGE) {
            throw InvalidInputException.of("message", "urge.message.tooLong", "催办意见不能超过 " + MAX_URGE_MESSAGE + " 字");
        }
        UnsafeText.problem("message", message).ifPresent(p -> {
            throw new InvalidInputException(List.of(p));
        });
        if (c.status() == CaseStatus.CLOSED || !respondPending) {
            throw new ConflictException("催办只能针对尚待整改答复的整改通知 / only an order awaiting its report can be urged",
                    "urge.conflict.noOrder");
        }
        LocalDate workingDay = workingDayOf(today());
        boolean urgedToday = records.findByCaseIdOrderById(caseId).stream()
                .filter(r -> r.kind() == CaseRecordKind.URGED)
                .anyMatch(r -> workingDayOf(LocalDate.ofInstant(r.occurredAt(), WorkingDayCalendar.ZONE)).equals(workingDay));
        if (urgedToday) {
            throw new ConflictException("本案今日已催办，每个工作日至多催办一次 / this case was urged on this working day already",
                    "urge.conflict.today");
        }
        record(c, actor, CaseRecordKind.URGED, message.strip(), Map.of("message", message.strip()));
        audit.record(actor.username(), "CASE_URGED", caseId, message.strip());
        return c;
    }

    /** Whether the actor is a supervisor of the opening office or of an office above it. */
    public boolean mayUrge(Actor actor, RectificationCase c) {
        if (actor.role() != Role.SUPERVISOR || actor.orgCode() == null) {
            return false;
        }
        if (actor.orgCode().equals(c.openedByOrgCode())) {
            return true;
        }
        return actor.orgKind() == OrgKind.OFFICE && directory.findOrganization(c.openedByOrgCode())
                .map(opener -> !opener.regionCode().equals(actor.regionCode())
                        && directory.isWithin(opener.regionCode(), actor.regionCode()))
                .orElse(false);
    }

    /** The working day a date counts for: itself, or the next working day after a day off. */
    private LocalDate workingDayOf(LocalDate date) {
        LocalDate day = date;
        while (!calendar.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** Whether the case came from findings and their re-check, run when the department reported, did not pass. */
    private boolean recheckFailed(String caseId) {
        CaseFindings known = findings.getIfAvailable();
        return known != null && known.of(caseId)
                .map(CaseFindings.Monitored::recheck)
                .map(recheck -> !recheck.passed())
                .orElse(false);
    }

    /** The respondent asks once for more working days; an office decides. */
    public void requestExtension(String caseId, Actor actor, String reason, int days) {
        // one request at a time per case: a second one waits here, then finds the first one's extension used
        lock(caseId);
        RectificationCase c = visible(actor, caseId);
        if (!actor.orgCode().equals(c.respondentOrgCode())) {
            throw new ForbiddenException("only the respondent body asks for an extension");
        }
        c.requestExtension(today());
        record(c, actor, CaseRecordKind.EXTENSION_REQUEST, reason, Map.of("reason", reason, "days", days));
        audit.record(actor.username(), "EXTENSION_REQUESTED", caseId, days + " working days: " + reason);
        events.publishEvent(new ExtensionRequested(caseId, days));
    }

    /** Grants or refuses the extension; a grant moves the deadline by the working days asked for. */
    public void decideExtension(String caseId, Actor actor, boolean granted, String comment) {
        RectificationCase c = load(caseId);
        if (!granted && StringUtils.isBlank(comment)) {
            throw InvalidInputException.of("comment", "extension.refusal.reasonRequired", "不同意延期须写明理由");
        }
        int days = requestedExtensionDays(caseId);
        if (granted) {
            c.extendDeadline(calendar.addWorkingDays(c.deadline(), days), today());
        }
        record(c, actor, CaseRecordKind.EXTENSION_DECISION, comment,
                Map.of("granted", granted, "comment", StringUtils.defaultString(comment)));
        audit.record(actor.username(), granted ? "EXTENSION_GRANTED" : "EXTENSION_REFUSED", caseId,
                granted ? "new deadline " + c.deadline() : comment);
    }

    /**
     * What a rejection of this case's report would give today: the category's default period and
     * the deadline for each period of 1 to {@value #MAX_PERIOD_WORKING_DAYS} working days, by the
     * rule of {@link #verify}, for the page that shows the office the date before it decides.
     */
    @Transactional(readOnly = true)
    public RejectionPeriods rejectionPeriods(Actor actor, String caseId) {
        RectificationCase c = visible(actor, caseId);
        boolean granted = extensionGranted(caseId);
        List<LocalDate> deadlines = new ArrayList<>(MAX_PERIOD_WORKING_DAYS);
        for (int period = 1; period <= MAX_PERIOD_WORKING_DAYS; period++) {
            deadlines.add(deadlineOnRejection(c, period, granted));
        }
        return new RejectionPeriods(categories.defaultPeriodWorkingDays(c.categoryCode()), deadlines);
    }

    /**
     * A rejection's new deadline: the period from today, but never earlier than an extension already
     * granted. After a grant only a rejection moves the deadline, and never earlier (this rule), so
     * the case's current deadline is at least the one the grant gave.
     */
    private LocalDate deadlineOnRejection(RectificationCase c, int period, boolean extensionGranted) {
        LocalDate deadline = calendar.addWorkingDays(today(), period);
        if (extensionGranted && c.deadline() != null && c.deadline().isAfter(deadline)) {
            return c.deadline();
        }
        return deadline;
    }

    private boolean extensionGranted(String caseId) {
        return records.findByCaseIdOrderById(caseId).stream()
                .filter(r -> r.kind() == CaseRecordKind.EXTENSION_DECISION)
                .anyMatch(r -> Boolean.TRUE.equals(readJson(r.dataJson()).get("granted")));
    }

    private int requestedExtensionDays(String caseId) {
        return lastExtensionRequest(caseId)
                .map(r -> readJson(r.dataJson()).get("days"))
                .map(days -> ((Number) days).intValue())
                .orElseThrow(() -> new ConflictException("no extension was asked for"));
    }

    private Optional<CaseRecord> lastExtensionRequest(String caseId) {
        return records.findByCaseIdOrderById(caseId).stream()
                .filter(r -> r.kind() == CaseRecordKind.EXTENSION_REQUEST)
                .reduce((first, second) -> second);
    }

    /**
     * The extension asked for on a case the actor may see, with the deadline that granting it would
     * give and, when no extension can be granted any more, why (a message key); empty when none was asked.
     */
    @Transactional(readOnly = true)
    public Optional<ExtensionAsked> extensionAsked(Actor actor, String caseId) {
        RectificationCase c = visible(actor, caseId);
        return lastExtensionRequest(caseId).map(r -> {
            Map<String, Object> data = readJson(r.dataJson());
            int days = ((Number) data.get("days")).intValue();
            LocalDate ifGranted = c.deadline() == null ? null : calendar.addWorkingDays(c.deadline(), days);
            return new ExtensionAsked(days, (String) data.get("reason"),
                    LocalDate.ofInstant(r.occurredAt(), WorkingDayCalendar.ZONE), c.deadline(), ifGranted,
                    c.extensionBarred(today()).orElse(null));
        });
    }

    /** An extension request as the office deciding on it sees it. */
    public record ExtensionAsked(int days, String reason, LocalDate askedOn, LocalDate deadline, LocalDate deadlineIfGranted,
                                 String barredBy) {
    }

    /** The deadline timer fired. Returns whether the order was still unanswered. */
    public boolean markOverdue(String caseId) {
        RectificationCase c = load(caseId);
        boolean overdue = c.markOverdue();
        if (overdue) {
            record(c, Actor.system(), CaseRecordKind.OVERDUE, "deadline " + c.deadline(), null);
            audit.record("system", "ORDER_OVERDUE", caseId, "deadline " + c.deadline());
        }
        return overdue;
    }

    /** The respondent was reminded that {@code workingDaysLeft} working days are left, the deadline day counted. */
    public void recordReminder(String caseId, int workingDaysLeft) {
        RectificationCase c = load(caseId);
        String detail = workingDaysLeft + " working days left, deadline " + c.deadline();
        record(c, Actor.system(), CaseRecordKind.REMINDER, detail, null);
        audit.record("system", "REMINDER_SENT", caseId, detail);
    }

    /** 情节严重: to the supervision authority; rectification continues beside the review. */
    public void escalate(String caseId, String reason) {
        RectificationCase c = load(caseId);
        c.escalate(reason, today());
        record(c, Actor.system(), CaseRecordKind.ESCALATION, reason, null);
        audit.record("system", "CASE_ESCALATED", caseId, reason);
        events.publishEvent(new CaseEscalated(caseId, reason));
    }

    public void recordReview(String caseId, Actor actor, String decision, String findings) {
        RectificationCase c = load(caseId);
        record(c, actor, CaseRecordKind.REVIEW, findings, Map.of("decision", decision, "findings", findings));
        audit.record(actor.username(), "REVIEW_DECIDED", caseId, decision);
    }

    public void finishReview(String caseId) {
        RectificationCase c = load(caseId);
        c.finishReview();
        audit.record("system", "REVIEW_FINISHED", caseId, null);
    }

    public void close(String caseId, CaseOutcome outcome) {
        RectificationCase c = load(caseId);
        c.close(outcome, clock.instant());
        record(c, Actor.system(), CaseRecordKind.CLOSED, outcome.name(), null);
        audit.record("system", "CASE_CLOSED", caseId, outcome.name());
    }

    /** A case the actor may see, or 404: existence is not revealed. */
    @Transactional(readOnly = true)
    public RectificationCase visible(Actor actor, String caseId) {
        RectificationCase c = find(caseId);
        if (c == null || !access.canSee(actor, c)) {
            throw new NotFoundException("case " + caseId);
        }
        return c;
    }

    /**
     * One writer per case: locks the case row until the transaction ends, so that two people
     * acting on one case at once go one after the other instead of half-writing both.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(String caseId) {
        if (entityManager.find(RectificationCase.class, caseId, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw new NotFoundException("case " + caseId);
        }
    }

    /** For the engine and its timers, which act for nobody. */
    @Transactional(readOnly = true)
    public RectificationCase load(String caseId) {
        RectificationCase c = find(caseId);
        if (c == null) {
            throw new NotFoundException("case " + caseId);
        }
        return c;
    }

    /** The case, or null: from the persistence context when this transaction has it already. */
    private RectificationCase find(String caseId) {
        return caseId == null ? null : entityManager.find(RectificationCase.class, caseId);
    }

    /** Case numbers by case id, in one query (for lists of tasks). */
    @Transactional(readOnly = true)
    public Map<String, String> caseNumbers(Set<String> caseIds) {
        return byId(caseIds).values().stream()
                .collect(Collectors.toMap(RectificationCase::id, RectificationCase::caseNumber));
    }

    /** Cases by id, in one query, for the engine or a list whose entries were checked already. */
    @Transactional(readOnly = true)
    public Map<String, RectificationCase> byId(Set<String> caseIds) {
        return cases.findAllById(caseIds).stream().collect(Collectors.toMap(RectificationCase::id, c -> c));
    }

    @Transactional(readOnly = true)
    public List<CaseRecord> records(String caseId) {
        return records.findByCaseIdOrderById(caseId);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    }

    /**
     * Adds an entry to the case's file by plain SQL: through Hibernate (an entity persisted, its
     * generated key read back) it was a tenth of the JVM's time in opening a case and 7% in firing
     * deadlines (src/docs/performance.md, P11). Reads of the file in the same transaction see the entry.
     */
    private void record(RectificationCase c, Actor actor, CaseRecordKind kind, String summary, Object data) {
        jdbc.update("""
                        insert into case_record (case_id, kind, actor, actor_org, occurred_at, summary, data_json)
                        values (?, ?, ?, ?, ?, ?, ?)""",
                c.id(), kind.name(), actor.username(), actor.orgCode(), OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                StringUtils.abbreviate(summary, 4000), data == null ? null : writeJson(data));
    }

    private String writeJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write case record", e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readJson(String data) {
        try {
            return json.readValue(data, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read case record", e);
        }
    }

    /** A rejection's default period and the deadline of every allowed period (the first is one working day). */
    public record RejectionPeriods(int defaultPeriod, List<LocalDate> deadlines) {

        public LocalDate deadlineOf(int period) {
            return deadlines.get(period - 1);
        }
    }

    /** What the verification decided, for the process to route on. */
    public record Verification(boolean accepted, int rejectionCount, boolean flaggedSerious, LocalDate deadline) {
    }
}
