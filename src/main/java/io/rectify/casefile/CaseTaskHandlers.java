package io.rectify.casefile;

import static io.rectify.process.CaseVariables.ACCEPTED;
import static io.rectify.process.CaseVariables.EXTENSION_GRANTED;
import static io.rectify.process.CaseVariables.FLAGGED_SERIOUS;
import static io.rectify.process.CaseVariables.REJECTION_COUNT;
import static io.rectify.process.CaseVariables.SITE_SHUT_DOWN;
import static io.rectify.process.CaseVariables.deadline;

import java.time.LocalDate;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.process.CaseTasks;
import io.rectify.process.Routing;
import io.rectify.process.TaskHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The user tasks that change the case itself: the order, the report, its verification, an extension. */
@Configuration(proxyBeanMethods = false)
class CaseTaskHandlers {

    /** The office issues the order: its last working day times the reminder and the deadline timers. */
    @Bean
    TaskHandler issueOrderHandler(CaseService cases, WorkingDayCalendar calendar) {
        return new TaskHandler(CaseTasks.ISSUE_ORDER, (caseId, actor, values) -> {
            LocalDate lastWorkingDay = cases.issueOrder(caseId, actor, (String) values.get("requirements"),
                    period(values.get("periodWorkingDays")));
            return deadline(calendar, lastWorkingDay);
        });
    }

    /** The respondent reports; a site lawfully shut down ({@code A33-01}) lets the case close as waived. */
    @Bean
    TaskHandler respondHandler(CaseService cases) {
        return new TaskHandler(CaseTasks.RESPOND, (caseId, actor, values) -> {
            // whether the report waives rectification is the case's rule (RectificationCase)
            boolean waived = cases.recordResponse(caseId, actor, (String) values.get("report"), values);
            return Routing.of(SITE_SHUT_DOWN, waived);
        });
    }

    /**
     * The office verifies the rectification. Only what the verdict changed goes to the process, since
     * each variable set costs the engine three more statements: a rejection counts and sets a new
     * deadline; a flag only ever turns serious on; whether a review is pending the process keeps
     * itself (set at escalation, cleared when the review ends).
     */
    @Bean
    TaskHandler verifyHandler(CaseService cases, WorkingDayCalendar calendar) {
        return new TaskHandler(CaseTasks.VERIFY, (caseId, actor, values) -> {
            CaseService.Verification verdict = cases.verify(caseId, actor, Boolean.TRUE.equals(values.get("accepted")),
                    (String) values.get("comment"), Boolean.TRUE.equals(values.get("serious")),
                    (String) values.get("seriousReason"), period(values.get("periodWorkingDays")));
            Routing routing = Routing.of(ACCEPTED, verdict.accepted());
            if (!verdict.accepted()) {
                routing.with(REJECTION_COUNT, verdict.rejectionCount()).with(deadline(calendar, verdict.deadline()));
            }
            if (verdict.flaggedSerious()) {
                routing.with(FLAGGED_SERIOUS, true);
            }
            return routing;
        });
    }

    /** The office grants or refuses the respondent's request for more time. */
    @Bean
    TaskHandler decideExtensionHandler(CaseService cases) {
        return new TaskHandler(CaseTasks.DECIDE_EXTENSION, (caseId, actor, values) -> {
            boolean granted = Boolean.TRUE.equals(values.get("granted"));
            cases.decideExtension(caseId, actor, granted, (String) values.get("comment"));
            return Routing.of(EXTENSION_GRANTED, granted);
        });
    }

    /** A period in working days as the form gave it, or null for the category's default. */
    private static Integer period(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
