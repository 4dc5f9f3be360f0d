package io.rectify.casefile;

import java.util.List;

import io.rectify.directory.Actor;

/** The open tasks of a case, as the workflow module knows them. */
public interface OpenTasks {

    List<OpenTask> of(String caseId);

    /** The open tasks of a case that this actor's body may do (the links of the case page). */
    List<OpenTask> of(Actor actor, String caseId);

    record OpenTask(String id, String taskKey, String name) {
    }
}
