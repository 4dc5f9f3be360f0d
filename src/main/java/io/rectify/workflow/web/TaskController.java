package io.rectify.workflow.web;

import java.util.List;
import java.util.Map;

import io.rectify.casefile.CaseService;
import io.rectify.casefile.web.CaseView;
import io.rectify.casefile.web.CaseViews;
import io.rectify.directory.Actor;
import io.rectify.system.web.CurrentActor;
import io.rectify.workflow.Tasks;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tasks")
class TaskController {

    private final Tasks tasks;
    private final CaseService cases;
    private final CaseViews views;
    private final CurrentActor currentActor;

    TaskController(Tasks tasks, CaseService cases, CaseViews views, CurrentActor currentActor) {
        this.tasks = tasks;
        this.cases = cases;
        this.views = views;
        this.currentActor = currentActor;
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping
    List<Tasks.TaskSummary> inbox(@RequestParam(required = false) Integer size) {
        // without size: every open task (API.md); with it: the most urgent ones, for very full inboxes
        return size == null ? tasks.inbox(currentActor.get()) : tasks.inbox(currentActor.get(), size);
    }

    @PreAuthorize("isAuthenticated()")
    @GetMapping("/{id}")
    Tasks.TaskDetail get(@PathVariable String id) {
        return tasks.get(currentActor.get(), id);
    }

    @PreAuthorize("isAuthenticated()")
    @PostMapping("/{id}/complete")
    CaseView complete(@PathVariable String id, @RequestBody(required = false) Map<String, Object> values) {
        Actor actor = currentActor.get();
        String caseId = tasks.complete(actor, id, values);
        return views.of(actor, cases.load(caseId));
    }
}
