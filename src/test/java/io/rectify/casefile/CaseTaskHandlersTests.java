package io.rectify.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.directory.Actor;
import io.rectify.directory.OrgKind;
import io.rectify.directory.Role;
import org.junit.jupiter.api.Test;

/**
 * What the case module's task handlers hand to the process: only what the step changed, since each
 * variable set costs the engine statements.
 */
class CaseTaskHandlersTests {

    private static final Actor OFFICE = new Actor("office", Role.SUPERVISOR, "NC-GOV-OFFICE", OrgKind.OFFICE, "NC");
    private static final LocalDate LAST_WORKING_DAY = LocalDate.of(2026, 9, 25);
    private static final Date DEADLINE_AT = at("2026-09-26T00:00:00+08:00");
    private static final Date REMINDER_AT = at("2026-09-25T09:00:00+08:00");

    private static final CaseTaskHandlers HANDLERS = new CaseTaskHandlers();

    private final CaseService cases = mock(CaseService.class);
    private final WorkingDayCalendar calendar = new WorkingDayCalendar();

    @Test
    void issuedOrderTimesTheReminderAndTheDeadline() {
        when(cases.issueOrder("c1", OFFICE, "更新栏目", 5)).thenReturn(LAST_WORKING_DAY);

        Map<String, Object> routing = HANDLERS.issueOrderHandler(cases, calendar)
                .handle("c1", OFFICE, values("requirements", "更新栏目", "periodWorkingDays", 5L)).asMap();

        assertThat(routing).containsExactly(Map.entry("deadlineAt", DEADLINE_AT), Map.entry("reminderAt", REMINDER_AT));
    }

    @Test
    void responseRoutesByWhetherTheCaseSaysTheReportWaivesRectification() {
        Map<String, Object> values = values("report", "已关停", "resolution", "SHUT_DOWN");
        when(cases.recordResponse("c1", OFFICE, "已关停", values)).thenReturn(true);

        assertThat(HANDLERS.respondHandler(cases).handle("c1", OFFICE, values).asMap())
                .containsExactly(Map.entry("siteShutDown", true));
        assertThat(HANDLERS.respondHandler(cases).handle("c1", OFFICE, values("report", "已整改")).asMap())
                .containsExactly(Map.entry("siteShutDown", false));
        verify(cases).recordResponse("c1", OFFICE, "已关停", values);
    }

    @Test
    void acceptanceSetsOnlyTheVerdict() {
        when(cases.verify("c1", OFFICE, true, null, false, null, null))
                .thenReturn(new CaseService.Verification(true, 1, false, LAST_WORKING_DAY));

        assertThat(HANDLERS.verifyHandler(cases, calendar).handle("c1", OFFICE, values("accepted", true)).asMap())
                .containsExactly(Map.entry("accepted", true));
    }

    @Test
    void rejectionCountsAndSetsTheNewDeadline() {
        when(cases.verify("c1", OFFICE, false, "不合格", false, null, null))
                .thenReturn(new CaseService.Verification(false, 2, false, LAST_WORKING_DAY));

        assertThat(HANDLERS.verifyHandler(cases, calendar)
                .handle("c1", OFFICE, values("accepted", false, "comment", "不合格")).asMap())
                .containsExactly(Map.entry("accepted", false), Map.entry("rejectionCount", 2),
                        Map.entry("deadlineAt", DEADLINE_AT), Map.entry("reminderAt", REMINDER_AT));
    }

    @Test
    void seriousFlagIsSetOnlyWhenTheVerdictTurnsItOn() {
        when(cases.verify("c1", OFFICE, true, null, true, "拒不整改", null))
                .thenReturn(new CaseService.Verification(true, 0, true, LAST_WORKING_DAY));

        assertThat(HANDLERS.verifyHandler(cases, calendar)
                .handle("c1", OFFICE, values("accepted", true, "serious", true, "seriousReason", "拒不整改")).asMap())
                .containsExactly(Map.entry("accepted", true), Map.entry("flaggedSerious", true));
    }

    @Test
    void extensionDecisionIsPassedOn() {
        assertThat(HANDLERS.decideExtensionHandler(cases).handle("c1", OFFICE, values("granted", true)).asMap())
                .containsExactly(Map.entry("extensionGranted", true));
        verify(cases).decideExtension("c1", OFFICE, true, null);
    }

    private static Map<String, Object> values(Object... keysAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return values;
    }

    private static Date at(String isoDateTime) {
        return Date.from(OffsetDateTime.parse(isoDateTime).toInstant());
    }
}
