package io.rectify.workflow;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.rectify.process.TaskHandler;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The modules' task handlers by task key. Checked against the models at startup, so the application
 * refuses to start when a user task of bpmn/ has no handler, a handler has no user task, or two
 * handlers claim one key.
 */
@Component
class TaskHandlers {

    private final Map<String, TaskHandler> byKey;

    @Autowired
    TaskHandlers(List<TaskHandler> handlers, ProcessModels models) {
        this(handlers, models.all().stream()
                .flatMap(model -> model.getModelElementsByType(UserTask.class).stream())
                .map(UserTask::getId)
                .collect(Collectors.toSet()));
    }

    TaskHandlers(Collection<TaskHandler> handlers, Set<String> userTasks) {
        Map<String, List<TaskHandler>> claims = handlers.stream().collect(Collectors.groupingBy(TaskHandler::taskKey));
        Set<String> twice = claims.entrySet().stream().filter(claim -> claim.getValue().size() > 1)
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        if (!twice.isEmpty()) {
            throw new IllegalStateException("more than one task handler for " + twice);
        }
        Set<String> unhandled = new TreeSet<>(userTasks);
        unhandled.removeAll(claims.keySet());
        Set<String> taskless = new TreeSet<>(claims.keySet());
        taskless.removeAll(userTasks);
        if (!unhandled.isEmpty() || !taskless.isEmpty()) {
            throw new IllegalStateException("user tasks of bpmn/ without a task handler: " + unhandled
                    + "; task handlers without a user task in bpmn/: " + taskless);
        }
        this.byKey = handlers.stream().collect(Collectors.toUnmodifiableMap(TaskHandler::taskKey, Function.identity()));
    }

    TaskHandler of(String taskKey) {
        TaskHandler handler = byKey.get(taskKey);
        if (handler == null) {
            throw new IllegalStateException("no task handler for " + taskKey);
        }
        return handler;
    }
}
