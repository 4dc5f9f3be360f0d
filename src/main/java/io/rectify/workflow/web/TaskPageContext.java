package io.rectify.workflow.web;

import java.util.Locale;
import java.util.Map;

import io.rectify.directory.Actor;
import io.rectify.workflow.Tasks;
import org.springframework.ui.Model;

/**
 * What a task's page shows above its form so that the person decides with the material in view
 * (the report being verified, the rejection being answered, the days asked for). One bean per
 * task key; its model attributes are read by the fragment {@code context} of the template
 * {@code tasks/context/<taskKey>.html}.
 */
interface TaskPageContext {

    /** The task definition key of the BPMN user task this context belongs to. */
    String taskKey();

    /** Adds what the task's context fragment shows; called after access to the task was checked. */
    void addTo(Model model, Actor actor, Tasks.TaskDetail task, Locale locale);

    /** The values the form starts with when the task's page is first shown (a default the person may change). */
    default Map<String, String> initialValues(Actor actor, Tasks.TaskDetail task) {
        return Map.of();
    }
}
