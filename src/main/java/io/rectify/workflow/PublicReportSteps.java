package io.rectify.workflow;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.rectify.directory.Actor;
import io.rectify.form.FormCatalog;
import io.rectify.form.FormDefinition;
import io.rectify.form.FormValidator;
import io.rectify.kernel.ConflictException;
import io.rectify.kernel.ForbiddenException;
import io.rectify.kernel.NotFoundException;
import io.rectify.process.PublicReportTasks;
import io.rectify.process.Routing;
import io.rectify.publicreport.PublicReports;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of a public error report (bpmn/public-report.bpmn) for the people who do them: which
 * are open for the caller, and doing one. As with a case's tasks, access is decided here: the caller
 * must see the report (else 404) and their body must be the step's candidate (else 403); the values
 * are checked against the step's form ({@code forms/<task key>.form}) and the step is done by the
 * task handler of its key, in one transaction with the engine's completion.
 */
@Service
@Transactional
public class PublicReportSteps {

    private static final List<String> KEYS = List.of(PublicReportTasks.TRIAGE, PublicReportTasks.REPLY,
            PublicReportTasks.REVIEW);

    private final TaskService engineTasks;
    private final PublicReports reports;
    private final TaskHandlers handlers;
    private final FormCatalog forms;

    PublicReportSteps(TaskService engineTasks, PublicReports reports, TaskHandlers handlers, FormCatalog forms) {
        this.engineTasks = engineTasks;
        this.reports = reports;
        this.handlers = handlers;
        this.forms = forms;
    }

    /** The keys of the report's open steps that the caller's body does (at most one). */
    @Transactional(readOnly = true)
    public List<String> openFor(Actor actor, String reportId) {
        reports.visible(actor, reportId);
        return openTasks(reportId).stream()
                .filter(task -> candidate(actor, task))
                .map(Task::getTaskDefinitionKey)
                .toList();
    }

    /** The form of a step: its schema drives the page, the API's answer and the check of what is sent. */
    public FormDefinition form(String taskKey) {
        if (!KEYS.contains(taskKey)) {
            throw new NotFoundException("step " + taskKey);
        }
        return forms.get(taskKey);
    }

    /**
     * Does the step: 404 when the caller may not see the report, 409 when the step is not open (done
     * meanwhile, or not reached), 403 when another body does it, 400 naming the field for bad values.
     */
    public void complete(Actor actor, String reportId, String taskKey, Map<String, ?> raw) {
        FormDefinition form = form(taskKey);
        reports.visible(actor, reportId);
        reports.lock(reportId);
        Task task = openTasks(reportId).stream()
                .filter(t -> t.getTaskDefinitionKey().equals(taskKey))
                .findFirst()
                .orElseThrow(() -> new ConflictException("this report has no open step " + taskKey));
        if (!candidate(actor, task)) {
            throw new ForbiddenException("this step belongs to another body");
        }
        Map<String, Object> values = FormValidator.validate(form, raw == null ? Map.of() : raw).valuesOrThrow();
        Routing routing = handlers.of(taskKey).handle(reportId, actor, values);
        engineTasks.complete(task.getId(), routing.asMap());
    }

    private List<Task> openTasks(String reportId) {
        return engineTasks.createTaskQuery()
                .processDefinitionKey(PublicReportProcess.KEY)
                .processInstanceBusinessKey(reportId)
                .active()
                .list();
    }

    private boolean candidate(Actor actor, Task task) {
        return actor.orgCode() != null && engineTasks.getIdentityLinksForTask(task.getId()).stream()
                .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
                        && Objects.equals(link.getGroupId(), actor.group()));
    }
}
