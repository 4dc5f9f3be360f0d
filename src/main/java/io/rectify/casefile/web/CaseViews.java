package io.rectify.casefile.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.casefile.CaseFindings;
import io.rectify.casefile.CaseSanctions;
import io.rectify.casefile.CaseService;
import io.rectify.casefile.OpenTasks;
import io.rectify.casefile.RectificationCase;
import io.rectify.directory.Actor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Builds case views for an actor: open tasks from the workflow, sanctions only for those allowed. */
@Component
public class CaseViews {

    private final CaseService cases;
    private final OpenTasks openTasks;
    private final CaseSanctions sanctions;
    private final ObjectProvider<CaseFindings> findings;

    CaseViews(CaseService cases, OpenTasks openTasks, CaseSanctions sanctions, ObjectProvider<CaseFindings> findings) {
        this.cases = cases;
        this.openTasks = openTasks;
        this.sanctions = sanctions;
        this.findings = findings;
    }

    public CaseView of(Actor actor, RectificationCase c) {
        CaseFindings known = findings.getIfAvailable();
        return view(c, cases.today(), openTasks.of(c.id()), sanctions.visibleTo(actor, c),
                known == null ? null : known.of(c.id()).orElse(null));
    }

    private static CaseView view(RectificationCase c, LocalDate today, List<OpenTasks.OpenTask> tasks,
                                 List<CaseSanctions.Line> lines, CaseFindings.Monitored monitored) {
        return new CaseView(c.id(), c.caseNumber(), c.categoryCode(), c.respondentOrgCode(), c.openedByOrgCode(),
                c.title(), c.description(), c.websiteUrl(), c.source().name(), c.status().name(),
                c.outcome() == null ? null : c.outcome().name(), c.requirements(), c.deadline(),
                c.isOverdue(today), c.serious(), c.escalated(), c.escalationReason(), c.reviewStatus().name(),
                c.rejectionCount(), c.extensionUsed(), tasks, lines,
                local(c.createdAt()), local(c.closedAt()),
                monitored == null ? null : monitored.websiteId(),
                monitored == null ? List.of() : monitored.findingIds(),
                monitored == null ? null : recheck(monitored.recheck()),
                monitored == null ? null : monitored.repeatOf());
    }

    private static CaseView.Recheck recheck(CaseFindings.Recheck recheck) {
        return recheck == null ? null : new CaseView.Recheck(recheck.passed(), local(recheck.checkedAt()),
                recheck.results().stream().map(r -> new CaseView.Recheck.Result(r.indicator(), r.status(),
                        local(r.checkedAt()), r.detail())).toList());
    }

    /**
     * The views of a page of cases without a query per case: the open tasks of all of them in
     * one query, their sanctions (for a caller allowed to read them) in one more.
     */
    public List<CaseView> of(Actor actor, List<RectificationCase> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<String, List<OpenTasks.OpenTask>> tasks = openTasks.ofCases(page.stream().map(RectificationCase::id).toList());
        Map<String, List<CaseSanctions.Line>> lines = sanctions.visibleTo(actor, page);
        LocalDate today = cases.today();
        CaseFindings known = findings.getIfAvailable();
        Map<String, CaseFindings.Monitored> monitored = known == null ? Map.of()
                : known.of(page.stream().map(RectificationCase::id).toList());
        return page.stream().map(c -> view(c, today, tasks.getOrDefault(c.id(), List.of()),
                lines.getOrDefault(c.id(), List.of()), monitored.get(c.id()))).toList();
    }

    /** Timestamps in the business time zone, with their offset. */
    static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(WorkingDayCalendar.ZONE).toOffsetDateTime();
    }
}
