package io.rectify.casefile;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.rectify.directory.Actor;

/** The open tasks of a case, as the workflow module knows them. */
public interface OpenTasks {

    List<OpenTask> of(String caseId);

    /** The open tasks of a case that this actor's body may do (the links of the case page). */
    List<OpenTask> of(Actor actor, String caseId);
    /** The open tasks of several cases, by case id (cases with none are left out). */
    default Map<String, List<OpenTask>> ofCases(Collection<String> caseIds) {
        return caseIds.stream().distinct().collect(Collectors.toMap(Function.identity(), this::of))
                .entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    record OpenTask(String id, String taskKey, String name) {
    }
}
