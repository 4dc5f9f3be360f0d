package io.rectify.workflow.internal;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Supplier;

import io.rectify.casefile.CaseService;
import io.rectify.workflow.internal.engine.UserTaskListeners;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Keeps {@code work_item} in step with the engine: a built-in listener on every user task of the
 * product's processes ({@link UserTaskListeners}, registered in {@link WorkflowConfiguration})
 * writes the task's row(s) when the engine creates it and removes them when the engine completes
 * or deletes it (interrupting boundary events, terminate end events, deleted instances: built-in
 * listeners run even when custom listeners are skipped). It runs in the engine's command, so in the
 * same transaction as the engine's own rows.
 *
 * <p>Not followed: candidate groups, names or due dates changed on a live task through the
 * task API. The product never does that (groups and due dates come from the model at creation).
 */
@Component
class WorkItemListener implements TaskListener {

    // resolved at the first task, once: the engine (and this listener) is built before them
    private final Supplier<WorkItems> workItems;
    private final Supplier<CaseService> cases;

    WorkItemListener(ObjectProvider<WorkItems> workItems, ObjectProvider<CaseService> cases) {
        this.workItems = SingletonSupplier.of(workItems::getObject);
        this.cases = SingletonSupplier.of(cases::getObject);
    }

    @Override
    public void notify(DelegateTask task) {
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            Set<String> groups = new LinkedHashSet<>();
            for (IdentityLink link : task.getCandidates()) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                    groups.add(link.getGroupId());
                }
            }
            // both processes carry the case id as business key; the case is in the persistence
            // context already (opened or locked in this transaction), so its number costs no query
            String caseId = task.getExecution().getProcessBusinessKey();
            String caseNumber = cases.get().load(caseId).caseNumber();
            // the form key as the engine evaluates it for this task (respond-${categoryCode}), kept
            // so that showing and completing the task need no engine task query
            workItems.get().opened(task.getId(), groups, caseId, caseNumber, task.getProcessInstanceId(),
                    task.getTaskDefinitionKey(), UserTaskListeners.formKey(task), task.getName(), task.getDueDate(),
                    task.getCreateTime());
        } else {
            workItems.get().closed(task.getId());
        }
    }
}
