package io.rectify.workflow.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.rectify.directory.Actor;
import io.rectify.form.FormField;
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

    /**
     * Whether the material comes before the case's summary: what the person must read first (the
     * rejection a second round answers) stands at the top; otherwise it follows the summary.
     */
    default boolean first() {
        return false;
    }

    /** The values the form starts with when first shown (a starting text, say); none by default. */
    default Map<String, String> initialValues(Actor actor, Tasks.TaskDetail task, Locale locale) {
        return Map.of();
    }

    /**
     * The choices of the fields whose {@code properties.optionsFrom} names a list, by that name
     * ({@link io.rectify.form.web.FormViews#OPTIONS_FROM}); none by default.
     */
    default Map<String, List<FormField.Option>> options(Actor actor, Tasks.TaskDetail task, Locale locale) {
        return Map.of();
    }
}
