package io.rectify.workflow;

import java.util.List;
import java.util.Map;

import io.rectify.casefile.AttachmentService;
import io.rectify.casefile.Evidence;
import io.rectify.directory.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A task completed with the files handed in with it (a report with its evidence): the files and
 * the step in one transaction, so a refused step takes its files with it, and a file the store
 * cannot take leaves the task open.
 */
@Service
public class TaskSubmissions {

    private final Tasks tasks;
    private final AttachmentService attachments;

    TaskSubmissions(Tasks tasks, AttachmentService attachments) {
        this.tasks = tasks;
        this.attachments = attachments;
    }

    /** Returns the case id, as {@link Tasks#complete} does. */
    @Transactional
    public String complete(Actor actor, String taskId, String caseId, Map<String, ?> values, List<Evidence> evidence) {
        attachments.storeAll(actor, caseId, evidence);
        return tasks.complete(actor, taskId, values);
    }
}
