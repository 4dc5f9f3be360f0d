package io.rectify.casefile;

import java.util.List;

/** The open tasks of a case, as the workflow module knows them. */
public interface OpenTasks {

    List<OpenTask> of(String caseId);

    record OpenTask(String id, String taskKey, String name) {
    }
}
