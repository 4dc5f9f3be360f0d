package io.rectify.document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectify.audit.AuditEntry;
import io.rectify.audit.AuditLog;
import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.casefile.AttachmentService;
import io.rectify.casefile.CaseRecord;
import io.rectify.casefile.CaseRecordKind;
import io.rectify.casefile.CaseService;
import io.rectify.casefile.CaseTrail;
import io.rectify.casefile.RectificationCase;
import io.rectify.category.Categories;
import io.rectify.category.Category;
import io.rectify.directory.Directory;
import io.rectify.directory.OrgKind;
import io.rectify.directory.Organization;
import io.rectify.document.DocumentModels.CaseFile;
import io.rectify.document.DocumentModels.EvidenceLine;
import io.rectify.document.DocumentModels.FileAudit;
import io.rectify.document.DocumentModels.FileDocument;
import io.rectify.document.DocumentModels.FileEvidence;
import io.rectify.document.DocumentModels.FileRecord;
import io.rectify.document.DocumentModels.Letter;
import io.rectify.document.DocumentModels.OrderBody;
import io.rectify.document.DocumentModels.ReferralBody;
import io.rectify.document.DocumentModels.ReplyBody;
import io.rectify.document.DocumentModels.ReplyLine;
import io.rectify.document.DocumentModels.ReplySanction;
import io.rectify.document.DocumentModels.SanctionBody;
import io.rectify.document.DocumentModels.SanctionLine;
import io.rectify.document.DocumentModels.UrgeBody;
import io.rectify.document.DocumentModels.TongbaoBody;
import io.rectify.document.DocumentModels.TongbaoFailing;
import io.rectify.document.DocumentModels.TongbaoRow;
import io.rectify.document.DocumentModels.TongbaoSite;
import io.rectify.document.DocumentModels.VerificationBody;
import io.rectify.inspection.Campaign;
import io.rectify.inspection.CampaignReport;
import io.rectify.inspection.CircularFromAbove;
import io.rectify.inspection.Inspections;
import io.rectify.inspection.SiteInspection;
import io.rectify.sanction.Sanction;
import io.rectify.sanction.SanctionService;
import org.apache.commons.lang3.StringUtils;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Builds each template's view model from the case as it stands: names, dates and numbers in the
 * form a 公文 writes them. The words of the documents are in the templates; the names of codes
 * (record kinds, reasons, sanction types) come from the messages in Chinese.
 */
@Component
class DocumentContent {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** audit events that tell about sanctions, and the review's decision: for those who may read the findings only */

    private final CaseService cases;
    private final AttachmentService attachments;
    private final Directory directory;
    private final Categories categories;
    private final WorkingDayCalendar calendar;
    private final SanctionService sanctions;
    private final Seals seals;
    private final AuditLog audit;
    private final MessageSource messages;
    private final ObjectMapper json;

    DocumentContent(CaseService cases, AttachmentService attachments, Directory directory, Categories categories,
                    WorkingDayCalendar calendar, SanctionService sanctions, Seals seals, AuditLog audit,
                    MessageSource messages, ObjectMapper json) {
        this.cases = cases;
        this.attachments = attachments;
        this.directory = directory;
        this.categories = categories;
        this.calendar = calendar;
        this.sanctions = sanctions;
        this.seals = seals;
        this.audit = audit;
        this.messages = messages;
        this.json = json;
    }

    /** What a document says, for its template; {@code title} and {@code number} go to the record as well. */
    record Content(String number, String title, Map<String, Object> variables) {
    }

    Content order(RectificationCase c, LocalDate issuedOn) {
        Map<String, Organization> bodies = directory.findOrganizations(c.openedByOrgCode(), c.respondentOrgCode());
        String respondent = name(bodies, c.respondentOrgCode());
        Category category = categories.find(c.categoryCode()).orElse(null);
        String title = "关于责令" + respondent + "限期整改" + c.title() + "问题的通知";
        Letter doc = letter(DocumentKind.ORDER, c.caseNumber(), title, name(bodies, c.openedByOrgCode()), c.openedByOrgCode(),
                respondent, issuedOn);
        OrderBody order = new OrderBody(c.title(), StringUtils.trimToNull(c.websiteUrl()), c.description(),
                category == null ? c.categoryCode() : DocumentText.article(category.article()),
                category == null ? c.categoryCode() : category.nameZh(),
                category == null ? "" : StringUtils.defaultString(category.legalText()),
                DocumentText.paragraphs(c.requirements()), DocumentText.date(c.deadline()),
                c.deadline() == null ? 0 : calendar.workingDaysUntil(issuedOn, c.deadline()),
                category == null ? "" : StringUtils.defaultString(category.orderDemand()));
        return new Content(doc.number(), title, Map.of("doc", doc, "evidence", evidence(c), "order", order));
    }

    Content urging(RectificationCase c, String issuerOrgCode, String message, LocalDate issuedOn, int ordinal) {
        Map<String, Organization> bodies = directory.findOrganizations(issuerOrgCode, c.openedByOrgCode(), c.respondentOrgCode());
        String respondent = name(bodies, c.respondentOrgCode());
        String title = "关于催办" + c.title() + "问题整改事项的通知";
        Letter doc = letter(DocumentKind.URGING, DocumentText.number(c.caseNumber(), DocumentKind.URGING, ordinal), title,
                name(bodies, issuerOrgCode), issuerOrgCode, respondent, issuedOn);
        UrgeBody urge = new UrgeBody(name(bodies, c.openedByOrgCode()), "关于责令" + respondent + "限期整改" + c.title() + "问题的通知",
                c.caseNumber(), c.title(), DocumentText.date(c.deadline()), DocumentText.paragraphs(message),
                c.deadline() != null && c.deadline().isBefore(issuedOn));
        return new Content(doc.number(), title, Map.of("doc", doc, "urge", urge));
    }

    Content referral(RectificationCase c, String reason, LocalDate issuedOn, int ordinal) {
        List<Organization> supervision = directory.bodiesInAndAbove(c.regionCode(), OrgKind.SUPERVISION);
        String addressee = supervision.stream()
                .sorted(Comparator.comparing((Organization o) -> !o.regionCode().equals(c.regionCode())))
                .findFirst().map(o -> blankToCode(o.nameZh(), o.code())).orElse("监察机关");
        Map<String, Organization> bodies = directory.findOrganizations(c.openedByOrgCode(), c.respondentOrgCode());
        String respondent = name(bodies, c.respondentOrgCode());
        String title = "关于移送" + respondent + c.title() + "问题的函";
        Letter doc = letter(DocumentKind.REFERRAL, DocumentText.number(c.caseNumber(), DocumentKind.REFERRAL, ordinal), title,
                name(bodies, c.openedByOrgCode()), c.openedByOrgCode(), addressee, issuedOn);
        List<String> timeline = new ArrayList<>();
        for (CaseRecord r : cases.records(c.id())) {
            if (r.kind() == CaseRecordKind.REVIEW) {
                continue;
            }
            timeline.add(DocumentText.date(LocalDate.ofInstant(r.occurredAt(), WorkingDayCalendar.ZONE)) + "，"
                    + message("record." + r.kind().name(), r.kind().name()) + "。");
        }
        ReferralBody body = new ReferralBody(respondent, c.title(), c.caseNumber(), categoryName(c),
                message("review.reason." + reason, StringUtils.defaultString(reason)), c.description(), timeline);
        return new Content(doc.number(), title, Map.of("doc", doc, "evidence", evidence(c), "referral", body));
    }

    Content verification(RectificationCase c, LocalDate issuedOn, int ordinal) {
        Map<String, Organization> bodies = directory.findOrganizations(c.openedByOrgCode(), c.respondentOrgCode());
        String respondent = name(bodies, c.respondentOrgCode());
        Map<String, Object> verdict = cases.records(c.id()).stream()
                .filter(r -> r.kind() == CaseRecordKind.VERIFICATION)
                .reduce((first, second) -> second)
                .map(r -> read(r.dataJson())).orElse(Map.of());
        boolean accepted = Boolean.TRUE.equals(verdict.get("accepted"));
        String title = "关于" + respondent + c.title() + "问题整改情况的核查意见";
        Letter doc = letter(DocumentKind.VERIFICATION, DocumentText.number(c.caseNumber(), DocumentKind.VERIFICATION, ordinal),
                title, name(bodies, c.openedByOrgCode()), c.openedByOrgCode(), respondent, issuedOn);
        Object deadline = verdict.get("deadline");
        VerificationBody body = new VerificationBody(c.title(), c.caseNumber(), accepted,
                deadline == null ? null : DocumentText.date(LocalDate.parse(deadline.toString())),
                DocumentText.paragraphs((String) verdict.get("comment")));
        return new Content(doc.number(), title, Map.of("doc", doc, "verification", body));
    }

    Content sanctionRecord(RectificationCase c, String issuerOrgCode, LocalDate issuedOn, int ordinal) {
        List<Sanction> recorded = sanctions.ofCase(c.id());
        List<String> codes = new ArrayList<>(List.of(issuerOrgCode, c.openedByOrgCode(), c.respondentOrgCode()));
        recorded.forEach(s -> codes.add(s.orgCode()));
        Map<String, Organization> bodies = directory.findOrganizations(codes.toArray(String[]::new));
        String title = c.caseNumber() + "案处分情况登记表";
        Letter doc = letter(DocumentKind.SANCTION_RECORD, DocumentText.number(c.caseNumber(), DocumentKind.SANCTION_RECORD, ordinal),
                title, name(bodies, issuerOrgCode), issuerOrgCode, name(bodies, c.openedByOrgCode()), issuedOn);
        List<SanctionLine> lines = recorded.stream().map(s -> new SanctionLine(DocumentText.masked(s.personName()), s.post(),
                name(bodies, s.orgCode()), message("sanctions.responsibility." + s.responsibility().name(), s.responsibility().name()),
                message("sanctions.type." + s.type().name(), s.type().name()), s.decisionNumber(),
                DocumentText.date(s.decisionDate()), s.periodEnds() == null ? "—" : DocumentText.date(s.periodEnds()))).toList();
        SanctionBody body = new SanctionBody(c.title(), c.caseNumber(), name(bodies, c.respondentOrgCode()), lines);
        return new Content(doc.number(), title, Map.of("doc", doc, "record", body));
    }

    /** What a defect may say of its evidence in the 通报: its first line, shortened; the inspection keeps the rest. */
    private static final int DEFECT_EVIDENCE = 120;

    /**
     * A campaign's 通报, numbered {@code number}: its figures from the report, as the results page
     * shows them, and its failing sites by name with each failed item and its evidence.
     */
    Content tongbao(CampaignReport report, String number, LocalDate issuedOn, LocalDate reportsDue) {
        Campaign campaign = report.campaign();
        List<String> codes = new ArrayList<>(List.of(campaign.officeCode()));
        report.sites().forEach(s -> codes.add(s.orgCode()));
        Map<String, Organization> bodies = directory.findOrganizations(codes.stream().distinct().toArray(String[]::new));
        String title = "关于" + campaign.name() + "情况的通报";
        Letter doc = letter(DocumentKind.TONGBAO, number, title, name(bodies, campaign.officeCode()), campaign.officeCode(),
                "各有关单位", issuedOn);
        List<TongbaoRow> strata = report.byRegionAndLevel().stream()
                .map(r -> new TongbaoRow(regionName(r.regionCode()), message("inspections.level." + r.level().name(),
                        r.level().name()), r.tally().checked(), r.tally().qualified(), DocumentText.percent(r.tally().rate())))
                .toList();
        List<TongbaoFailing> failing = new ArrayList<>();
        for (CampaignReport.FailingSite f : report.failing()) {
            failing.add(new TongbaoFailing(ordinal(failing.size() + 1), f.site().websiteName(),
                    f.site().websiteUrl(), name(bodies, f.site().orgCode()), verdict(f.site()),
                    f.defects().stream().map(DocumentContent::defect).toList()));
        }
        List<TongbaoSite> sites = new ArrayList<>();
        for (SiteInspection s : report.sites()) {
            sites.add(new TongbaoSite(sites.size() + 1, s.websiteName(), name(bodies, s.orgCode()),
                    s.isFinal() && s.score() != null ? s.score().stripTrailingZeros().toPlainString() : "—",
                    !s.isFinal() ? "—" : Boolean.TRUE.equals(s.vetoed()) ? "是" : "否",
                    !s.isFinal() ? "未完成" : Boolean.TRUE.equals(s.qualified()) ? "合格" : "不合格"));
        }
        CampaignReport.Tally total = report.total();
        TongbaoBody body = new TongbaoBody(campaign.name(),
                DocumentText.date(campaign.periodFrom()) + "至" + DocumentText.date(campaign.periodTo()),
                regionName(campaign.regionCode()), report.checklistVersion(), campaign.population(), report.sites().size(),
                total.checked(), total.qualified(), total.failed(), total.pending(), DocumentText.percent(total.rate()),
                strata, failing, DocumentText.date(reportsDue), calendar.workingDaysUntil(issuedOn, reportsDue), sites);
        return new Content(number, title, Map.of("doc", doc, "tongbao", body));
    }

    /**
     * The reply to a 通报 from above, numbered {@code number}: each line with its case and outcome
     * (the day it closed, or 整改中), and the sanctions recorded on the lines' cases. The reply is the
     * office's report to its superior, so it names whom each sanction concerns by post and body; the
     * name is masked as in the 处分情况登记表, since only the supervision bodies read names (the
     * issuing office reads this document too). Each case whose sanctions it reads is on the record.
     */
    Content reply(CircularFromAbove circular, String number, LocalDate issuedOn, String actor) {
        List<String> codes = new ArrayList<>(List.of(circular.officeCode()));
        circular.lines().forEach(l -> codes.add(l.orgCode()));
        Map<String, List<Sanction>> recorded = new java.util.LinkedHashMap<>();
        Map<String, String> caseNumbers = new java.util.HashMap<>();
        for (CircularFromAbove.Line l : circular.lines()) {
            if (l.caseId() != null && !recorded.containsKey(l.caseId())) {
                List<Sanction> found = sanctions.ofCase(l.caseId());
                recorded.put(l.caseId(), found);
                caseNumbers.put(l.caseId(), l.caseNumber());
                found.forEach(x -> codes.add(x.orgCode()));
                if (!found.isEmpty()) {
                    audit.record(actor, "SANCTIONS_READ", l.caseId(), found.size() + " record(s) in the reply to " + circular.number());
                }
            }
        }
        Map<String, Organization> bodies = directory.findOrganizations(codes.stream().distinct().toArray(String[]::new));
        String title = "关于" + circular.number() + "通报问题整改情况的报告";
        Letter doc = letter(DocumentKind.CIRCULAR_REPLY, number, title, name(bodies, circular.officeCode()),
                circular.officeCode(), circular.issuer(), issuedOn);
        List<ReplyLine> lines = new ArrayList<>();
        int done = 0;
        for (CircularFromAbove.Line l : circular.lines()) {
            done += l.done() ? 1 : 0;
            lines.add(new ReplyLine(lines.size() + 1, l.websiteName(), name(bodies, l.orgCode()), l.defect(),
                    l.caseNumber() == null ? "尚未立案" : "案件编号" + l.caseNumber(), outcome(l)));
        }
        List<ReplySanction> accountability = new ArrayList<>();
        recorded.forEach((caseId, found) -> found.forEach(x -> accountability.add(new ReplySanction(caseNumbers.get(caseId),
                DocumentText.masked(x.personName()), x.post(), name(bodies, x.orgCode()),
                message("sanctions.responsibility." + x.responsibility().name(), x.responsibility().name()),
                message("sanctions.type." + x.type().name(), x.type().name()), x.decisionNumber(),
                DocumentText.date(x.decisionDate())))));
        ReplyBody body = new ReplyBody(circular.issuer(), circular.number(), DocumentText.date(circular.issuedOn()),
                DocumentText.date(circular.replyDue()), lines.size(), done, lines, accountability);
        return new Content(number, title, Map.of("doc", doc, "reply", body));
    }

    /** Where a line stands, in the reply's words: the outcome and the day its case closed, or 整改中. */
    private static String outcome(CircularFromAbove.Line l) {
        if ("CLOSED".equals(l.caseStatus())) {
            String closed = l.closedAt() == null ? ""
                    : "，" + DocumentText.date(LocalDate.ofInstant(l.closedAt(), WorkingDayCalendar.ZONE)) + "办结";
            return ("WAIVED".equals(l.outcome()) ? "网站已依法关停" : "已整改") + closed;
        }
        if (l.caseId() == null && "DISMISSED".equals(l.findingStatus())) {
            return "经核查不属实" + (StringUtils.isBlank(l.dismissReason()) ? "" : "（" + StringUtils.abbreviate(l.dismissReason(), 200) + "）");
        }
        return l.caseId() == null ? "核查中" : "整改中";
    }

    /** 一 … 九十九, as the headings count; Arabic beyond, where Chinese numerals would need 百. */
    private static String ordinal(int n) {
        return n < 100 ? DocumentText.chinese(n) : String.valueOf(n);
    }

    private static String verdict(SiteInspection site) {
        return Boolean.TRUE.equals(site.vetoed()) ? "单项否决"
                : "得分" + (site.score() == null ? "—" : site.score().stripTrailingZeros().toPlainString()) + "分";
    }

    /** 首页不更新（首页最后更新于2026年9月1日）: the item, and the first line of its evidence. */
    private static String defect(Inspections.FailedItem item) {
        String evidence = DocumentText.paragraphs(item.evidence()).stream().findFirst().orElse("");
        return evidence.isEmpty() ? item.title() : item.title() + "（" + StringUtils.abbreviate(evidence, DEFECT_EVIDENCE) + "）";
    }

    private String regionName(String code) {
        return directory.region(code).map(r -> blankToCode(r.nameZh(), code)).orElse(code);
    }

    /**
     * The case file's own pages. Without {@code findings} (who may not read the review's findings and
     * the sanctions) the review's words and the sanctions' audit events are left out, as on the case page.
     */
    Map<String, Object> caseFile(RectificationCase c, List<FileDocument> documents, boolean findings, Instant madeAt) {
        Map<String, Organization> bodies = directory.findOrganizations(c.openedByOrgCode(), c.respondentOrgCode());
        List<FileRecord> records = cases.records(c.id()).stream()
                .map(r -> new FileRecord(minute(r.occurredAt()), message("record." + r.kind().name(), r.kind().name()),
                        r.actor(), r.kind() == CaseRecordKind.REVIEW && !findings ? message("record.reviewDecided", "")
                        : recordText(r)))
                .toList();
        List<FileEvidence> evidence = attachments.ofCase(c.id()).stream()
                .map(a -> new FileEvidence(a.name(), a.sizeBytes(), a.uploadedBy() + " " + minute(a.uploadedAt()), a.sha256()))
                .toList();
        List<FileAudit> trail = new ArrayList<>();
        for (AuditEntry e : audit.ofCase(c.id())) {
            if (!CaseTrail.shows(e.action(), findings)) {
                continue;
            }
            String detail = StringUtils.defaultString(CaseTrail.detail(e.action(), e.detail(), findings));
            trail.add(new FileAudit(e.sequence(), minute(e.occurredAt()), e.actor(),
                    message("audit.action." + e.action(), e.action()), detail));
        }
        CaseFile file = new CaseFile(c.caseNumber(), c.title(), categoryName(c), name(bodies, c.respondentOrgCode()),
                name(bodies, c.openedByOrgCode()), DocumentText.date(LocalDate.ofInstant(c.createdAt(), WorkingDayCalendar.ZONE)),
                message("status." + c.status().name(), c.status().name()),
                c.closedAt() == null ? "—" : DocumentText.date(LocalDate.ofInstant(c.closedAt(), WorkingDayCalendar.ZONE)),
                minute(madeAt), documents, records, evidence, trail);
        return Map.of("file", file);
    }

    private String recordText(CaseRecord r) {
        if (r.kind() == CaseRecordKind.CLOSED) {
            return message("outcome." + r.summary(), r.summary());
        }
        if (r.kind() == CaseRecordKind.ESCALATION) {
            return message("review.reason." + r.summary(), r.summary());
        }
        return r.summary();
    }

    private Letter letter(DocumentKind kind, String number, String title, String issuerName, String issuerOrgCode,
                          String addressee, LocalDate issuedOn) {
        String seal = seals.of(issuerOrgCode).map(png -> "data:image/png;base64," + Base64.getEncoder().encodeToString(png))
                .orElse(null);
        return new Letter(kind, number, title, issuerName, DocumentText.markSize(issuerName), addressee,
                DocumentText.date(issuedOn), seal);
    }

    private List<EvidenceLine> evidence(RectificationCase c) {
        return attachments.ofCase(c.id()).stream().map(a -> new EvidenceLine(a.name(), a.sha256())).toList();
    }

    private String categoryName(RectificationCase c) {
        return categories.find(c.categoryCode()).map(Category::nameZh).orElse(c.categoryCode());
    }

    /** A body's name, or its code when it has none configured: a document is issued all the same. */
    private static String name(Map<String, Organization> bodies, String code) {
        Organization body = bodies.get(code);
        return body == null ? StringUtils.defaultString(code) : blankToCode(body.nameZh(), code);
    }

    private static String blankToCode(String name, String code) {
        return StringUtils.isBlank(name) ? code : name.strip();
    }

    private String message(String key, String fallback) {
        return messages.getMessage(key, null, fallback, ZH);
    }

    private static String minute(Instant at) {
        return at == null ? "" : LocalDateTime.ofInstant(at, WorkingDayCalendar.ZONE).format(MINUTE);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String data) {
        if (data == null) {
            return Map.of();
        }
        try {
            return json.readValue(data, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a case record", e);
        }
    }
}
