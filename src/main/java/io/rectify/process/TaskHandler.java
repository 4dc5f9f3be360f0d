package io.rectify.process;

import java.util.Map;
import java.util.Objects;

import io.rectify.directory.Actor;

/**
 * What completing one user task does to the case: a bean of the module whose aggregate the step
 * changes, found by its task key as Spring's {@code HandlerMapping} finds a handler. The workflow
 * module refuses to start when a user task of bpmn/ has no handler, or a handler no task.
 *
 * @param taskKey the user task's key, its element id in bpmn/: one of {@link CaseTasks}
 * @param step    what the task does
 */
public record TaskHandler(String taskKey, Step step) {

    public TaskHandler {
        Objects.requireNonNull(taskKey, "taskKey");
        Objects.requireNonNull(step, "step");
    }

    public Routing handle(String caseId, Actor actor, Map<String, Object> values) {
        return step.handle(caseId, actor, values);
    }

    @FunctionalInterface
    public interface Step {

        /**
         * Does the step on the case, in the caller's transaction, and returns the variables its
         * process routes on: only what the step changed.
         *
         * @param values the task form's values, validated against its schema and normalised
         */
        Routing handle(String caseId, Actor actor, Map<String, Object> values);
    }
}
