package io.rectify.casefile;

import static io.rectify.process.CaseVariables.ACCEPTED;
import static io.rectify.process.CaseVariables.FLAGGED_SERIOUS;
import static io.rectify.process.CaseVariables.REJECTION_COUNT;
import static io.rectify.process.CaseVariables.deadline;

import java.util.Map;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.directory.Actor;
import io.rectify.process.CaseTasks;
import io.rectify.process.Routing;
import io.rectify.process.TaskHandler;
import org.springframework.stereotype.Component;

/**
 * The office verifies the rectification. Only what the verdict changed goes to the process, since
 * each variable set costs the engine three more statements: a rejection counts and sets a new
 * deadline; a flag only ever turns serious on; whether a review is pending the process keeps itself
 * (set at escalation, cleared when the review ends).
 */
@Component
class VerifyHandler implements TaskHandler {

    private final CaseService cases;
    private final WorkingDayCalendar calendar;

    VerifyHandler(CaseService cases, WorkingDayCalendar calendar) {
        this.cases = cases;
        this.calendar = calendar;
    }

    @Override
    public String taskKey() {
        return CaseTasks.VERIFY;
    }

    @Override
    public Routing handle(String caseId, Actor actor, Map<String, Object> values) {
        CaseService.Verification verdict = cases.verify(caseId, actor, Boolean.TRUE.equals(values.get("accepted")),
                (String) values.get("comment"), Boolean.TRUE.equals(values.get("serious")),
                (String) values.get("seriousReason"));
        Routing routing = Routing.of(ACCEPTED, verdict.accepted());
        if (!verdict.accepted()) {
            routing.with(REJECTION_COUNT, verdict.rejectionCount()).with(deadline(calendar, verdict.deadline()));
        }
        if (verdict.flaggedSerious()) {
            routing.with(FLAGGED_SERIOUS, true);
        }
        return routing;
    }
}
