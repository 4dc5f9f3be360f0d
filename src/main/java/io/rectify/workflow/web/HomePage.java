package io.rectify.workflow.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.rectify.casefile.CaseFilter;
import io.rectify.casefile.CaseSearch;
import io.rectify.casefile.CaseService;
import io.rectify.casefile.CaseStatus;
import io.rectify.casefile.RectificationCase;
import io.rectify.casefile.web.Countdown;
import io.rectify.directory.Actor;
import io.rectify.process.CaseTasks;
import io.rectify.system.web.CurrentActor;
import io.rectify.system.web.PageController;
import io.rectify.workflow.StepNames;
import io.rectify.workflow.Tasks;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Home: my tasks, most urgent first, each with its case's countdown light, and the counts of what waits. */
@PageController
class HomePage {

    static final String VIEW = "home";

    private final Tasks tasks;
    private final CaseService cases;
    private final CaseSearch search;
    private final Countdown countdown;
    private final StepNames stepNames;
    private final CurrentActor currentActor;

    HomePage(Tasks tasks, CaseService cases, CaseSearch search, Countdown countdown, StepNames stepNames,
             CurrentActor currentActor) {
        this.tasks = tasks;
        this.cases = cases;
        this.search = search;
        this.countdown = countdown;
        this.stepNames = stepNames;
        this.currentActor = currentActor;
    }

    @GetMapping("/")
    @PreAuthorize("isAuthenticated()")
    String home(Model model, Locale locale) {
        Actor actor = currentActor.get();
        List<Tasks.TaskSummary> inbox = tasks.inbox(actor);
        Map<String, RectificationCase> byId = cases.byId(inbox.stream().map(Tasks.TaskSummary::caseId)
                .collect(Collectors.toSet()));
        model.addAttribute("tasks", inbox.stream().map(t -> {
            RectificationCase c = byId.get(t.caseId());
            return new InboxRow(t.id(), t.caseId(), t.caseNumber(),
                    stepNames.of(t.taskKey(), t.name(), locale),
                    c == null ? "" : c.title(), c == null || c.deadline() == null ? null : c.deadline().toString(),
                    c == null ? null : countdown.of(c),
                    // a report the office sent back: the department answers it again
                    CaseTasks.RESPOND.equals(t.taskKey()) && c != null && c.rejectionCount() > 0);
        }).toList());
        model.addAttribute("counts", List.of(
                new Count("home.count.tasks", inbox.size(), "/"),
                new Count("home.count.ordered", count(actor, new CaseFilter(CaseStatus.ORDERED, null, null, null, null)),
                        "/cases?status=ORDERED"),
                new Count("home.count.responded", count(actor, new CaseFilter(CaseStatus.RESPONDED, null, null, null, null)),
                        "/cases?status=RESPONDED"),
                new Count("home.count.overdue", count(actor, new CaseFilter(null, null, null, null, true)),
                        "/cases?overdue=true"),
                new Count("home.count.escalated", count(actor, new CaseFilter(null, null, null, true, null)),
                        "/cases?escalated=true")));
        return VIEW;
    }

    private long count(Actor actor, CaseFilter filter) {
        return search.search(actor, filter, 0, 1, cases.today()).getTotalElements();
    }

    record InboxRow(String id, String caseId, String caseNumber, String name, String title, String deadline,
                    Countdown.Light light, boolean returned) {
    }

    record Count(String label, long value, String link) {
    }
}
