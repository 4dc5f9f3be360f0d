package io.rectify.sanction;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.rectify.audit.AuditLog;
import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.casefile.CaseAccess;
import io.rectify.casefile.CaseSanctions;
import io.rectify.casefile.CaseService;
import io.rectify.casefile.RectificationCase;
import io.rectify.directory.Actor;
import io.rectify.directory.Directory;
import io.rectify.directory.OrgKind;
import io.rectify.directory.Organization;
import io.rectify.directory.Role;
import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.ForbiddenException;
import io.rectify.kernel.InvalidInputException;
import org.apache.commons.lang3.StringUtils;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records and reads sanctions. The records name real officials: only the supervision bodies
 * over the case's region read them, and every read is audited.
 */
@Service
@Transactional
public class SanctionService implements CaseSanctions {

    private final SanctionRepository sanctions;
    private final CaseService cases;
    private final CaseAccess access;
    private final Directory directory;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SanctionService(SanctionRepository sanctions, CaseService cases, CaseAccess access, Directory directory,
                    AuditLog audit, Clock clock, ApplicationEventPublisher events) {
        this.sanctions = sanctions;
        this.cases = cases;
        this.access = access;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Records the sanctions decided on a case. Several for one person follow 政务处分法 Art. 15:
     * the heaviest is executed, with the period {@link SanctionTerms#combine} allows at its
     * longest; the others are kept, marked absorbed, with no period of their own.
     */
    public List<Sanction> record(String caseId, Actor actor, List<NewSanction> lines) {
        RectificationCase c = cases.load(caseId);
        List<FieldProblem> problems = new ArrayList<>();
        if (lines.isEmpty()) {
            problems.add(FieldProblem.of("sanctions", "sanction.atLeastOne", "至少记录一名责任人的处分"));
        }
        Set<String> answerable = answerableBodies(c, actor);
        LocalDate opened = LocalDate.ofInstant(c.createdAt(), WorkingDayCalendar.ZONE);
        for (int i = 0; i < lines.size(); i++) {
            NewSanction line = lines.get(i);
            if (directory.findOrganization(line.orgCode()).isEmpty()) {
                problems.add(FieldProblem.of("sanctions[" + i + "].orgCode", "case.respondent.unknown",
                        "没有这个单位：" + line.orgCode(), line.orgCode()));
            } else if (!answerable.contains(line.orgCode())) {
                problems.add(FieldProblem.of("sanctions[" + i + "].orgCode", "sanction.org.outside",
                        "只能记录本案被责令单位、其上级办公厅（室）或立案机关的公职人员，且须在本机关辖区内：" + line.orgCode(),
                        line.orgCode()));
            }
            if (line.decisionDate().isAfter(cases.today())) {
                problems.add(FieldProblem.of("sanctions[" + i + "].decisionDate", "sanction.decisionDate.future",
                        "处分决定日期不能晚于今天"));
            } else if (line.decisionDate().isBefore(opened)) {
                problems.add(FieldProblem.of("sanctions[" + i + "].decisionDate", "sanction.decisionDate.beforeCase",
                        "处分决定日期不能早于立案日期 " + opened, opened.toString()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<Sanction> saved = new ArrayList<>();
        Map<String, List<NewSanction>> byPerson = lines.stream()
                .collect(Collectors.groupingBy(l -> l.orgCode() + "/" + l.personName(), LinkedHashMap::new, Collectors.toList()));
        for (List<NewSanction> ofOnePerson : byPerson.values()) {
            CombinedSanction combined = SanctionTerms.combine(ofOnePerson.stream().map(NewSanction::type).toList());
            NewSanction executed = ofOnePerson.stream().filter(l -> l.type() == combined.executed()).findFirst().orElseThrow();
            for (NewSanction l : ofOnePerson) {
                boolean isExecuted = l == executed;
                LocalDate periodEnds = isExecuted ? SanctionTerms.executedPeriodEnds(combined, l.decisionDate()).orElse(null) : null;
                saved.add(sanctions.save(new Sanction(c.id(), l.personName(), l.post(), l.orgCode(), l.responsibility(),
                        l.type(), l.decisionNumber(), l.decisionDate(), isExecuted, periodEnds, actor.username(),
                        clock.instant())));
            }
        }
        audit.record(actor.username(), "SANCTIONS_RECORDED", caseId, saved.size() + " sanction(s)");
        events.publishEvent(new SanctionsRecorded(caseId, actor.username()));
        return saved;
    }

    /**
     * The bodies a sanction on this case may name, for the recording form to choose from: those
     * {@link #record} accepts from this actor. None for whoever may not read the case's sanctions.
     */
    @Transactional(readOnly = true)
    public List<Organization> answerableBodies(Actor actor, String caseId) {
        RectificationCase c = cases.visible(actor, caseId);
        if (!access.canSeeSanctions(actor, c)) {
            return List.of();
        }
        Set<String> codes = answerableBodies(c, actor);
        Map<String, Organization> bodies = directory.findOrganizations(codes.toArray(String[]::new));
        return codes.stream().map(bodies::get).toList();
    }

    /**
     * The bodies whose officials answer for a case: its respondent, the offices over the
     * respondent's region (the respondent's superiors) and the body that opened it — of these, those
     * in the recording supervision body's own region and below.
     */
    private Set<String> answerableBodies(RectificationCase c, Actor supervision) {
        Set<String> candidates = new LinkedHashSet<>();
        candidates.add(c.respondentOrgCode());
        directory.bodiesInAndAbove(c.regionCode(), OrgKind.OFFICE).forEach(office -> candidates.add(office.code()));
        candidates.add(c.openedByOrgCode());
        Set<String> regions = directory.regionAndBelow(supervision.regionCode());
        Map<String, Organization> bodies = directory.findOrganizations(candidates.toArray(String[]::new));
        return candidates.stream().filter(code -> bodies.containsKey(code) && regions.contains(bodies.get(code).regionCode()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * The sanctions of a case, for the 处分情况登记表 the system issues when they are recorded. The
     * register masks the names ({@code io.rectify.document}); this read is the recording's own.
     */
    @Transactional(readOnly = true)
    public List<Sanction> ofCase(String caseId) {
        return sanctions.findByCaseIdOrderById(caseId);
    }

    /** The sanctions of a case, for a caller who may read them; empty for everyone else. */
    @Override
    public List<Line> visibleTo(Actor actor, RectificationCase c) {
        if (!access.canSeeSanctions(actor, c)) {
            return List.of();
        }
        List<Sanction> found = sanctions.findByCaseIdOrderById(c.id());
        if (!found.isEmpty()) {
            audit.record(actor.username(), "SANCTIONS_READ", c.id(), found.size() + " record(s) on the case page");
        }
        return found.stream().map(SanctionService::line).toList();
    }

    private static Line line(Sanction s) {
        return new Line(s.personName(), s.post(), s.orgCode(), s.responsibility().name(), s.type().name(),
                s.decisionNumber(), s.decisionDate(), s.periodEnds(), s.executed());
    }

    /** The sanctions of a page of cases: one query for those the caller may read, audited per case as above. */
    @Override
    public Map<String, List<Line>> visibleTo(Actor actor, List<RectificationCase> page) {
        Map<String, List<Line>> byCase = new LinkedHashMap<>();
        List<String> readable = page.stream().filter(c -> access.canSeeSanctions(actor, c)).map(RectificationCase::id).toList();
        if (readable.isEmpty()) {
            return byCase;
        }
        for (Sanction s : sanctions.findByCaseIdInOrderById(readable)) {
            byCase.computeIfAbsent(s.caseId(), id -> new ArrayList<>()).add(line(s));
        }
        byCase.forEach((caseId, lines) -> audit.record(actor.username(), "SANCTIONS_READ", caseId,
                lines.size() + " record(s) on the case page"));
        return byCase;
    }

    /**
     * The registry: a supervision body reads the sanctions of cases in its region and below, and no
     * one else reads it at all — not the system or audit administrators, who see in the audit record
     * that reads happened, never the records. Another region's records are not listed to a
     * supervision body, not even masked: a search by name would otherwise tell it that the person
     * was sanctioned. Every read is audited.
     */
    public List<RegistryEntry> search(Actor actor, String personName, String orgCode) {
        return registry(actor, personName, orgCode, "registry search");
    }

    /** The same records as {@link #search}, for an export; audited as one. */
    public List<RegistryEntry> export(Actor actor, String personName, String orgCode) {
        return registry(actor, personName, orgCode, "registry export");
    }

    private List<RegistryEntry> registry(Actor actor, String personName, String orgCode, String what) {
        if (actor.role() != Role.SUPERVISION) {
            throw new ForbiddenException("只有监察机关可以查阅处分登记 / Only supervision bodies read the sanctions registry");
        }
        Specification<Sanction> spec = (root, query, cb) -> cb.conjunction();
        if (StringUtils.isNotBlank(personName)) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("personName"), personName.trim()));
        }
        if (StringUtils.isNotBlank(orgCode)) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("orgCode"), orgCode.trim()));
        }
        List<Sanction> found = sanctions.findAll(spec, org.springframework.data.domain.Sort.by("id"));
        Map<String, RectificationCase> ofSanctions = cases.byId(found.stream().map(Sanction::caseId).collect(Collectors.toSet()));
        Set<String> regions = directory.regionAndBelow(actor.regionCode());
        found = found.stream().filter(s -> regions.contains(ofSanctions.get(s.caseId()).regionCode())).toList();
        audit.record(actor.username(), "SANCTIONS_READ", null, what + " person=" + StringUtils.defaultString(personName)
                + " org=" + StringUtils.defaultString(orgCode) + ": " + found.size() + " record(s)");
        return found.stream().map(s -> new RegistryEntry(s.caseId(), ofSanctions.get(s.caseId()).caseNumber(),
                s.personName(), s.post(), s.orgCode(), s.responsibility().name(),
                s.type().name(), s.decisionNumber(), s.decisionDate(), s.periodEnds(), s.executed())).toList();
    }

    /** One line of the registry, as the caller may read it. */
    public record RegistryEntry(String caseId, String caseNumber, String personName, String post, String orgCode,
                                String responsibility, String type, String decisionNumber, LocalDate decisionDate,
                                LocalDate periodEnds, boolean executed) {
    }
}
