package io.rectify.workflow;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.casefile.CaseService;
import io.rectify.casefile.OpenTasks;
import io.rectify.directory.Actor;
import io.rectify.form.FormCatalog;
import io.rectify.form.FormDefinition;
import io.rectify.form.FormValidator;
import io.rectify.kernel.ConflictException;
import io.rectify.kernel.ForbiddenException;
import io.rectify.kernel.InvalidInputException;
import io.rectify.kernel.NotFoundException;
import io.rectify.process.Routing;
import io.rectify.workflow.internal.CaseNotices;
import io.rectify.workflow.internal.WorkItems;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The task facade: a person's inbox, one task with its form, and completing it. Access is
 * decided here, not by the engine: a task is the caller's when their body is one of its
 * candidate groups and they may see its case. Completing validates the values against the
 * task's form, lets the task's handler (owned by the module whose aggregate it changes) do the
 * step, and gives the engine only the routing variables the handler returns, all in one transaction.
 */
@Service
@Transactional
public class Tasks implements OpenTasks {

    public static final int MAX_INBOX_SIZE = 500;

    private final TaskService engineTasks;
    private final HistoryService history;
    private final CaseService cases;
    private final TaskHandlers handlers;
    private final FormCatalog forms;
    private final TransactionTemplate ownTransaction;
    private final WorkItems workItems;
    private final CaseNotices notices;

    Tasks(TaskService engineTasks, HistoryService history, CaseService cases, TaskHandlers handlers, FormCatalog forms,
          PlatformTransactionManager transactions, WorkItems workItems, CaseNotices notices) {
        this.workItems = workItems;
        this.notices = notices;
        this.engineTasks = engineTasks;
        this.history = history;
        this.cases = cases;
        this.handlers = handlers;
        this.forms = forms;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The inbox: open tasks of the caller's body, most urgent first (no due date last), read from
     * the product's own {@code work_item} table (one index range scan), which the engine's task
     * listener keeps in the engine's own transaction.
     */
    @Transactional(readOnly = true)
    public List<TaskSummary> inbox(Actor actor) {
        if (actor.orgCode() == null) {
            return List.of();
        }
        return workItems.ofGroup(actor.group()).stream()
                .map(row -> new TaskSummary(row.taskId(), row.caseId(), row.caseNumber(), row.taskKey(), row.name(),
                        local(row.due())))
                .toList();
    }

    /** The {@code limit} most urgent tasks of the inbox (1 to {@value #MAX_INBOX_SIZE}). */
    @Transactional(readOnly = true)
    public List<TaskSummary> inbox(Actor actor, int limit) {
        if (limit < 1 || limit > MAX_INBOX_SIZE) {
            throw InvalidInputException.of("size", "problem.size", "每页条数应为 1 至 " + MAX_INBOX_SIZE, MAX_INBOX_SIZE);
        }
        if (actor.orgCode() == null) {
            return List.of();
        }
        return workItems.ofGroup(actor.group(), limit).stream()
                .map(row -> new TaskSummary(row.taskId(), row.caseId(), row.caseNumber(), row.taskKey(), row.name(),
                        local(row.due())))
                .toList();
    }

    @Transactional(readOnly = true)
    public TaskDetail get(Actor actor, String taskId) {
        WorkItems.Open task = mine(actor, taskId);
        FormDefinition form = formOf(task);
        return new TaskDetail(taskId, task.caseId(), task.taskKey(), task.name(), local(task.due()), form.schema(), form);
    }

    @Override
    @Transactional(readOnly = true)
    public List<OpenTask> of(String caseId) {
        return ofCases(List.of(caseId)).getOrDefault(caseId, List.of());
    }

    /** The open tasks of a page of cases in one query, by case id (cases without any are absent). */
    @Override
    @Transactional(readOnly = true)
    public Map<String, List<OpenTask>> ofCases(Collection<String> caseIds) {
        return workItems.ofCases(caseIds).stream().collect(Collectors.groupingBy(WorkItems.Row::caseId,
                LinkedHashMap::new, Collectors.mapping(row -> new OpenTask(row.taskId(), row.taskKey(), row.name()),
                        Collectors.toList())));
    }

    @Override
    @Transactional(readOnly = true)
    public List<OpenTask> of(Actor actor, String caseId) {
        if (actor.orgCode() == null) {
            return List.of();
        }
        return workItems.ofCase(caseId, actor.group()).stream()
                .map(row -> new OpenTask(row.taskId(), row.taskKey(), row.name()))
                .toList();
    }

    /**
     * Completes the caller's task with the values of its form; returns the case id. One writer
     * per case: the case row is locked first and the task read again under the lock, so a second
     * completion of the same task waits and then finds it done (409). Should the engine still
     * fail because the task vanished under it, that too is the 409 of a task already completed,
     * looked up in a transaction of its own (the failed one may be unusable). The application's
     * own refusals pass unchanged.
     */
    public String complete(Actor actor, String taskId, Map<String, ?> raw) {
        try {
            return completeMine(actor, taskId, raw);
        } catch (InvalidInputException | ForbiddenException | NotFoundException | ConflictException e) {
            throw e;
        } catch (RuntimeException e) {
            Long stillOpen = ownTransaction.execute(status -> engineTasks.createTaskQuery().taskId(taskId).count());
            if (stillOpen != null && stillOpen == 0) {
                throw new ConflictException("this task was completed meanwhile");
            }
            throw e;
        }
    }

    private String completeMine(Actor actor, String taskId, Map<String, ?> raw) {
        WorkItems.Open before = workItems.open(taskId);
        if (before == null) {
            throw gone(actor, taskId);
        }
        String caseId = before.caseId();
        cases.lock(caseId);
        // under the lock: a task completed while we waited for the case is a 409; who may do it is
        // checked here too (the case is loaded with its lock, so that costs no statement)
        WorkItems.Open task = mine(actor, taskId);
        FormDefinition form = formOf(task);
        Map<String, Object> values = FormValidator.validate(form, raw == null ? Map.of() : raw).valuesOrThrow();
        Routing routing = handlers.of(task.taskKey()).handle(caseId, actor, values);
        notices.afterTask(task.taskKey(), taskId, caseId);
        engineTasks.complete(taskId, routing.asMap());
        return caseId;
    }

    /**
     * The caller's open task, or: 409 when it was completed already (and the caller could have
     * done it), 404 when the caller may not see its case, 403 when they may see the case but
     * the task belongs to another body. Read from work_item (one statement: the case, the keys
     * and the candidate groups of the open task), which the engine's task listener keeps in step
     * in the engine's own transaction.
     */
    private WorkItems.Open mine(Actor actor, String taskId) {
        WorkItems.Open open = workItems.open(taskId);
        if (open == null) {
            throw gone(actor, taskId);
        }
        cases.visible(actor, open.caseId()); // 404 unless the caller may see the case
        if (!candidateOf(actor, open.groups())) {
            throw new ForbiddenException("this task belongs to another body");
        }
        return open;
    }

    /** A task no longer open: 409 for who could have done it, 404 for everyone else. */
    private RuntimeException gone(Actor actor, String taskId) {
        HistoricTaskInstance done = history.createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult();
        if (done != null && candidateOf(actor, groupsOfHistoric(taskId))) {
            return new ConflictException("this task was already completed");
        }
        return new NotFoundException("task " + taskId);
    }

    private Set<String> groupsOfHistoric(String taskId) {
        return history.createHistoricIdentityLinkLogQuery().taskId(taskId).type(IdentityLinkType.CANDIDATE).list().stream()
                .map(link -> link.getGroupId())
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    private static boolean candidateOf(Actor actor, Set<String> groups) {
        return actor.orgCode() != null && groups.contains(actor.group());
    }

    private FormDefinition formOf(WorkItems.Open task) {
        return forms.find(task.formKey())
                .orElseThrow(() -> new IllegalStateException("task " + task.taskKey()
                        + " has form key " + task.formKey() + " with no file in forms/"));
    }

    private static OffsetDateTime local(OffsetDateTime utc) {
        return utc == null ? null : utc.atZoneSameInstant(WorkingDayCalendar.ZONE).toOffsetDateTime();
    }

    private static OffsetDateTime local(Date date) {
        return date == null ? null : date.toInstant().atZone(WorkingDayCalendar.ZONE).toOffsetDateTime();
    }

    public record TaskSummary(String id, String caseId, String caseNumber, String taskKey, String name,
                              OffsetDateTime due) {
    }

    /** A task with its form: {@code form} is the form-js schema of forms/, exactly as in the file. */
    public record TaskDetail(String id, String caseId, String taskKey, String name, OffsetDateTime due,
                             JsonNode form, @JsonIgnore FormDefinition definition) {
    }
}
