package io.rectify.publicreport;

import static io.rectify.process.PublicReportVariables.ACCEPTED;
import static io.rectify.process.PublicReportVariables.DEADLINE_AT;
import static io.rectify.process.PublicReportVariables.REMINDER_AT;
import static io.rectify.process.PublicReportVariables.RESPONDENT_GROUPS;
import static io.rectify.process.PublicReportVariables.TRIAGE;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.rectify.audit.AuditLog;
import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.casefile.CaseOpening;
import io.rectify.casefile.CaseSource;
import io.rectify.casefile.Evidence;
import io.rectify.casefile.OpenCase;
import io.rectify.casefile.RectificationCase;
import io.rectify.directory.Actor;
import io.rectify.directory.Directory;
import io.rectify.directory.OrgKind;
import io.rectify.directory.Organization;
import io.rectify.directory.Role;
import io.rectify.directory.Website;
import io.rectify.kernel.ConflictException;
import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.ForbiddenException;
import io.rectify.kernel.InvalidInputException;
import io.rectify.kernel.NotFoundException;
import io.rectify.notification.Notifications;
import io.rectify.process.Routing;
import org.apache.commons.lang3.StringUtils;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Public error reports (我为政府网站找错): taken in from the public page and from the national
 * platform's files, triaged by the office of the site's region, answered by the site's body within
 * three working days of forwarding, accepted or sent back by the office.
 *
 * <p>Who sees a report: the offices of its region and above, the supervision bodies of its region
 * and above, and the site's body once it was forwarded to it. The reporter's contact is personal
 * information: only the supervisors of the office that triages read it; everyone else gets it
 * masked ({@link ContactMask}), and so does every export. The public lookup never shows it.
 */
@Service
@Transactional
public class PublicReports {

    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_CONTACT = 200;
    public static final int MAX_URL = 2000;
    public static final int MAX_MESSAGE_ID = 64;

    public static final String KIND_FORWARDED = "PUBLIC_REPORT_FORWARDED";
    public static final String KIND_REMINDER = "PUBLIC_REPORT_REMINDER";

    private static final String TRACKING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final NamedParameterJdbcTemplate jdbc;
    private final Directory directory;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final CaseOpening caseOpening;
    private final PublicReportSettings settings;

    PublicReports(NamedParameterJdbcTemplate jdbc, Directory directory, WorkingDayCalendar calendar, Clock clock,
                  Notifications notifications, ApplicationEventPublisher events, AuditLog audit, CaseOpening caseOpening,
                  PublicReportSettings settings) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.calendar = calendar;
        this.clock = clock;
        this.notifications = notifications;
        this.events = events;
        this.audit = audit;
        this.caseOpening = caseOpening;
        this.settings = settings;
    }

    /** What a person types on the public page (or sends to {@code POST /public/reports}). */
    public record Submission(String siteUrl, String pageUrl, String description, String contact) {
    }

    /** One line of a file the national platform forwarded. {@code line} is its number in the file. */
    public record NationalMessage(int line, String messageId, String receivedAt, String siteUrl, String pageUrl,
                                  String description, String contact) {
    }

    public record ImportResult(int imported, int alreadyImported, List<String> trackingNumbers) {
    }

    /** What anyone with the tracking number may read: never the contact, nor the description. */
    public record PublicView(String trackingNumber, ReportStatus status, String reply, OffsetDateTime repliedAt) {
    }

    /** The registered sites a report may name: every active website. */
    @Transactional(readOnly = true)
    public List<Website> sites() {
        return directory.activeWebsitesOf(directory.organizations().stream().map(Organization::code).toList());
    }

    /** A report from the public page: checked whole, stored with nothing but what was typed. */
    public PublicReport submit(Submission submission) {
        List<FieldProblem> problems = new ArrayList<>();
        Website site = check("", submission.siteUrl(), submission.pageUrl(), submission.description(),
                submission.contact(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        PublicReport report = store(null, ReportChannel.PORTAL, clock.instant(), site, submission.pageUrl().strip(),
                submission.description().strip(), StringUtils.stripToNull(submission.contact()));
        audit.record("public", "PUBLIC_REPORT_RECEIVED", null, report.trackingNumber() + " " + site.url());
        return report;
    }

    /**
     * Imports the national platform's messages: every line is checked first and every bad one named
     * ({@code lines[<line>].<field>}); one bad line and nothing of the file is stored. A message
     * already imported (by its national id) is skipped, so importing a file twice stores it once.
     */
    public ImportResult importMessages(Actor actor, List<NationalMessage> messages) {
        if (actor.role() != Role.SUPERVISOR || actor.orgKind() != OrgKind.OFFICE) {
            throw new ForbiddenException("only an office imports the national platform's messages");
        }
        if (messages.isEmpty()) {
            throw InvalidInputException.of("file", "publicReport.import.empty", "文件中没有留言");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Map<NationalMessage, Website> sites = new HashMap<>();
        Map<NationalMessage, Instant> times = new HashMap<>();
        Set<String> idsInFile = new HashSet<>();
        for (NationalMessage m : messages) {
            String prefix = "lines[" + m.line() + "].";
            if (m.messageId() == null || m.messageId().isBlank()) {
                problems.add(FieldProblem.of(prefix + "messageId", "publicReport.messageId.required",
                        "第 " + m.line() + " 行：缺少留言编号", m.line()));
            } else if (m.messageId().strip().length() > MAX_MESSAGE_ID) {
                problems.add(FieldProblem.of(prefix + "messageId", "publicReport.messageId.tooLong",
                        "第 " + m.line() + " 行：留言编号过长", m.line(), MAX_MESSAGE_ID));
            } else if (!idsInFile.add(m.messageId().strip())) {
                problems.add(FieldProblem.of(prefix + "messageId", "publicReport.messageId.twice",
                        "第 " + m.line() + " 行：留言编号在文件中重复", m.line()));
            }
            Instant received = receivedAt(m, prefix, problems);
            times.put(m, received);
            Website site = check(prefix, m.siteUrl(), m.pageUrl(), m.description(), m.contact(), problems);
            if (site != null) {
                String region = regionOf(site);
                if (!directory.isWithin(region, actor.regionCode())) {
                    problems.add(FieldProblem.of(prefix + "siteUrl", "publicReport.siteUrl.outside",
                            "第 " + m.line() + " 行：该网站不在本单位辖区", m.line()));
                } else {
                    sites.put(m, site);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Set<String> known = new HashSet<>(jdbc.queryForList(
                "select national_id from public_report where national_id in (:ids)", Map.of("ids", idsInFile),
                String.class));
        List<String> stored = new ArrayList<>();
        int skipped = 0;
        for (NationalMessage m : messages) {
            if (known.contains(m.messageId().strip())) {
                skipped++;
                continue;
            }
            stored.add(store(m.messageId().strip(), ReportChannel.NATIONAL, times.get(m), sites.get(m),
                    m.pageUrl().strip(), m.description().strip(), StringUtils.stripToNull(m.contact())).trackingNumber());
        }
        audit.record(actor.username(), "PUBLIC_REPORTS_IMPORTED", null,
                stored.size() + " imported, " + skipped + " already imported");
        return new ImportResult(stored.size(), skipped, stored);
    }

    /** The public lookup by tracking number: status and the accepted reply only. */
    @Transactional(readOnly = true)
    public Optional<PublicView> lookup(String trackingNumber) {
        if (trackingNumber == null || trackingNumber.length() > 20) {
            return Optional.empty();
        }
        return find("tracking_number", trackingNumber.strip().toUpperCase()).map(r -> {
            String answer = switch (r.status()) {
                case DONE -> r.reply();
                case REJECTED -> r.triageNote();
                default -> null;
            };
            Instant answeredAt = switch (r.status()) {
                case DONE -> r.repliedAt();
                case REJECTED, DUPLICATE -> r.closedAt();
                default -> null;
            };
            return new PublicView(r.trackingNumber(), r.status(), answer,
                    answeredAt == null ? null : answeredAt.atZone(WorkingDayCalendar.ZONE).toOffsetDateTime());
        });
    }

    /** The reports the caller may see, newest first, each as the caller may read it. */
    @Transactional(readOnly = true)
    public List<PublicReport> list(Actor actor, ReportStatus status, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("limit", limit);
        StringBuilder where = new StringBuilder();
        switch (actor.role()) {
            case SUPERVISOR, SUPERVISION -> {
                where.append(" region_code in (:regions)");
                params.addValue("regions", directory.regionAndBelow(actor.regionCode()));
            }
            case RESPONDER -> {
                where.append(" site_org_code = :org and forwarded_at is not null");
                params.addValue("org", actor.orgCode());
            }
            default -> throw new ForbiddenException("public error reports are the offices' and the bodies' business");
        }
        if (status != null) {
            where.append(" and status = :status");
            params.addValue("status", status.name());
        }
        return jdbc.query("select * from public_report where" + where
                        + " order by received_at desc, id fetch first :limit rows only", params, PublicReports::row)
                .stream().map(r -> asSeenBy(actor, r)).toList();
    }

    /**
     * The caller's reports for an export in {@code format}: the contact masked whoever exports;
     * more than {@code limit} is a 400 before anything is written; audited (who, which filter, how many).
     */
    @Transactional
    public List<PublicReport> export(Actor actor, ReportStatus status, String format, long limit) {
        List<PublicReport> found = list(actor, status, (int) Math.min(limit + 1, Integer.MAX_VALUE));
        if (found.size() > limit) {
            throw InvalidInputException.of("rows", "export.tooManyReports",
                    "筛选出的留言超过单个文件的上限 " + limit + " 行：请按状态筛选后分次导出", limit);
        }
        audit.record(actor.username(), "PUBLIC_REPORTS_EXPORTED", null,
                format + (status == null ? " []" : " [status=" + status + "]") + ": " + found.size() + " row(s)");
        return found.stream().map(PublicReport::masked).toList();
    }

    /** One report as the caller may read it; 404 when the caller may not see it. */
    @Transactional(readOnly = true)
    public PublicReport get(Actor actor, String id) {
        return asSeenBy(actor, visible(actor, id));
    }

    /** The report, unmasked, if the caller may see it (404 otherwise): for the steps, which check who does them. */
    @Transactional(readOnly = true)
    public PublicReport visible(Actor actor, String id) {
        PublicReport report = find("id", id).orElseThrow(() -> new NotFoundException("public report " + id));
        boolean sees = switch (actor.role() == null ? Role.ADMIN : actor.role()) {
            case SUPERVISOR, SUPERVISION -> directory.isWithin(report.regionCode(), actor.regionCode());
            case RESPONDER -> report.siteOrgCode().equals(actor.orgCode()) && report.forwardedAt() != null;
            default -> false;
        };
        if (!sees) {
            throw new NotFoundException("public report " + id);
        }
        return report;
    }

    /** Whether this person reads the contact in clear: a supervisor of the office that triages. */
    public static boolean readsContact(Actor actor, PublicReport report) {
        return actor.role() == Role.SUPERVISOR && Objects.equals(actor.orgCode(), report.triageOrgCode());
    }

    private static PublicReport asSeenBy(Actor actor, PublicReport report) {
        return readsContact(actor, report) ? report : report.masked();
    }

    /** One writer per report: the row is locked until the step's transaction ends. */
    public void lock(String id) {
        jdbc.queryForList("select id from public_report where id = :id for update", Map.of("id", id), String.class);
    }

    @Transactional(readOnly = true)
    public PublicReport load(String id) {
        return find("id", id).orElseThrow(() -> new NotFoundException("public report " + id));
    }

    // the steps of bpmn/public-report.bpmn, each done by the task handler of its key

    /** The office's triage: forward to the site's body (the clock starts), reject, or mark a duplicate. */
    Routing triage(String id, Actor actor, Map<String, Object> values) {
        PublicReport r = inStatus(id, ReportStatus.RECEIVED);
        String decision = String.valueOf(values.get("decision"));
        String note = text(values.get("note"));
        Instant now = clock.instant();
        switch (decision) {
            case "FORWARD" -> {
                LocalDate due = calendar.addWorkingDays(today(), settings.replyWorkingDays());
                jdbc.update("update public_report set status = 'FORWARDED', forwarded_at = :now, due_date = :due,"
                        + " triage_note = :note where id = :id", Map.of("now", utc(now), "due", due, "id", id,
                        "note", note == null ? "" : note));
                String body = Directory.groupOf(r.siteOrgCode());
                notifications.send(null, KIND_FORWARDED, body, KIND_FORWARDED + ":" + id);
                audit.record(actor.username(), "PUBLIC_REPORT_FORWARDED", null, r.trackingNumber() + " to "
                        + r.siteOrgCode() + " due " + due);
                return Routing.of(TRIAGE, decision)
                        .with(RESPONDENT_GROUPS, body)
                        .with(DEADLINE_AT, Date.from(calendar.deadlineEnd(due)))
                        .with(REMINDER_AT, Date.from(calendar.reminderAt(due)));
            }
            case "REJECT" -> {
                if (note == null) {
                    throw InvalidInputException.of("note", "publicReport.note.required", "不是错误时须说明理由");
                }
                close(id, ReportStatus.REJECTED, null, note, now);
            }
            case "DUPLICATE" -> {
                String of = text(values.get("duplicateOf"));
                PublicReport original = of == null ? null : find("tracking_number", of.toUpperCase()).orElse(null);
                if (original == null || original.id().equals(id)
                        || !directory.isWithin(original.regionCode(), actor.regionCode())) {
                    throw InvalidInputException.of("duplicateOf", "publicReport.duplicateOf.unknown",
                            "请填写与之重复的另一条留言的受理编号");
                }
                close(id, ReportStatus.DUPLICATE, original.trackingNumber(), note, now);
            }
            default -> throw InvalidInputException.of("decision", "publicReport.decision.unknown", "请选择处理方式");
        }
        audit.record(actor.username(), "PUBLIC_REPORT_" + decision, null, r.trackingNumber());
        return Routing.of(TRIAGE, decision);
    }

    /** The body's reply; on time when it comes by 24:00 of the last working day. */
    Routing reply(String id, Actor actor, Map<String, Object> values) {
        PublicReport r = inStatus(id, ReportStatus.FORWARDED);
        String reply = text(values.get("reply"));
        if (reply == null) {
            throw InvalidInputException.of("reply", "publicReport.reply.required", "请填写答复内容");
        }
        Instant now = clock.instant();
        boolean onTime = !calendar.isOverdue(r.dueDate(), now);
        jdbc.update("update public_report set status = 'REPLIED', reply = :reply, replied_at = :now,"
                + " replied_on_time = :onTime where id = :id", Map.of("reply", reply, "now", utc(now), "onTime", onTime,
                "id", id));
        audit.record(actor.username(), "PUBLIC_REPORT_REPLIED", null, r.trackingNumber() + (onTime ? "" : " late"));
        return Routing.none();
    }

    /** The office accepts the reply (done) or sends it back with what is still wrong. */
    Routing review(String id, Actor actor, Map<String, Object> values) {
        PublicReport r = inStatus(id, ReportStatus.REPLIED);
        boolean accepted = Boolean.TRUE.equals(values.get("accepted"));
        String comment = text(values.get("comment"));
        if (accepted) {
            jdbc.update("update public_report set status = 'DONE', closed_at = :now, review_note = :note where id = :id",
                    new MapSqlParameterSource("now", utc(clock.instant())).addValue("note", comment).addValue("id", id));
        } else {
            if (comment == null) {
                throw InvalidInputException.of("comment", "publicReport.comment.required", "退回时须说明还需答复的内容");
            }
            jdbc.update("update public_report set status = 'FORWARDED', review_note = :note where id = :id",
                    Map.of("note", comment, "id", id));
        }
        audit.record(actor.username(), accepted ? "PUBLIC_REPORT_DONE" : "PUBLIC_REPORT_SENT_BACK", null,
                r.trackingNumber());
        return Routing.of(ACCEPTED, accepted);
    }

    /** 09:00 of the last working day, the body has not replied: remind it, once. */
    public void remind(String id) {
        PublicReport r = load(id);
        if (r.status() != ReportStatus.FORWARDED) {
            return;
        }
        jdbc.update("update public_report set reminded = true where id = :id", Map.of("id", id));
        notifications.send(null, KIND_REMINDER, Directory.groupOf(r.siteOrgCode()),
                KIND_REMINDER + ":" + id + ":" + r.dueDate());
    }

    /** The three working days ended without a reply: the mark the figures count. */
    public boolean markOverdue(String id) {
        PublicReport r = load(id);
        if (r.status() != ReportStatus.FORWARDED) {
            return false;
        }
        jdbc.update("update public_report set overdue = true where id = :id", Map.of("id", id));
        audit.record("system", "PUBLIC_REPORT_OVERDUE", null, r.trackingNumber());
        return true;
    }

    /**
     * A supervisor of the office that triaged turns the report into a rectification case against
     * the site's body (source COMPLAINT), with the report as its evidence (without the contact).
     */
    public RectificationCase openCase(Actor actor, String id, String categoryCode) {
        lock(id);
        PublicReport r = visible(actor, id);
        if (actor.role() != Role.SUPERVISOR) {
            throw new ForbiddenException("only an office opens a case");
        }
        if (r.caseId() != null) {
            throw new ConflictException("a case was opened from this report already");
        }
        if (r.status() == ReportStatus.REJECTED || r.status() == ReportStatus.DUPLICATE) {
            throw new ConflictException("a report found no error or a duplicate opens no case");
        }
        String evidence = "受理编号 / Tracking number: " + r.trackingNumber() + "\n"
                + (r.nationalId() == null ? "" : "全国平台留言编号 / National message id: " + r.nationalId() + "\n")
                + "收到时间 / Received: " + r.receivedAt().atZone(WorkingDayCalendar.ZONE).toOffsetDateTime() + "\n"
                + "网站 / Site: " + r.siteUrl() + "\n"
                + "页面 / Page: " + r.pageUrl() + "\n"
                + "问题描述 / Description:\n" + r.description() + "\n"
                + (r.reply() == null ? "" : "\n单位答复 / Reply:\n" + r.reply() + "\n");
        RectificationCase opened = caseOpening.open(actor,
                new OpenCase(categoryCode, r.siteOrgCode(), "网民找错 " + r.trackingNumber(), r.description(),
                        r.siteUrl(), CaseSource.COMPLAINT, false, null),
                List.of(new Evidence("public-report-" + r.trackingNumber() + ".txt",
                        evidence.getBytes(StandardCharsets.UTF_8))));
        jdbc.update("update public_report set case_id = :case where id = :id", Map.of("case", opened.id(), "id", id));
        return opened;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(WorkingDayCalendar.ZONE));
    }

    // storing

    private PublicReport store(String nationalId, ReportChannel channel, Instant receivedAt, Website site, String pageUrl,
                               String description, String contact) {
        String id = UUID.randomUUID().toString();
        String region = regionOf(site);
        Organization office = triageOffice(region);
        MapSqlParameterSource row = new MapSqlParameterSource()
                .addValue("id", id)
                .addValue("tracking", trackingNumber())
                .addValue("national", nationalId)
                .addValue("channel", channel.name())
                .addValue("received", utc(receivedAt))
                .addValue("site", site.url())
                .addValue("siteOrg", site.orgCode())
                .addValue("region", region)
                .addValue("triage", office.code())
                .addValue("page", pageUrl)
                .addValue("description", description)
                .addValue("contact", contact);
        jdbc.update("insert into public_report (id, tracking_number, national_id, channel, received_at, site_url,"
                + " site_org_code, region_code, triage_org_code, page_url, description, contact, status)"
                + " values (:id, :tracking, :national, :channel, :received, :site, :siteOrg, :region, :triage, :page,"
                + " :description, :contact, 'RECEIVED')", row);
        events.publishEvent(new PublicReportReceived(id, Directory.groupOf(office.code())));
        return load(id);
    }

    /** The office of the site's region, or the nearest one above it. */
    private Organization triageOffice(String regionCode) {
        for (String region : directory.regionAndAbove(regionCode)) {
            Optional<Organization> office = directory.bodiesInAndAbove(region, OrgKind.OFFICE).stream()
                    .filter(body -> body.regionCode().equals(region) && body.active())
                    .findFirst();
            if (office.isPresent()) {
                return office.get();
            }
        }
        throw new IllegalStateException("no office in or above region " + regionCode);
    }

    private String regionOf(Website site) {
        return directory.findOrganization(site.orgCode()).map(Organization::regionCode)
                .orElseThrow(() -> new IllegalStateException("website " + site.url() + " names no body"));
    }

    private static String trackingNumber() {
        StringBuilder number = new StringBuilder("ZC");
        for (int i = 0; i < 12; i++) {
            number.append(TRACKING_ALPHABET.charAt(RANDOM.nextInt(TRACKING_ALPHABET.length())));
        }
        return number.toString();
    }

    private void close(String id, ReportStatus status, String duplicateOf, String note, Instant now) {
        jdbc.update("update public_report set status = :status, duplicate_of = :dup, triage_note = :note,"
                        + " closed_at = :now where id = :id",
                new MapSqlParameterSource("status", status.name()).addValue("dup", duplicateOf).addValue("note", note)
                        .addValue("now", utc(now)).addValue("id", id));
    }

    private PublicReport inStatus(String id, ReportStatus expected) {
        PublicReport r = load(id);
        if (r.status() != expected) {
            throw new ConflictException("this report is " + r.status() + ", not " + expected);
        }
        return r;
    }

    // checking what came in

    /** The checks of a report's fields; the registered site, or null with a problem named. */
    private Website check(String prefix, String siteUrl, String pageUrl, String description, String contact,
                          List<FieldProblem> problems) {
        Website site = null;
        if (siteUrl == null || siteUrl.isBlank()) {
            problems.add(FieldProblem.of(prefix + "siteUrl", "publicReport.siteUrl.required", "请选择网站"));
        } else {
            site = findSite(siteUrl.strip());
            if (site == null) {
                problems.add(FieldProblem.of(prefix + "siteUrl", "publicReport.siteUrl.unknown",
                        "该网站不在政府网站名录中：" + abbreviate(siteUrl), abbreviate(siteUrl)));
            }
        }
        if (pageUrl == null || pageUrl.isBlank()) {
            problems.add(FieldProblem.of(prefix + "pageUrl", "publicReport.pageUrl.required", "请填写出错页面的网址"));
        } else if (pageUrl.strip().length() > MAX_URL) {
            problems.add(FieldProblem.of(prefix + "pageUrl", "publicReport.pageUrl.tooLong",
                    "网址不能超过 " + MAX_URL + " 个字符", MAX_URL));
        } else if (!isWebAddress(pageUrl.strip())) {
            problems.add(FieldProblem.of(prefix + "pageUrl", "publicReport.pageUrl.invalid",
                    "请填写以 http:// 或 https:// 开头的网址"));
        }
        if (description == null || description.isBlank()) {
            problems.add(FieldProblem.of(prefix + "description", "publicReport.description.required", "请描述发现的错误"));
        } else if (description.strip().length() > MAX_DESCRIPTION) {
            problems.add(FieldProblem.of(prefix + "description", "publicReport.description.tooLong",
                    "问题描述不能超过 " + MAX_DESCRIPTION + " 个字符", MAX_DESCRIPTION));
        }
        if (contact != null && contact.strip().length() > MAX_CONTACT) {
            problems.add(FieldProblem.of(prefix + "contact", "publicReport.contact.tooLong",
                    "联系方式不能超过 " + MAX_CONTACT + " 个字符", MAX_CONTACT));
        }
        return site;
    }

    private Instant receivedAt(NationalMessage m, String prefix, List<FieldProblem> problems) {
        String text = m.receivedAt() == null ? "" : m.receivedAt().strip();
        Instant at = null;
        try {
            at = text.length() == 19 && text.charAt(10) == ' '
                    ? java.time.LocalDateTime.parse(text.replace(' ', 'T')).atZone(WorkingDayCalendar.ZONE).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (RuntimeException e) {
            problems.add(FieldProblem.of(prefix + "receivedAt", "publicReport.receivedAt.invalid",
                    "第 " + m.line() + " 行：留言时间应为 2026-09-18T10:00:00+08:00 或 2026-09-18 10:00:00", m.line()));
            return null;
        }
        if (at.isAfter(clock.instant())) {
            problems.add(FieldProblem.of(prefix + "receivedAt", "publicReport.receivedAt.future",
                    "第 " + m.line() + " 行：留言时间晚于现在", m.line()));
        }
        return at;
    }

    /** The registered, active website of this address; a trailing slash or the letters' case make no difference. */
    private Website findSite(String url) {
        String bare = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return directory.websiteAt(bare).or(() -> directory.websiteAt(bare + "/"))
                .or(() -> directory.websiteAt(bare.toLowerCase()))
                .filter(Website::active).orElse(null);
    }

    static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (Exception e) {
            return false;
        }
    }

    private Optional<PublicReport> find(String column, String value) {
        return jdbc.query("select * from public_report where " + column + " = :v", Map.of("v", value),
                PublicReports::row).stream().findFirst();
    }

    static PublicReport row(ResultSet rs, int n) throws SQLException {
        Date due = rs.getDate("due_date");
        Object onTime = rs.getObject("replied_on_time");
        return new PublicReport(rs.getString("id"), rs.getString("tracking_number"), rs.getString("national_id"),
                ReportChannel.valueOf(rs.getString("channel")), instant(rs, "received_at"), rs.getString("site_url"),
                rs.getString("site_org_code"), rs.getString("region_code"), rs.getString("triage_org_code"),
                rs.getString("page_url"), rs.getString("description"), rs.getString("contact"),
                ReportStatus.valueOf(rs.getString("status")), rs.getString("duplicate_of"), rs.getString("triage_note"),
                instant(rs, "forwarded_at"), due == null ? null : rs.getObject("due_date", LocalDate.class),
                rs.getBoolean("reminded"), rs.getBoolean("overdue"), rs.getString("reply"), instant(rs, "replied_at"),
                onTime == null ? null : rs.getBoolean("replied_on_time"), rs.getString("review_note"),
                instant(rs, "closed_at"), rs.getString("case_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private static String abbreviate(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }
}
