package io.rectify.inspection;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.rectify.audit.AuditLog;
import io.rectify.directory.Actor;
import io.rectify.finding.Findings;
import io.rectify.finding.InspectedFailure;
import io.rectify.kernel.ConflictException;
import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.ForbiddenException;
import io.rectify.kernel.InvalidInputException;
import io.rectify.kernel.NotFoundException;
import io.rectify.monitoring.CheckResult;
import io.rectify.monitoring.CheckStatus;
import io.rectify.monitoring.Indicator;
import io.rectify.monitoring.LatestResults;
import io.rectify.monitoring.ProbeEvidence;
import org.apache.commons.lang3.StringUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inspection form of one sampled site: every item of the campaign's checklist, entered and
 * saved as a draft (kept in the database, so a restart loses nothing), reviewed by a second
 * inspector if the office wishes (calibration), and finalised once, which scores it.
 */
@Service
public class Inspections {

    private static final int MAX_EVIDENCE = 4000;
    private static final int MAX_ATTACHMENT = 400;
    private static final BigDecimal WHOLE = BigDecimal.valueOf(100);

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final Checklists checklists;
    private final LatestResults monitoring;
    private final Findings findings;
    private final AuditLog audit;
    private final java.time.Clock clock;

    Inspections(JdbcClient jdbc, Campaigns campaigns, Checklists checklists, LatestResults monitoring,
                Findings findings, AuditLog audit, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.checklists = checklists;
        this.monitoring = monitoring;
        this.findings = findings;
        this.audit = audit;
        this.clock = clock;
    }

    /** The form: the site's inspection, the checklist it is scored by, the answers so far and the score they give. */
    public record Form(Campaign campaign, SiteInspection inspection, Checklist checklist, Map<String, Answer> answers,
                       Scoring.Result preview) {
    }

    /** What an inspector saves: whether the site is a department without public services, and answers by item. */
    public record Entry(Boolean noPublicService, List<Answer> answers) {
    }

    /** The form of a sampled site; opened the first time, it is prefilled from the monitoring's latest results. */
    @Transactional
    public Form form(Actor actor, long campaignId, long websiteId) {
        Campaign campaign = campaigns.visible(actor, campaignId);
        SiteInspection inspection = inspection(campaignId, websiteId);
        Checklist checklist = checklists.byId(campaign.checklistId());
        if (inspection.status() == SiteInspection.Status.NEW && campaign.open()) {
            prefill(inspection, checklist);
            inspection = inspection(campaignId, websiteId);
        }
        Map<String, Answer> answers = answers(inspection.id());
        return new Form(campaign, inspection, checklist, answers, score(checklist, inspection, answers));
    }

    /** Assigns a sampled site to an inspector: a supervisor of the office that started the campaign. */
    @Transactional
    public SiteInspection assign(Actor actor, long campaignId, long websiteId, String inspector, String reviewer) {
        Campaign campaign = openOfTheOffice(actor, campaignId);
        SiteInspection inspection = inspection(campaignId, websiteId);
        if (inspection.isFinal()) {
            throw new ConflictException("the inspection of site " + websiteId + " is final");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (!isInspectorOf(campaign, inspector)) {
            problems.add(FieldProblem.of("inspector", "inspection.assign.notInspector",
                    "检查人员须为本单位的监督人员：" + inspector, String.valueOf(inspector)));
        }
        if (reviewer != null && !reviewer.isBlank() && (!isInspectorOf(campaign, reviewer) || reviewer.equals(inspector))) {
            problems.add(FieldProblem.of("reviewer", "inspection.assign.reviewer",
                    "复核人员须为本单位的另一名监督人员：" + reviewer, reviewer));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("update inspection set inspector = ?, reviewer = ? where id = ?")
                .params(inspector, reviewer == null || reviewer.isBlank() ? null : reviewer, inspection.id()).update();
        audit.record(actor.username(), "INSPECTION_ASSIGNED", null,
                "campaign " + campaignId + " site " + websiteId + " to " + inspector);
        return inspection(campaignId, websiteId);
    }

    /** Saves what was entered as a draft; a final inspection or a closed campaign → 409. */
    @Transactional
    public Form save(Actor actor, long campaignId, long websiteId, Entry entry) {
        Campaign campaign = openOfTheOffice(actor, campaignId);
        SiteInspection inspection = inspection(campaignId, websiteId);
        if (inspection.isFinal()) {
            throw new ConflictException("the inspection of site " + websiteId + " is final");
        }
        if (inspection.inspector() != null && !inspection.inspector().equals(actor.username())
                && !actor.username().equals(inspection.reviewer())) {
            throw new ForbiddenException("the site is assigned to " + inspection.inspector());
        }
        Checklist checklist = checklists.byId(campaign.checklistId());
        boolean noPublicService = entry.noPublicService() == null ? inspection.noPublicService() : entry.noPublicService();
        List<Answer> answers = entry.answers() == null ? List.of() : entry.answers();
        validate(checklist, answers);
        for (Answer answer : answers) {
            upsert(inspection.id(), answer);
        }
        jdbc.sql("""
                        update inspection set status = 'DRAFT', no_public_service = ?, updated_at = ?,
                            inspector = coalesce(inspector, ?), version = version + 1 where id = ?""")
                .params(noPublicService, Times.utc(clock.instant()), actor.username(), inspection.id()).update();
        return form(actor, campaignId, websiteId);
    }

    /**
     * A second inspector's calibration: a note, and any answers they correct, before the score is
     * final. The inspector who entered the form does not review it.
     */
    @Transactional
    public Form review(Actor actor, long campaignId, long websiteId, String note, List<Answer> corrections) {
        Campaign campaign = openOfTheOffice(actor, campaignId);
        SiteInspection inspection = inspection(campaignId, websiteId);
        if (inspection.isFinal()) {
            throw new ConflictException("the inspection of site " + websiteId + " is final");
        }
        if (actor.username().equals(inspection.inspector())) {
            throw new ForbiddenException("a score is reviewed by a second inspector, not by the one who entered it");
        }
        if (note == null || note.isBlank() || note.length() > 2000) {
            throw InvalidInputException.of("note", "inspection.review.note", "须写明复核意见（不超过2000字）");
        }
        Checklist checklist = checklists.byId(campaign.checklistId());
        List<Answer> changed = corrections == null ? List.of() : corrections;
        validate(checklist, changed);
        changed.forEach(answer -> upsert(inspection.id(), answer));
        jdbc.sql("update inspection set reviewer = ?, review_note = ?, status = 'SUBMITTED', updated_at = ?, version = version + 1 where id = ?")
                .params(actor.username(), note.strip(), Times.utc(clock.instant()), inspection.id()).update();
        audit.record(actor.username(), "INSPECTION_REVIEWED", null, "campaign " + campaignId + " site " + websiteId);
        return form(actor, campaignId, websiteId);
    }

    /**
     * Scores the inspection and freezes it. Every item must be judged, and every failed one carry
     * its evidence (400 naming the item); finalised twice → 409. Its failed items become findings at
     * once, in this transaction: the score is final, so the failures are facts the office acts on now,
     * not when the campaign closes (see {@link #findingsOf}).
     */
    @Transactional
    public Form finalise(Actor actor, long campaignId, long websiteId) {
        Campaign campaign = openOfTheOffice(actor, campaignId);
        SiteInspection inspection = inspection(campaignId, websiteId);
        if (inspection.isFinal()) {
            throw new ConflictException("the inspection of site " + websiteId + " is already final");
        }
        Checklist checklist = checklists.byId(campaign.checklistId());
        Map<String, Answer> answers = answers(inspection.id());
        List<FieldProblem> problems = new ArrayList<>();
        for (ChecklistItem item : checklist.items()) {
            Answer answer = answers.get(item.code());
            if (!item.appliesTo(inspection.noPublicService()) || item.part() == ChecklistPart.BONUS) {
                continue;
            }
            if (answer == null || answer.result() == null) {
                problems.add(FieldProblem.of("answers." + item.code() + ".result", "inspection.answer.unjudged",
                        "尚未判定：" + item.title(), item.title()));
            } else if (answer.failed() && !answer.hasEvidence()) {
                problems.add(FieldProblem.of("answers." + item.code() + ".evidence", "inspection.answer.evidence",
                        "不合格项须附证据：" + item.title(), item.title()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Scoring.Result result = score(checklist, inspection, answers);
        int changed = jdbc.sql("""
                        update inspection set status = 'FINAL', score = ?, vetoed = ?, qualified = ?, finalised_at = ?,
                            finalised_by = ?, version = version + 1 where id = ? and status <> 'FINAL'""")
                .params(result.score(), result.vetoed(), result.qualified(), Times.utc(clock.instant()),
                        actor.username(), inspection.id())
                .update();
        if (changed == 0) {
            throw new ConflictException("the inspection of site " + websiteId + " is already final");
        }
        audit.record(actor.username(), "INSPECTION_FINALISED", null, "campaign " + campaignId + " site " + websiteId
                + (result.vetoed() ? " vetoed " + result.vetoItems() : " score " + result.score()));
        findings.record(findingsOf(campaign, actor.username(), failed(campaign, checklist, inspection.id())));
        return form(actor, campaignId, websiteId);
    }

    /**
     * The failed items a finding can take: every item that names an indicator, whose category the
     * findings' decision table gives — the monitoring's, and those only an inspector judges (a
     * security incident, useless services, the policy, service-statistics and reply columns). The
     * bonus names none: it is never failed.
     */
    private List<InspectedFailure> findingsOf(Campaign campaign, String actor, List<FailedItem> failed) {
        List<InspectedFailure> failures = new ArrayList<>();
        java.time.Instant now = clock.instant();
        for (FailedItem item : failed) {
            Indicator indicator = indicator(item.indicator());
            if (indicator != null) {
                failures.add(new InspectedFailure(campaign.id(), campaign.name(), item.inspectionId(), item.itemCode(),
                        item.title(), item.websiteId(), indicator, item.evidence(), item.attachment(), now, actor));
            }
        }
        return failures;
    }

    /** The indicator an item names, or null: a later year's checklist may name one the monitoring does not know. */
    private static Indicator indicator(String name) {
        if (name == null) {
            return null;
        }
        try {
            return Indicator.valueOf(name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /** The inspections assigned to the caller (or reviewed by them) in open campaigns, for "my inspections". */
    @Transactional(readOnly = true)
    public List<SiteInspection> mine(Actor actor) {
        return jdbc.sql(Campaigns.SELECT_INSPECTION + """
                         join inspection_campaign c on c.id = i.campaign_id
                        where c.status = 'OPEN' and (i.inspector = ? or i.reviewer = ?) order by i.campaign_id, i.website_id""")
                .params(actor.username(), actor.username()).query(Campaigns::inspection).list();
    }

    /**
     * Every failed item of the final inspections of a campaign, by site: what becomes a finding
     * (or a case) in the category the item maps to, with the inspection as its evidence.
     */
    @Transactional(readOnly = true)
    public List<FailedItem> failedItems(long campaignId) {
        Campaign campaign = campaigns.find(campaignId);
        return failed(campaign, checklists.byId(campaign.checklistId()), null);
    }

    /** The failed items of the campaign's final inspections, or of one of them. */
    private List<FailedItem> failed(Campaign campaign, Checklist checklist, Long inspectionId) {
        long campaignId = campaign.id();
        return jdbc.sql("""
                        select i.id, i.website_id, i.org_code, a.item_code, a.points, a.evidence, a.attachment
                        from inspection i join inspection_answer a on a.inspection_id = i.id
                        where i.campaign_id = :campaign and i.status = 'FINAL' and a.result = 'FAIL'
                          and (cast(:inspection as bigint) is null or i.id = :inspection)
                        order by i.website_id, a.item_code""")
                .param("campaign", campaignId).param("inspection", inspectionId)
                .query((row, n) -> {
                    ChecklistItem item = checklist.item(row.getString("item_code")).orElseThrow();
                    return new FailedItem(campaignId, row.getLong("id"), row.getLong("website_id"), row.getString("org_code"),
                            item.code(), item.title(), item.part(), item.indicator(), row.getBigDecimal("points"),
                            row.getString("evidence"), row.getString("attachment"));
                })
                .list();
    }

    /** One failed item of a final inspection. {@code indicator} is the item's monitoring indicator, the key of its category. */
    public record FailedItem(long campaignId, long inspectionId, long websiteId, String orgCode, String itemCode,
                             String title, ChecklistPart part, String indicator, BigDecimal points, String evidence,
                             String attachment) {
    }

    Scoring.Result score(Checklist checklist, SiteInspection inspection, Map<String, Answer> answers) {
        Map<String, Scoring.Mark> marks = new HashMap<>();
        answers.forEach((code, answer) -> marks.put(code, new Scoring.Mark(answer.failed(), answer.points())));
        return Scoring.score(checklist.items(), marks, inspection.level() == SiteLevel.PORTAL, inspection.noPublicService());
    }

    Map<String, Answer> answers(long inspectionId) {
        return jdbc.sql("select item_code, result, points, evidence, attachment, prefilled from inspection_answer where inspection_id = ?")
                .param(inspectionId)
                .query((row, i) -> new Answer(row.getString("item_code"),
                        row.getString("result") == null ? null : Answer.Result.valueOf(row.getString("result")),
                        row.getBigDecimal("points"), row.getString("evidence"), row.getString("attachment"),
                        row.getBoolean("prefilled")))
                .list().stream().collect(Collectors.toMap(Answer::itemCode, a -> a, (a, b) -> a, LinkedHashMap::new));
    }

    SiteInspection inspection(long campaignId, long websiteId) {
        return jdbc.sql(Campaigns.SELECT_INSPECTION + " where i.campaign_id = ? and i.website_id = ?")
                .params(campaignId, websiteId).query(Campaigns::inspection).optional()
                .orElseThrow(() -> new NotFoundException("site " + websiteId + " in campaign " + campaignId));
    }

    private Campaign openOfTheOffice(Actor actor, long campaignId) {
        Campaign campaign = campaigns.visible(actor, campaignId);
        campaigns.requireOfTheOffice(actor, campaign);
        if (!campaign.open()) {
            throw new ConflictException("campaign " + campaignId + " is closed");
        }
        return campaign;
    }

    private boolean isInspectorOf(Campaign campaign, String username) {
        return username != null && jdbc.sql(
                        "select count(*) from app_user where username = ? and org_code = ? and role = 'SUPERVISOR' and enabled = true")
                .params(username, campaign.officeCode()).query(Integer.class).single() > 0;
    }

    private void prefill(SiteInspection inspection, Checklist checklist) {
        List<CheckResult> latest = monitoring.latest(inspection.websiteId());
        for (ChecklistItem item : checklist.items()) {
            if (item.indicator() == null) {
                continue;
            }
            latest.stream().filter(r -> r.indicator().name().equals(item.indicator()) && r.status() != CheckStatus.INCONCLUSIVE)
                    .findFirst().ifPresent(result -> {
                        boolean failed = result.failed();
                        String evidence = failed ? evidenceOf(result) : null;
                        BigDecimal points = failed && item.part() == ChecklistPart.DEDUCTION ? item.maxPoints() : null;
                        upsert(inspection.id(), new Answer(item.code(), failed ? Answer.Result.FAIL : Answer.Result.PASS,
                                points, evidence, null, true));
                    });
        }
        jdbc.sql("update inspection set status = 'DRAFT', updated_at = ? where id = ? and status = 'NEW'")
                .params(Times.utc(clock.instant()), inspection.id()).update();
    }

    private static String evidenceOf(CheckResult result) {
        StringBuilder text = new StringBuilder("监测 " + result.indicator() + " " + result.checkedAt() + ": "
                + (result.detail() == null ? "" : result.detail()));
        for (ProbeEvidence probe : result.evidence() == null ? List.<ProbeEvidence>of() : result.evidence()) {
            text.append("\n").append(probe.url()).append(" ").append(probe.status()).append(" ")
                    .append(probe.fetchedAt()).append(" sha256:").append(probe.sha256());
        }
        return text.length() > MAX_EVIDENCE ? text.substring(0, MAX_EVIDENCE) : text.toString();
    }

    private void upsert(long inspectionId, Answer answer) {
        int changed = jdbc.sql("""
                        update inspection_answer set result = ?, points = ?, evidence = ?, attachment = ?, prefilled = ?
                        where inspection_id = ? and item_code = ?""")
                .params(answer.result() == null ? null : answer.result().name(), answer.points(),
                        StringUtils.stripToNull(answer.evidence()), StringUtils.stripToNull(answer.attachment()),
                        answer.prefilled(), inspectionId, answer.itemCode())
                .update();
        if (changed == 0) {
            jdbc.sql("""
                            insert into inspection_answer (inspection_id, item_code, result, points, evidence, attachment, prefilled)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(inspectionId, answer.itemCode(), answer.result() == null ? null : answer.result().name(),
                            answer.points(), StringUtils.stripToNull(answer.evidence()),
                            StringUtils.stripToNull(answer.attachment()), answer.prefilled())
                    .update();
        }
    }

    /** Each answer against its item: a known item, a failed one with evidence, points within the item's range. */
    static void validate(Checklist checklist, List<Answer> answers) {
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i);
            String at = "answers[" + i + "]";
            ChecklistItem item = answer.itemCode() == null ? null : checklist.item(answer.itemCode()).orElse(null);
            if (item == null) {
                problems.add(FieldProblem.of(at + ".itemCode", "inspection.answer.item",
                        "检查指标中没有这一项：" + answer.itemCode(), String.valueOf(answer.itemCode())));
                continue;
            }
            if (answer.failed() && !answer.hasEvidence()) {
                problems.add(FieldProblem.of(at + ".evidence", "inspection.answer.evidence",
                        "不合格项须附证据：" + item.title(), item.title()));
            }
            if (answer.evidence() != null && answer.evidence().length() > MAX_EVIDENCE) {
                problems.add(FieldProblem.of(at + ".evidence", "inspection.answer.evidenceLength", "证据不超过4000字"));
            }
            if (answer.attachment() != null && answer.attachment().length() > MAX_ATTACHMENT) {
                problems.add(FieldProblem.of(at + ".attachment", "inspection.answer.attachmentLength", "附件引用不超过400字"));
            }
            BigDecimal points = answer.points();
            if (points != null && points.signum() != 0) {
                BigDecimal max = item.maxPoints() != null ? item.maxPoints()
                        : item.part() == ChecklistPart.BONUS ? Scoring.BONUS_MAX : WHOLE;
                boolean allowed = switch (item.part()) {
                    case VETO -> false;
                    case DEDUCTION -> answer.failed();
                    case BONUS -> true;
                };
                if (!allowed || points.signum() < 0 || points.compareTo(max) > 0 || points.scale() > 2) {
                    problems.add(FieldProblem.of(at + ".points", "inspection.answer.points",
                            item.part() == ChecklistPart.VETO ? "单项否决指标不计分：" + item.title()
                                    : item.part() == ChecklistPart.DEDUCTION && !answer.failed()
                                    ? "未判定不合格的项不扣分：" + item.title()
                                    : "分值须在0与" + max.stripTrailingZeros().toPlainString() + "之间：" + item.title(),
                            item.title(), max));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
