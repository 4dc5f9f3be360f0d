package io.rectify.casefile.web;

import java.time.Instant;
import java.time.OffsetDateTime;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.casefile.CaseSanctions;
import io.rectify.casefile.CaseService;
import io.rectify.casefile.OpenTasks;
import io.rectify.casefile.RectificationCase;
import io.rectify.directory.Actor;
import org.springframework.stereotype.Component;

/** Builds case views for an actor: open tasks from the workflow, sanctions only for those allowed. */
@Component
public class CaseViews {

    private final CaseService cases;
    private final OpenTasks openTasks;
    private final CaseSanctions sanctions;

    CaseViews(CaseService cases, OpenTasks openTasks, CaseSanctions sanctions) {
        this.cases = cases;
        this.openTasks = openTasks;
        this.sanctions = sanctions;
    }

    public CaseView of(Actor actor, RectificationCase c) {
        return new CaseView(c.id(), c.caseNumber(), c.categoryCode(), c.respondentOrgCode(), c.openedByOrgCode(),
                c.title(), c.description(), c.websiteUrl(), c.source().name(), c.status().name(),
                c.outcome() == null ? null : c.outcome().name(), c.requirements(), c.deadline(),
                c.isOverdue(cases.today()), c.serious(), c.escalated(), c.escalationReason(), c.reviewStatus().name(),
                c.rejectionCount(), c.extensionUsed(), openTasks.of(c.id()), sanctions.visibleTo(actor, c),
                local(c.createdAt()), local(c.closedAt()));
    }

    /** Timestamps in the business time zone, with their offset. */
    static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(WorkingDayCalendar.ZONE).toOffsetDateTime();
    }
}
