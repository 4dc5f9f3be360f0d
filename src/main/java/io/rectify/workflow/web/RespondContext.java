package io.rectify.workflow.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import io.rectify.casefile.CaseService;
import io.rectify.casefile.CaseRounds;
import io.rectify.directory.Actor;
import io.rectify.process.CaseTasks;
import io.rectify.workflow.Tasks;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The respond page's material in a second or later round: which round it is, the rejection's
 * comment and the new deadline, and the earlier rounds' reports and rejections folded.
 */
@Component
class RespondContext implements TaskPageContext {

    private final CaseService cases;
    private final CaseRounds rounds;
    private final RoundViews views;

    RespondContext(CaseService cases, CaseRounds rounds, RoundViews views) {
        this.cases = cases;
        this.rounds = rounds;
        this.views = views;
    }

    @Override
    public String taskKey() {
        return CaseTasks.RESPOND;
    }

    @Override
    public boolean first() {
        return true;
    }

    @Override
    public void addTo(Model model, Actor actor, Tasks.TaskDetail task, Locale locale) {
        String category = cases.visible(actor, task.caseId()).categoryCode();
        List<RoundViews.RoundView> all = views.of(rounds.of(actor, task.caseId()), task.caseId(), category, locale);
        RoundViews.RoundView current = all.isEmpty() ? null : all.get(all.size() - 1);
        List<RoundViews.RoundView> earlier = new ArrayList<>(all.isEmpty() ? List.of() : all.subList(0, all.size() - 1));
        Collections.reverse(earlier);
        model.addAttribute("respondRound", current);
        // the rejection this round answers: the one that ended the round before it
        model.addAttribute("returnedBy", earlier.isEmpty() ? null : earlier.get(0).rejection());
        model.addAttribute("earlierRounds", earlier);
    }
}
