package io.rectify.casefile;

import static io.rectify.process.CaseVariables.deadline;

import java.time.LocalDate;
import java.util.Map;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.directory.Actor;
import io.rectify.process.CaseTasks;
import io.rectify.process.Routing;
import io.rectify.process.TaskHandler;
import org.springframework.stereotype.Component;

/** The office issues the order: its deadline times the process's reminder and deadline timers. */
@Component
class IssueOrderHandler implements TaskHandler {

    private final CaseService cases;
    private final WorkingDayCalendar calendar;

    IssueOrderHandler(CaseService cases, WorkingDayCalendar calendar) {
        this.cases = cases;
        this.calendar = calendar;
    }

    @Override
    public String taskKey() {
        return CaseTasks.ISSUE_ORDER;
    }

    @Override
    public Routing handle(String caseId, Actor actor, Map<String, Object> values) {
        Number period = (Number) values.get("periodWorkingDays");
        LocalDate lastWorkingDay = cases.issueOrder(caseId, actor, (String) values.get("requirements"),
                period == null ? null : period.intValue());
        return deadline(calendar, lastWorkingDay);
    }
}
