package io.rectify.process;

import java.util.Map;

import io.rectify.directory.Actor;

/**
 * What completing one user task does to the case, owned by the module whose aggregate it changes,
 * as Spring's {@code HandlerMapping} picks a handler by key. The workflow module finds the handler
 * by {@link #taskKey()} and refuses to start when a user task of bpmn/ has none, or a handler no task.
 */
public interface TaskHandler {

    /** The key of the user task this handler does: its element id in bpmn/, one of {@link CaseTasks}. */
    String taskKey();

    /**
     * Does the step on the case, in the caller's transaction, and returns the variables its process
     * routes on.
     *
     * @param values the task form's values, validated against its schema and normalised
     */
    Routing handle(String caseId, Actor actor, Map<String, Object> values);
}
