package io.rectify.workflow.web;

import java.util.Locale;

import io.rectify.casefile.CaseService;
import io.rectify.directory.Actor;
import io.rectify.process.CaseTasks;
import io.rectify.workflow.Tasks;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Deciding on an extension: the days asked for, the reason, the deadline now and the one a grant
 * would give, and, once the deadline has passed or the case was escalated, that only a refusal
 * remains.
 */
@Component
class ExtensionDecisionContext implements TaskPageContext {

    private final CaseService cases;

    ExtensionDecisionContext(CaseService cases) {
        this.cases = cases;
    }

    @Override
    public String taskKey() {
        return CaseTasks.DECIDE_EXTENSION;
    }

    @Override
    public void addTo(Model model, Actor actor, Tasks.TaskDetail task, Locale locale) {
        cases.extensionAsked(actor, task.caseId()).ifPresent(asked -> model.addAttribute("extension", asked));
    }
}
