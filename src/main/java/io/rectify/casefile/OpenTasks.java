package io.rectify.casefile;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.rectify.directory.Actor;

/** The open tasks of a case, as the workflow module knows them. */
public interface OpenTasks {

    List<OpenTask> of(String caseId);

    /** The open tasks of a case that this actor's body may do (the links of the case page). */
    List<OpenTask> of(Actor actor, String caseId);

    /** The open tasks of several cases at once, by case id (a case without any may be absent). */
    default Map<String, List<OpenTask>> ofCases(Collection<String> caseIds) {
        Map<String, List<OpenTask>> byCase = new LinkedHashMap<>();
        caseIds.forEach(id -> byCase.put(id, of(id)));
        return byCase;
    }

    record OpenTask(String id, String taskKey, String name) {
    }
}
