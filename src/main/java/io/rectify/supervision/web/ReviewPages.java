package io.rectify.supervision.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.rectify.casefile.CaseSearch;
import io.rectify.casefile.CaseService;
import io.rectify.casefile.OpenTasks;
import io.rectify.casefile.RectificationCase;
import io.rectify.casefile.ReviewStatus;
import io.rectify.directory.Actor;
import io.rectify.directory.Directory;
import io.rectify.directory.Organization;
import io.rectify.directory.Role;
import io.rectify.kernel.ForbiddenException;
import io.rectify.system.web.CurrentActor;
import io.rectify.system.web.PageController;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The supervision authority's review queue: the escalated cases of its region and below, those
 * waiting for its review first, each with the open review or sanction task to act on.
 */
@PageController
class ReviewPages {

    static final String VIEW_QUEUE = "review/queue";
    /** a region's queue is tens of cases; beyond this many the oldest decided ones drop off */
    static final int QUEUE_LIMIT = 200;
    static final List<String> REVIEW_TASKS = List.of("reviewEscalation", "recordSanctions");

    private final CaseSearch search;
    private final CaseService cases;
    private final OpenTasks openTasks;
    private final Directory directory;
    private final CurrentActor currentActor;

    ReviewPages(CaseSearch search, CaseService cases, OpenTasks openTasks, Directory directory, CurrentActor currentActor) {
        this.search = search;
        this.cases = cases;
        this.openTasks = openTasks;
        this.directory = directory;
        this.currentActor = currentActor;
    }

    @GetMapping("/reviews")
    @PreAuthorize("hasRole('SUPERVISION')")
    String queue(Model model) {
        Actor actor = currentActor.get();
        if (actor.role() != Role.SUPERVISION) {
            throw new ForbiddenException("the review queue is the supervision authority's");
        }
        List<RectificationCase> escalated = search.reviewQueue(actor, QUEUE_LIMIT);
        Map<String, List<OpenTasks.OpenTask>> tasks = openTasks.ofCases(escalated.stream().map(RectificationCase::id).toList());
        Map<String, Organization> bodies = directory.organizations().stream()
                .collect(Collectors.toMap(Organization::code, Function.identity()));
        LocalDate today = cases.today();
        List<Entry> entries = escalated.stream()
                .map(c -> new Entry(c.id(), c.caseNumber(), c.title(), c.categoryCode(), bodies.get(c.respondentOrgCode()),
                        c.respondentOrgCode(), c.escalationReason(), c.seriousReason(), c.status().name(),
                        c.reviewStatus() == ReviewStatus.PENDING, c.deadline(), c.isOverdue(today),
                        tasks.getOrDefault(c.id(), List.of()).stream()
                                .filter(t -> REVIEW_TASKS.contains(t.taskKey())).toList()))
                .toList();
        model.addAttribute("pending", entries.stream().filter(Entry::pending).toList());
        model.addAttribute("decided", entries.stream().filter(e -> !e.pending()).toList());
        return VIEW_QUEUE;
    }

    /** One escalated case as the queue shows it; {@code respondent} may be null for a body since removed. */
    record Entry(String caseId, String caseNumber, String title, String categoryCode, Organization respondent,
                 String respondentOrgCode, String escalationReason, String seriousReason, String status,
                 boolean pending, LocalDate deadline, boolean overdue, List<OpenTasks.OpenTask> tasks) {
    }
}
