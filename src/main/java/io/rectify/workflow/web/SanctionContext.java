package io.rectify.workflow.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.rectify.directory.Actor;
import io.rectify.form.FormField;
import io.rectify.process.CaseTasks;
import io.rectify.sanction.SanctionService;
import io.rectify.workflow.Tasks;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Recording sanctions: each person's body is chosen from the bodies the sanction may be recorded
 * against (the case's respondent, the offices above it and the opener, within the supervision
 * body's region: the rule {@link SanctionService#record} applies), never typed as a code.
 */
@Component
class SanctionContext implements TaskPageContext {

    /** The list the form's {@code orgCode} names in {@code properties.optionsFrom}. */
    static final String ANSWERABLE_BODIES = "answerableBodies";

    private final SanctionService sanctions;

    SanctionContext(SanctionService sanctions) {
        this.sanctions = sanctions;
    }

    @Override
    public String taskKey() {
        return CaseTasks.RECORD_SANCTIONS;
    }

    @Override
    public void addTo(Model model, Actor actor, Tasks.TaskDetail task, Locale locale) {
        // the list is the form's own select; nothing else to show above it
    }

    @Override
    public Map<String, List<FormField.Option>> options(Actor actor, Tasks.TaskDetail task, Locale locale) {
        return Map.of(ANSWERABLE_BODIES, sanctions.answerableBodies(actor, task.caseId()).stream()
                .map(body -> new FormField.Option(body.code(), body.nameZh() + "（" + body.code() + "）",
                        body.nameEn() + " (" + body.code() + ")"))
                .toList());
    }
}
