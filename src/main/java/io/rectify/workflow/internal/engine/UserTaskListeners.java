package io.rectify.workflow.internal.engine;

import java.util.ArrayList;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * A process engine plugin whose parse listener adds one task listener, as a built-in listener, to
 * every user task of the given processes, on create, complete and delete. Built-in listeners run
 * even where custom listeners are skipped (interrupting boundary events, terminate end events,
 * deleted instances), in the engine's own command.
 */
public final class UserTaskListeners extends AbstractProcessEnginePlugin {

    private final Set<String> processKeys;
    private final TaskListener listener;

    public UserTaskListeners(Set<String> processKeys, TaskListener listener) {
        this.processKeys = Set.copyOf(processKeys);
        this.listener = listener;
    }

    /**
     * The task's form key as the engine evaluates it for this task (e.g. {@code respond-${categoryCode}}
     * gives {@code respond-A33-09}). A delegate task has no form key of its own: the engine's task
     * evaluates it on request.
     */
    public static String formKey(DelegateTask task) {
        TaskEntity entity = (TaskEntity) task;
        entity.initializeFormKey();
        return entity.getFormKey();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                ProcessDefinitionEntity process = (ProcessDefinitionEntity) activity.getProcessDefinition();
                if (processKeys.contains(process.getKey())
                        && activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    for (String event : new String[] {TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_COMPLETE,
                            TaskListener.EVENTNAME_DELETE}) {
                        userTask.getTaskDefinition().addBuiltInTaskListener(event, listener);
                    }
                }
            }
        });
    }
}
