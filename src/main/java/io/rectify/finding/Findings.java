package io.rectify.finding;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.rectify.audit.AuditLog;
import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.casefile.CaseService;
import io.rectify.casefile.CaseStatus;
import io.rectify.casefile.OpenCase;
import io.rectify.casefile.RectificationCase;
import io.rectify.directory.Actor;
import io.rectify.directory.Directory;
import io.rectify.directory.OrgKind;
import io.rectify.directory.Organization;
import io.rectify.directory.Role;
import io.rectify.directory.Website;
import io.rectify.directory.WebsiteRepository;
import io.rectify.kernel.ConflictException;
import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.ForbiddenException;
import io.rectify.kernel.InvalidInputException;
import io.rectify.kernel.NotFoundException;
import io.rectify.kernel.UnsafeText;
import io.rectify.monitoring.CheckFailed;
import io.rectify.monitoring.CheckResult;
import io.rectify.monitoring.EvidenceArchive;
import io.rectify.monitoring.Indicator;
import org.apache.commons.lang3.StringUtils;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed checks, the failed items of final inspections and the defects a 通报 from above names become
 * findings, and findings become cases. A failure opens a finding unless one is open for the site and
 * indicator already, or a case a finding of it went into is still open (the case's re-check follows
 * it). A supervisor of the site's jurisdiction confirms a finding into a new case, whose source the
 * finding's origin gives ({@link FindingOrigin#caseSource()}: MONITOR for the monitoring's, INSPECTION
 * for an inspection's or a 通报's), or into the open case of the same site and category, or dismisses
 * it with a reason (核减); both are audited. An office may have the monitoring's failures of an
 * indicator open cases at once.
 * <p>
 * Who sees findings: the supervisors (offices) whose jurisdiction holds the site's body. A finding is
 * a suspicion until a supervisor confirms it; the department sees the case it becomes, not the
 * findings before (least privilege: nobody else needs them to act).
 */
@Service
@Transactional
public class Findings {

    /** Who the case file and the audit log name when an office's setting opened the case, not a person. */
    public static final String AUTO_OPENER = "monitor";
    static final int MAX_REASON = 2000;

    private final FindingStore store;
    private final FindingCategories categories;
    private final WebsiteRepository websites;
    private final Directory directory;
    private final CaseService cases;
    private final AuditLog audit;
    private final MessageSource messages;
    private final FindingSettings settings;
    private final EvidenceArchive archive;
    private final Clock clock;

    Findings(FindingStore store, FindingCategories categories, WebsiteRepository websites, Directory directory,
             CaseService cases, AuditLog audit, MessageSource messages, FindingSettings settings, EvidenceArchive archive,
             Clock clock) {
        this.store = store;
        this.categories = categories;
        this.websites = websites;
        this.directory = directory;
        this.cases = cases;
        this.audit = audit;
        this.messages = messages;
        this.settings = settings;
        this.archive = archive;
        this.clock = clock;
    }

    /**
     * A check failed: in the transaction that stored its result. Writes a finding at most; whatever
     * cannot be decided here (a site unknown, a case that cannot be opened automatically) leaves the
     * finding for a person, and never fails the monitoring's transaction.
     */
    @EventListener
    public void on(CheckFailed event) {
        CheckResult result = event.result();
        if (!result.failed()) {
            return;
        }
        if (followed(result.websiteId(), result.indicator())) {
            return;
        }
        Website site = websites.findById(result.websiteId()).orElse(null);
        if (site == null) {
            return;
        }
        String category = categories.categoryOf(result.indicator());
        String repeatOf = cases.closedRecentlyOnSite(site.url(), category).orElse(null);
        Finding finding = new Finding(UUID.randomUUID().toString(), site.id(), result.indicator(), category,
                FindingStatus.OPEN, FindingOrigin.MONITORING, result.detail(), result.checkedAt() == null ? clock.instant() : result.checkedAt(),
                null, repeatOf, null, null, null,
                result.evidence() == null ? List.of() : result.evidence().stream()
                        .map(e -> new Finding.Evidence(e.id(), e.url(), e.status(), e.fetchedAt(), e.sha256())).toList());
        if (!store.insertIfNoneOpen(finding, null, null)) {
            return;
        }
        archive.keep(finding.evidence().stream().map(Finding.Evidence::probeEvidenceId).toList());
        autoOpen(finding, site);
    }

    /**
     * The failed items of a final inspection: each becomes a finding of its indicator's category
     * (the same decision table as the monitoring's), with the inspection as its evidence, unless this
     * inspection's item opened one already (once, whatever runs again), or a finding or a case of the
     * site and indicator is open (it follows the failure already). A supervisor confirms or dismisses
     * it as any other: the office's setting to open cases at once is about the monitoring's own
     * failures, which no person has looked at, not about what an inspector judged. Returns how many
     * findings opened.
     */
    public int record(List<InspectedFailure> failures) {
        int opened = 0;
        for (InspectedFailure failure : failures) {
            if (store.isFromInspection(failure.inspectionId(), failure.itemCode())
                    || followed(failure.websiteId(), failure.indicator())) {
                continue;
            }
            Website site = websites.findById(failure.websiteId()).orElse(null);
            if (site == null) {
                continue;
            }
            String category = categories.categoryOf(failure.indicator());
            Finding finding = new Finding(UUID.randomUUID().toString(), site.id(), failure.indicator(), category,
                    FindingStatus.OPEN, FindingOrigin.INSPECTION, inspected(failure), failure.finalisedAt(), null,
                    cases.closedRecentlyOnSite(site.url(), category).orElse(null), null, null, null, List.of());
            if (!store.insertIfNoneOpen(finding, failure.inspectionId(), failure.itemCode())) {
                continue;
            }
            audit.record(failure.finalisedBy(), "FINDING_FROM_INSPECTION", null, "finding " + finding.id() + " "
                    + failure.indicator() + " on " + site.url() + " from campaign " + failure.campaignId()
                    + " inspection " + failure.inspectionId() + " item " + failure.itemCode());
            opened++;
        }
        return opened;
    }

    /**
     * A defect that a 通报 from above names on a site, as a finding takes it: its indicator (the key
     * of its category and of the one-open-finding rule) and the 通报's words, which are its evidence.
     */
    public record CitedDefect(long websiteId, Indicator indicator, String detail, Instant citedAt) {
    }

    /** What follows a cited defect: the finding it opened or found open, and the case, once there is one. */
    public record Followed(String findingId, String caseId) {
    }

    /**
     * A defect named by a 通报 from above, imported by an office's supervisor. Like a failed check it
     * opens a finding unless one is open for the site and indicator (then the line follows that one)
     * or an open case follows the defect already (then the line follows the case). With
     * {@code openCase} (the office's choice on the import) the finding is confirmed at once, in the
     * supervisor's name: a new case, or the open case of the same site and category. The new case's
     * source is that of the finding: INSPECTION for the one the line opened, but the monitoring's (or
     * an inspection's) for one open before, whose failure was seen first there.
     */
    public Followed cite(Actor actor, CitedDefect defect, boolean openCase) {
        Website site = siteVisibleTo(actor, defect.websiteId());
        Optional<String> open = store.openFinding(site.id(), defect.indicator());
        if (open.isEmpty()) {
            Optional<String> following = openCaseFollowing(site.id(), defect.indicator());
            if (following.isPresent()) {
                return new Followed(null, following.get());
            }
        }
        String findingId = open.orElse(null);
        if (findingId == null) {
            String category = categories.categoryOf(defect.indicator());
            Finding fresh = new Finding(UUID.randomUUID().toString(), site.id(), defect.indicator(), category,
                    FindingStatus.OPEN, FindingOrigin.CIRCULAR, StringUtils.abbreviate(defect.detail(), 4000),
                    defect.citedAt(), null,
                    cases.closedRecentlyOnSite(site.url(), category).orElse(null), null, null, null, List.of());
            if (store.insertIfNoneOpen(fresh, null, null)) {
                findingId = fresh.id();
                audit.record(actor.username(), "FINDING_CITED", null, "finding " + fresh.id() + " "
                        + defect.indicator() + " on " + site.url() + ": " + StringUtils.abbreviate(defect.detail(), 200));
            } else {
                // a failure of the site was seen at this moment: the line follows the finding it opened
                findingId = store.openFinding(site.id(), defect.indicator()).orElseThrow();
            }
        }
        if (!openCase) {
            return new Followed(findingId, null);
        }
        Finding finding = store.lock(findingId).orElseThrow();
        if (finding.status() != FindingStatus.OPEN) {
            return new Followed(finding.id(), finding.caseId());
        }
        return new Followed(finding.id(), confirmAs(actor, finding, site).caseOf().id());
    }

    /** The finding's detail: the campaign, the item and the inspector's evidence, as the case's description will quote it. */
    private String inspected(InspectedFailure failure) {
        return StringUtils.abbreviate(messages.getMessage("finding.inspection.detail", new Object[] {
                failure.campaignName(), String.valueOf(failure.campaignId()), String.valueOf(failure.inspectionId()), failure.itemTitle(),
                StringUtils.defaultIfBlank(failure.evidence(), "—"), StringUtils.defaultIfBlank(failure.attachment(), "—"),
                failure.finalisedBy()}, Locale.SIMPLIFIED_CHINESE), 4000);
    }

    /**
     * Whether an open finding or an open case follows this failure of the site already: a failure
     * seen again (every probe of a site that is down) stops here, before the site is loaded.
     */
    private boolean followed(long websiteId, Indicator indicator) {
        return store.isOpen(websiteId, indicator) || tracked(websiteId, indicator);
    }

    /** Whether a case that a finding of this site and indicator went into is still open: it follows the failure already. */
    private boolean tracked(long websiteId, Indicator indicator) {
        return openCaseFollowing(websiteId, indicator).isPresent();
    }

    /** The open case that a finding of this site and indicator went into, if any. */
    private Optional<String> openCaseFollowing(long websiteId, Indicator indicator) {
        List<String> caseIds = store.casesOf(websiteId, indicator);
        return caseIds.isEmpty() ? Optional.empty() : cases.byId(Set.copyOf(caseIds)).values().stream()
                .filter(c -> c.status() != CaseStatus.CLOSED).map(RectificationCase::id).sorted().findFirst();
    }

    /**
     * The nearest office above the site's body that chose to open cases of this indicator at once,
     * and may open a case against the body, confirms the finding in its name.
     */
    private void autoOpen(Finding finding, Website site) {
        List<String> openers = store.autoOpeners(finding.indicator());
        if (openers.isEmpty() || !site.active()) {
            return;
        }
        Organization owner = directory.findOrganization(site.orgCode()).orElse(null);
        if (owner == null) {
            return;
        }
        List<String> chain = directory.regionAndAbove(owner.regionCode());
        directory.findOrganizations(openers.toArray(String[]::new)).values().stream()
                .filter(office -> office.kind() == OrgKind.OFFICE && office.active() && office.approved()
                        && chain.contains(office.regionCode()))
                .sorted(Comparator.comparingInt((Organization office) -> chain.indexOf(office.regionCode()))
                        .thenComparing(Organization::code))
                .map(office -> new Actor(AUTO_OPENER, Role.SUPERVISOR, office.code(), office.kind(), office.regionCode()))
                .filter(office -> cases.mayOpenAgainst(office, site.orgCode()))
                .findFirst()
                .ifPresent(office -> confirmAs(office, finding, site));
    }

    /** The findings the caller may see, newest first: a supervisor's jurisdiction; nobody else sees any. */
    @Transactional(readOnly = true)
    public List<Finding> list(Actor actor, FindingStatus status, Long websiteId) {
        if (actor.role() != Role.SUPERVISOR || actor.regionCode() == null) {
            return List.of();
        }
        return store.search(directory.regionAndBelow(actor.regionCode()), status, websiteId, settings.listLimit());
    }

    /** A finding the caller may see, or 404. */
    @Transactional(readOnly = true)
    public Finding visible(Actor actor, String id) {
        Finding finding = store.find(id).orElseThrow(() -> new NotFoundException("finding " + id));
        siteVisibleTo(actor, finding.websiteId());
        return finding;
    }

    /**
     * The stored body of a response a finding was judged on: for who may see the finding, or its
     * case (the department answering it). 404 otherwise, as for a response the finding does not name.
     */
    @Transactional(readOnly = true)
    public EvidenceArchive.Body evidenceBody(Actor actor, String id, long probeId) {
        Finding finding = store.find(id).orElseThrow(() -> new NotFoundException("finding " + id));
        if (!mayReadEvidence(actor, finding)
                || finding.evidence().stream().noneMatch(e -> e.probeEvidenceId() == probeId && e.sha256() != null)) {
            throw new NotFoundException("evidence " + probeId);
        }
        return archive.body(probeId).orElseThrow(() -> new NotFoundException("evidence " + probeId));
    }

    private boolean mayReadEvidence(Actor actor, Finding finding) {
        Website site = websites.findById(finding.websiteId()).orElse(null);
        if (site != null && canSee(actor, site)) {
            return true;
        }
        if (finding.caseId() == null) {
            return false;
        }
        try {
            cases.visible(actor, finding.caseId());
            return true;
        } catch (NotFoundException notTheirs) {
            return false;
        }
    }

    /** The site of a finding the caller may see, or 404. */
    @Transactional(readOnly = true)
    public Website siteOf(Actor actor, Finding finding) {
        return siteVisibleTo(actor, finding.websiteId());
    }

    private Website siteVisibleTo(Actor actor, long websiteId) {
        Website site = websites.findById(websiteId).orElse(null);
        if (site == null || !canSee(actor, site)) {
            throw new NotFoundException("finding");
        }
        return site;
    }

    private boolean canSee(Actor actor, Website site) {
        if (actor.role() != Role.SUPERVISOR || actor.regionCode() == null) {
            return false;
        }
        return directory.findOrganization(site.orgCode())
                .map(owner -> directory.isWithin(owner.regionCode(), actor.regionCode()))
                .orElse(false);
    }

    /** What a confirmation did: opened a case, or attached the finding to the open case of its site and category. */
    public record Confirmation(RectificationCase caseOf, boolean opened) {
    }

    /** A supervisor confirms a finding: a new case, or the open case of the same site and category. Once only. */
    public Confirmation confirm(Actor actor, String id) {
        Finding finding = store.lock(id).orElseThrow(() -> new NotFoundException("finding " + id));
        Website site = siteVisibleTo(actor, finding.websiteId());
        requireOpen(finding);
        return confirmAs(actor, finding, site);
    }

    private Confirmation confirmAs(Actor actor, Finding finding, Website site) {
        Instant now = clock.instant();
        Optional<RectificationCase> open = cases.openCaseOnSite(site.url(), finding.categoryCode());
        if (open.isPresent()) {
            RectificationCase joined = open.get();
            store.confirm(finding.id(), joined.id(), actor.username(), now);
            store.monitoredCase(joined.id(), site.id(), null);
            audit.record(actor.username(), "FINDING_ATTACHED", joined.id(), "finding " + finding.id() + " "
                    + finding.indicator() + " on " + site.url() + " joins " + joined.caseNumber());
            return new Confirmation(joined, false);
        }
        OpenCase command = new OpenCase(finding.categoryCode(), site.orgCode(), title(finding, site),
                description(finding, site), site.url(), finding.origin().caseSource(), false, null);
        RectificationCase opened = cases.open(actor, command, finding.repeatOf());
        store.confirm(finding.id(), opened.id(), actor.username(), now);
        store.monitoredCase(opened.id(), site.id(), finding.repeatOf());
        audit.record(actor.username(), "FINDING_CONFIRMED", opened.id(), "finding " + finding.id() + " "
                + finding.indicator() + " on " + site.url() + (finding.repeatOf() != null ? ", repeats " + finding.repeatOf() : "")
                + (AUTO_OPENER.equals(actor.username()) ? ", opened automatically for " + actor.orgCode() : ""));
        return new Confirmation(opened, true);
    }

    /** 核减: the supervisor dismisses a finding with a reason; audited. */
    public Finding dismiss(Actor actor, String id, String reason) {
        Finding finding = store.lock(id).orElseThrow(() -> new NotFoundException("finding " + id));
        Website site = siteVisibleTo(actor, finding.websiteId());
        String text = StringUtils.strip(reason);
        if (StringUtils.isEmpty(text)) {
            throw InvalidInputException.of("reason", "finding.dismiss.reasonRequired", "核减须写明理由");
        }
        if (text.length() > MAX_REASON) {
            throw InvalidInputException.of("reason", "form.maxLength", "不能超过 " + MAX_REASON + " 字", "reason", MAX_REASON);
        }
        Optional<FieldProblem> unsafe = UnsafeText.problem("reason", text);
        if (unsafe.isPresent()) {
            throw new InvalidInputException(List.of(unsafe.get()));
        }
        requireOpen(finding);
        store.dismiss(finding.id(), text, actor.username(), clock.instant());
        audit.record(actor.username(), "FINDING_DISMISSED", null, "finding " + finding.id() + " " + finding.indicator()
                + " on " + site.url() + ": " + text);
        return store.find(id).orElseThrow();
    }

    private static void requireOpen(Finding finding) {
        if (finding.status() != FindingStatus.OPEN) {
            throw new ConflictException("finding " + finding.id() + " is " + finding.status(), "finding.decided");
        }
    }

    // ---- opening cases at once, per office and indicator -----------------------------------------

    /** Which indicators' failures the office turns into cases at once: the office's supervisors and the administrator read it. */
    @Transactional(readOnly = true)
    public Map<Indicator, Boolean> autoOpen(Actor actor, String orgCode) {
        String office = settingsOffice(actor, orgCode);
        Set<Indicator> on = store.autoOpenOf(office);
        Map<Indicator, Boolean> all = new EnumMap<>(Indicator.class);
        // the setting is about the monitoring's own failures, which no person has looked at
        for (Indicator indicator : Indicator.values()) {
            if (indicator.probed()) {
                all.put(indicator, on.contains(indicator));
            }
        }
        return all;
    }

    public Map<Indicator, Boolean> changeAutoOpen(Actor actor, String orgCode, Indicator indicator, boolean enabled) {
        String office = settingsOffice(actor, orgCode);
        if (indicator == null || !indicator.probed()) {
            throw InvalidInputException.of("indicator", "finding.indicator.unknown", "没有这个监测指标");
        }
        store.autoOpen(office, indicator, enabled);
        audit.record(actor.username(), "FINDING_AUTO_OPEN_CHANGED", null, office + " " + indicator + " " + (enabled ? "on" : "off"));
        return autoOpen(actor, office);
    }

    /** The office whose setting is meant: the administrator names any office, a supervisor only their own. */
    private String settingsOffice(Actor actor, String orgCode) {
        String code = StringUtils.defaultIfBlank(StringUtils.strip(orgCode), actor.orgCode());
        boolean admin = actor.role() == Role.ADMIN;
        if (!admin && !(actor.role() == Role.SUPERVISOR && code != null && code.equals(actor.orgCode()))) {
            throw new ForbiddenException("only the administrator or the office's own supervisors change its setting");
        }
        Organization office = code == null ? null : directory.findOrganization(code).orElse(null);
        if (office == null || office.kind() != OrgKind.OFFICE) {
            throw InvalidInputException.of("orgCode", "finding.autoOpen.notAnOffice", "应为政府办公厅（室）的单位代码",
                    String.valueOf(code));
        }
        return office.code();
    }

    // ---- the case's words ----------------------------------------------------------------------

    private String title(Finding finding, Website site) {
        return StringUtils.abbreviate(messages.getMessage("finding.case.title",
                new Object[] {site.name(), indicatorName(finding.indicator())}, Locale.SIMPLIFIED_CHINESE), 200);
    }

    private String description(Finding finding, Website site) {
        // who found it, in the words of the order the department reads: the monitoring, an inspector, a 通报
        StringBuilder text = new StringBuilder(messages.getMessage("finding.case.description." + finding.origin().name(),
                new Object[] {site.name(), site.url(), indicatorName(finding.indicator()),
                        StringUtils.defaultIfBlank(finding.detail(), "—")}, Locale.SIMPLIFIED_CHINESE));
        if (!finding.evidence().isEmpty()) {
            text.append(messages.getMessage("finding.case.evidence", null, Locale.SIMPLIFIED_CHINESE));
        }
        for (Finding.Evidence e : finding.evidence()) {
            text.append("\n- ").append(e.url()).append(" HTTP ").append(e.status() == null ? "—" : e.status())
                    .append(' ').append(e.fetchedAt() == null ? "" : e.fetchedAt().atZone(WorkingDayCalendar.ZONE)
                            .toOffsetDateTime())
                    .append(e.sha256() == null ? "" : " SHA-256 " + e.sha256());
        }
        return StringUtils.abbreviate(text.toString(), 4000);
    }

    private String indicatorName(Indicator indicator) {
        return messages.getMessage("finding.indicator." + indicator.name(), null, indicator.name(), Locale.SIMPLIFIED_CHINESE);
    }
}
