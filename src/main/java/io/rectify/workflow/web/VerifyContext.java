package io.rectify.workflow.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.casefile.CaseFindings;
import io.rectify.casefile.CaseRounds;
import io.rectify.casefile.CaseService;
import io.rectify.directory.Actor;
import io.rectify.process.CaseTasks;
import io.rectify.workflow.Tasks;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The verify page's material: the report of this round as answered, with its addresses linked and
 * its evidence, the round's deadline, the earlier rounds folded (newest first), and the new period
 * a rejection would give — the category's default, prefilled, with the date it gives today and
 * the date for every other period, so that the page's script can show it as the number is typed.
 * A case that came from findings shows first the re-check run when the department reported: a failing
 * one needs a written reason to accept.
 */
@Component
class VerifyContext implements TaskPageContext {

    static final String PERIOD = "periodWorkingDays";

    private final CaseService cases;
    private final CaseRounds rounds;
    private final RoundViews views;
    private final ObjectProvider<CaseFindings> findings;

    VerifyContext(CaseService cases, CaseRounds rounds, RoundViews views, ObjectProvider<CaseFindings> findings) {
        this.cases = cases;
        this.rounds = rounds;
        this.views = views;
        this.findings = findings;
    }

    @Override
    public String taskKey() {
        return CaseTasks.VERIFY;
    }

    @Override
    public void addTo(Model model, Actor actor, Tasks.TaskDetail task, Locale locale) {
        String category = cases.visible(actor, task.caseId()).categoryCode();
        List<RoundViews.RoundView> all = views.of(rounds.of(actor, task.caseId()), task.caseId(), category, locale);
        List<RoundViews.RoundView> earlier = new ArrayList<>(all.isEmpty() ? List.of() : all.subList(0, all.size() - 1));
        Collections.reverse(earlier);
        model.addAttribute("verifyRound", all.isEmpty() ? null : all.get(all.size() - 1));
        model.addAttribute("earlierRounds", earlier);
        CaseFindings monitoring = findings.getIfAvailable();
        model.addAttribute("recheck", monitoring == null ? null : monitoring.of(task.caseId())
                .map(CaseFindings.Monitored::recheck).map(VerifyContext::recheck).orElse(null));
        CaseService.RejectionPeriods periods = cases.rejectionPeriods(actor, task.caseId());
        model.addAttribute("rejectionDefaultPeriod", periods.defaultPeriod());
        model.addAttribute("rejectionDefaultDeadline", periods.deadlineOf(periods.defaultPeriod()).toString());
        model.addAttribute("rejectionMaxPeriod", CaseService.MAX_PERIOD_WORKING_DAYS);
        // a JSON array of dates: the deadline for a period of n working days is its (n-1)th element
        model.addAttribute("rejectionDeadlines", periods.deadlines().stream().map(d -> "\"" + d + "\"")
                .collect(Collectors.joining(",", "[", "]")));
    }

    private static Recheck recheck(CaseFindings.Recheck r) {
        return new Recheck(r.passed(), when(r.checkedAt()), r.results().stream()
                .map(x -> new Recheck.Result(x.indicator(), x.status(), when(x.checkedAt()), x.detail())).toList());
    }

    private static String when(java.time.Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(WorkingDayCalendar.ZONE));
    }

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The re-check as the page shows it (the fragment {@code findings/fragments :: recheck}). */
    record Recheck(boolean passed, String checkedAt, List<Result> results) {

        record Result(String indicator, String status, String checkedAt, String detail) {
        }
    }

    @Override
    public Map<String, String> initialValues(Actor actor, Tasks.TaskDetail task, Locale locale) {
        return Map.of(PERIOD, String.valueOf(cases.rejectionPeriods(actor, task.caseId()).defaultPeriod()));
    }
}
