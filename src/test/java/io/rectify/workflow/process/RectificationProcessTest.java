package io.rectify.workflow.process;

import static org.assertj.core.api.Assertions.*;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static io.rectify.process.CaseVariables.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.process.CaseVariables;
import io.rectify.process.Routing;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The case process {@code rectification} (整改督办案件), driven as the workflow module drives it:
 * a task is completed with the routing its handler returns, built from the same variable declarations
 * ({@link CaseVariables}), and the service tasks run the workflow module's real delegates over stubbed
 * services ({@link TestDelegates}). Every flow node and sequence flow of both processes is passed by at
 * least one test here.
 */
@Deployment(resources = {"bpmn/rectification.bpmn", "bpmn/supervision-review.bpmn", "bpmn/seriousness.dmn"})
class RectificationProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0)
            .build();

    private static final String OFFICE = "org:NC-GOV-OFFICE,org:JX-GOV-OFFICE";
    private static final String RESPONDENT = "org:NC-EDU";
    private static final String SUPERVISION = "org:NC-SUPERVISION,org:JX-SUPERVISION";

    private static final Date NOW = at("2026-09-18T10:00:00+08:00");
    /** 3 working days left of the deadline below: Wednesday, then Thursday, then Friday the 25th. */
    private static final Date REMINDER = at("2026-09-23T09:00:00+08:00");
    /** 24:00 Asia/Shanghai of 2026-09-25. */
    private static final Date DEADLINE = at("2026-09-26T00:00:00+08:00");
    /** 3 working days left of the deadline below: Saturday the 10th (调休, worked), Monday, Tuesday the 13th. */
    private static final Date NEW_REMINDER = at("2026-10-10T09:00:00+08:00");
    private static final Date NEW_DEADLINE = at("2026-10-14T00:00:00+08:00");
    /** An extension to 2026-09-30 as the real delegate times it: 24:00, and 3 working days left on Monday the 28th. */
    private static final LocalDate EXTENDED_LAST_WORKING_DAY = LocalDate.of(2026, 9, 30);
    private static final Date EXTENDED_DEADLINE = at("2026-10-01T00:00:00+08:00");
    private static final Date EXTENDED_REMINDER = at("2026-09-28T09:00:00+08:00");

    private static final AtomicInteger CASES = new AtomicInteger();

    private TestDelegates delegates;

    @BeforeEach
    void startTheClock() {
        ProcessEngine engine = extension.getProcessEngine();
        init(engine);
        delegates = TestDelegates.install(engine);
        ClockUtil.setCurrentTime(NOW);
    }

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
    }

    // --- the plain path

    @Test
    void acceptedRectificationClosesTheCaseAsRectified() {
        ProcessInstance pi = openCase("A33-04");

        assertThat(pi).isWaitingAt("issueOrder").task()
                .hasCandidateGroup("org:NC-GOV-OFFICE").hasCandidateGroup("org:JX-GOV-OFFICE")
                .hasFormKey("issueOrder");
        issueOrder(pi);

        assertThat(pi).isWaitingAt("respond").task()
                .hasCandidateGroup(RESPONDENT)
                .hasDueDate(DEADLINE);
        assertThat(formKeyOf(task("respond", pi))).isEqualTo("respond-A33-04");
        respond(pi);

        assertThat(pi).isWaitingAt("verify").task()
                .hasCandidateGroup("org:NC-GOV-OFFICE").hasCandidateGroup("org:JX-GOV-OFFICE")
                .hasFormKey("verify");
        accept(pi);

        assertThat(pi).isEnded().hasPassedInOrder(
                "Start_CaseOpened", "Rule_AssessAtOpening", "Gateway_EscalateAtOpening",
                "issueOrder", "respond", "verify", "Rule_AssessAfterVerification",
                "Gateway_Accepted", "Gateway_ReviewPending", "Gateway_SiteShutDown",
                "Task_CloseRectified", "End_Rectified");
        assertThat(pi).hasNotPassed("Task_EscalateAtOpening", "Task_EscalateAfterVerification",
                "Event_ReviewFinished", "Task_CloseWaived");
        assertThat(ranFor("closeRectified")).containsExactly(pi.getBusinessKey());
        assertThat(ranFor("escalateCase")).isEmpty();
        assertThat(supervisionReviewsOf(pi)).isZero();
    }

    @Test
    void lawfullyShutDownSiteClosesTheCaseAsWaived() {
        ProcessInstance pi = openCase("A33-01");
        issueOrder(pi);

        respond(pi, true);
        accept(pi);

        assertThat(pi).isEnded().hasPassed("Task_CloseWaived", "End_Waived").hasNotPassed("Task_CloseRectified");
        assertThat(ranFor("closeWaived")).containsExactly(pi.getBusinessKey());
        assertThat(ranFor("closeRectified")).isEmpty();
    }

    // --- the deadline: reminder, overdue, extension

    @Test
    void reminderBeforeTheDeadlineRemindsTheRespondentAndTheOrderStaysOpen() {
        ProcessInstance pi = openCase("A33-04");
        issueOrder(pi);

        fireReminder(pi, REMINDER);

        assertThat(ranFor("sendReminder")).containsExactly(pi.getBusinessKey());
        verify(delegates.cases).recordReminder(pi.getBusinessKey(), 3);
        assertThat(pi).hasPassed("Task_SendReminder", "End_ReminderSent").isWaitingAt("respond");
        assertThat(job("Timer_Deadline", pi)).hasDueDate(DEADLINE);
    }

    /**
     * Issued on Thursday 2026-09-17 with Monday the 21st as its last working day: Sunday the 20th is a
     * worked 调休 day and Saturday is not, so 3 working days are left on Friday the 18th.
     */
    @Test
    void respondentIsRemindedAtThreeAndAtOneWorkingDayLeftAndThenNoMore() {
        ClockUtil.setCurrentTime(at("2026-09-17T10:00:00+08:00"));
        ProcessInstance pi = openCase("A33-04");
        issueOrder(pi, LocalDate.of(2026, 9, 21));

        fireReminder(pi, at("2026-09-18T09:00:00+08:00"));
        verify(delegates.notifications).remind(pi.getBusinessKey(), RESPONDENT,
                "REMINDER:" + pi.getBusinessKey() + ":2026-09-21:3", 3);
        verify(delegates.cases).recordReminder(pi.getBusinessKey(), 3);

        fireReminder(pi, at("2026-09-21T09:00:00+08:00"));
        verify(delegates.notifications).remind(pi.getBusinessKey(), RESPONDENT,
                "REMINDER:" + pi.getBusinessKey() + ":2026-09-21:1", 1);
        verify(delegates.cases).recordReminder(pi.getBusinessKey(), 1);

        // the timer's last wake, when the deadline ends and no extension can move it any more
        fireReminder(pi, at("2026-09-22T00:00:00+08:00"));
        assertThat(managementService().createJobQuery().processInstanceId(pi.getId()).activityId("Timer_Reminder").count())
                .isZero();
        verify(delegates.cases, times(2)).recordReminder(eq(pi.getBusinessKey()), anyInt());
        assertThat(ranFor("sendReminder")).hasSize(3);
        assertThat(pi).isWaitingAt("respond");
    }

    @Test
    void reminderWhoseTimeHasPassedAtTheOrderIsNotSent() {
        ClockUtil.setCurrentTime(at("2026-09-17T10:00:00+08:00"));
        ProcessInstance pi = openCase("A33-04");

        // 2 working days, the 调休 Sunday the second: 3 left was this morning
        issueOrder(pi, LocalDate.of(2026, 9, 20));

        fireReminder(pi, at("2026-09-20T09:00:00+08:00"));
        verify(delegates.cases).recordReminder(pi.getBusinessKey(), 1);
        verify(delegates.cases, times(1)).recordReminder(eq(pi.getBusinessKey()), anyInt());
        assertThat(job("Timer_Reminder", pi)).hasDueDate(at("2026-09-21T00:00:00+08:00"));
    }

    @Test
    void extensionAfterTheLastReminderRemindsAgainBeforeTheNewDeadline() {
        ClockUtil.setCurrentTime(at("2026-09-17T10:00:00+08:00"));
        ProcessInstance pi = openCase("A33-04");
        issueOrder(pi, LocalDate.of(2026, 9, 21));
        fireReminder(pi, at("2026-09-18T09:00:00+08:00"));
        fireReminder(pi, at("2026-09-21T09:00:00+08:00"));

        ClockUtil.setCurrentTime(at("2026-09-21T15:00:00+08:00"));
        requestExtension(pi);
        // to Wednesday the 23rd: 3 working days left was this morning, so only the last day's reminder is ahead
        delegates.deadlineIs(LocalDate.of(2026, 9, 23));
        complete(task("decideExtension", pi), Routing.of(EXTENSION_GRANTED, true).asMap());

        fireReminder(pi, at("2026-09-23T09:00:00+08:00"));
        verify(delegates.notifications).remind(pi.getBusinessKey(), RESPONDENT,
                "REMINDER:" + pi.getBusinessKey() + ":2026-09-23:1", 1);
        verify(delegates.cases, times(3)).recordReminder(eq(pi.getBusinessKey()), anyInt());
    }

    @Test
    void overdueOrderIsMarkedOverdueAndEscalatesToSupervision() {
        ProcessInstance pi = openCase("A33-04");
        issueOrder(pi);

        assertThat(job("Timer_Deadline", pi)).hasDueDate(DEADLINE);
        execute(job("Timer_Deadline", pi));

        assertThat(pi).hasPassedInOrder("Task_MarkOverdue", "Rule_AssessWhenOverdue",
                "Gateway_EscalateWhenOverdue", "Task_EscalateWhenOverdue", "End_OverdueEscalated");
        assertThat(pi).variables().containsEntry("overdue", true).containsEntry("escalated", true)
                .containsEntry("reviewPending", true);
        assertThat(seriousnessReason(pi)).isEqualTo("OVERDUE");
        assertThat(supervisionOf(pi)).isNotNull();
        assertThat(pi).as("rectification goes on: a sanction never replaces it").isWaitingAt("respond");
    }

    @Test
    void overdueOrderOfAnAlreadyEscalatedCaseIsOnlyRecorded() {
        ProcessInstance pi = openCase("A33-07");
        issueOrder(pi);

        execute(job("Timer_Deadline", pi));

        assertThat(pi).hasPassed("Task_MarkOverdue", "End_OverdueRecorded").hasNotPassed("Task_EscalateWhenOverdue");
        assertThat(seriousnessReason(pi)).isEqualTo("ALREADY_ESCALATED");
        assertThat(ranFor("escalateCase")).as("escalated once, at opening").hasSize(1);
        assertThat(supervisionReviewsOf(pi)).isEqualTo(1);
    }

    @Test
    void grantedExtensionMovesTheDeadlineAndReschedulesTheTimers() {
        ProcessInstance pi = openCase("A33-04");
        issueOrder(pi);

        requestExtension(pi);
        assertThat(pi).isWaitingAt("respond", "decideExtension");
        assertThat(pi).task("decideExtension")
                .hasCandidateGroup("org:NC-GOV-OFFICE").hasCandidateGroup("org:JX-GOV-OFFICE")
                .hasFormKey("decideExtension");
        delegates.deadlineIs(EXTENDED_LAST_WORKING_DAY);
        complete(task("decideExtension", pi), Routing.of(EXTENSION_GRANTED, true).asMap());

        assertThat(pi).hasPassed("Task_ExtendDeadline", "End_DeadlineExtended").isWaitingAtExactly("respond");
        assertThat(pi).variables().containsEntry("deadlineAt", EXTENDED_DEADLINE);
        assertThat(job("Timer_Deadline", pi)).hasDueDate(EXTENDED_DEADLINE);
        assertThat(job("Timer_Reminder", pi)).hasDueDate(EXTENDED_REMINDER);
    }

    @Test
    void closingTheCaseEndsAnExtensionRequestNobodyDecided() {
        ProcessInstance pi = openCase("A33-04");
        issueOrder(pi);
        requestExtension(pi);
        respond(pi);
        accept(pi);

        assertThat(pi).isEnded().hasPassed("End_Rectified").hasNotPassed("End_DeadlineExtended", "End_ExtensionRefused");
        assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void refusedExtensionKeepsTheDeadline() {
        ProcessInstance pi = openCase("A33-04");
        issueOrder(pi);

        requestExtension(pi);
        complete(task("decideExtension", pi), Routing.of(EXTENSION_GRANTED, false).asMap());

        assertThat(pi).hasPassed("End_ExtensionRefused").hasNotPassed("Task_ExtendDeadline").isWaitingAtExactly("respond");
        assertThat(ranFor("extendDeadline")).isEmpty();
        assertThat(job("Timer_Deadline", pi)).hasDueDate(DEADLINE);
        assertThat(job("Timer_Reminder", pi)).hasDueDate(REMINDER);
    }

    // --- verification: rejection and the rework loop

    @Test
    void rejectedRectificationGoesBackToTheRespondentWithANewDeadline() {
        ProcessInstance pi = openCase("A33-04");
        issueOrder(pi);
        respond(pi);

        reject(pi);

        assertThat(pi).isWaitingAtExactly("respond").task().hasDueDate(NEW_DEADLINE);
        assertThat(job("Timer_Deadline", pi)).hasDueDate(NEW_DEADLINE);
        assertThat(job("Timer_Reminder", pi)).hasDueDate(NEW_REMINDER);
        assertThat(seriousnessReason(pi)).as("one rejection is not serious").isEqualTo("NOT_SERIOUS");
        assertThat(ranFor("escalateCase")).isEmpty();

        respond(pi);
        accept(pi);
        assertThat(pi).isEnded().hasPassed("End_Rectified");
    }

    @Test
    void secondRejectionEscalatesToSupervision() {
        ProcessInstance pi = openCase("A33-04");
        issueOrder(pi);
        respond(pi);
        reject(pi);
        respond(pi);

        reject(pi);

        assertThat(pi).hasPassed("Task_EscalateAfterVerification").isWaitingAt("respond");
        assertThat(seriousnessReason(pi)).isEqualTo("REJECTED_TWICE");
        assertThat(pi).variables().containsEntry("escalated", true).containsEntry("rejectionCount", 2);
        assertThat(supervisionOf(pi)).isNotNull();
    }

    @Test
    void escalatedCaseIsNotEscalatedAgainWhenRejectedTwice() {
        ProcessInstance pi = openCase("A33-04", true, false);
        issueOrder(pi);
        respond(pi);
        reject(pi);
        respond(pi);

        reject(pi);

        assertThat(seriousnessReason(pi)).isEqualTo("ALREADY_ESCALATED");
        assertThat(pi).hasNotPassed("Task_EscalateAfterVerification");
        assertThat(ranFor("escalateCase")).as("escalated once, at opening").hasSize(1);
        assertThat(supervisionReviewsOf(pi)).isEqualTo(1);
    }

    @Test
    void supervisorFlagAtVerificationEscalatesAndTheAcceptedCaseWaitsForTheReview() {
        ProcessInstance pi = openCase("A33-04");
        issueOrder(pi);
        respond(pi);

        complete(task("verify", pi), Routing.of(ACCEPTED, true).with(FLAGGED_SERIOUS, true).asMap());

        assertThat(pi).hasPassed("Task_EscalateAfterVerification").isWaitingAt("Event_ReviewFinished");
        assertThat(seriousnessReason(pi)).isEqualTo("FLAGGED");
    }

    // --- escalation at opening

    @Test
    void categoryA33_07EscalatesAtOpening() {
        ProcessInstance pi = openCase("A33-07");

        assertEscalatedAtOpening(pi, "CATEGORY");
    }

    @Test
    void repeatViolationEscalatesAtOpening() {
        ProcessInstance pi = openCase("A33-04", false, true);

        assertEscalatedAtOpening(pi, "REPEAT");
    }

    @Test
    void supervisorFlagEscalatesAtOpening() {
        ProcessInstance pi = openCase("A33-04", true, false);

        assertEscalatedAtOpening(pi, "FLAGGED");
    }

    // --- closing an escalated case: only when the supervision review has finished

    @Test
    void acceptedEscalatedCaseWaitsForTheSupervisionReviewThenCloses() {
        ProcessInstance pi = openCase("A33-07");
        issueOrder(pi);
        respond(pi);

        accept(pi);

        assertThat(pi).isWaitingAtExactly("Event_ReviewFinished");
        ProcessInstance review = supervisionOf(pi);
        complete(task("reviewEscalation", review), Routing.of(DECISION, "SANCTION").asMap());
        assertThat(pi).as("sanctions still to be recorded").isWaitingAtExactly("Event_ReviewFinished");

        complete(task("recordSanctions", review));

        assertThat(review).isEnded().hasPassed("recordSanctions", "End_ReviewFinished");
        assertThat(pi).isEnded().hasPassedInOrder("Gateway_ReviewPending", "Event_ReviewFinished",
                "Gateway_SiteShutDown", "Task_CloseRectified", "End_Rectified");
    }

    @Test
    void reviewFinishedBeforeAcceptanceLetsTheCaseCloseWithoutWaiting() {
        ProcessInstance pi = openCase("A33-04", true, false);
        ProcessInstance review = supervisionOf(pi);
        complete(task("reviewEscalation", review), Routing.of(DECISION, "NO_SANCTION").asMap());

        assertThat(review).isEnded().hasNotPassed("recordSanctions");
        assertThat(pi).variables().containsEntry("reviewPending", false);

        issueOrder(pi);
        respond(pi);
        accept(pi);

        assertThat(pi).isEnded().hasPassed("End_Rectified").hasNotPassed("Event_ReviewFinished");
    }

    // --- the steps, as the workflow module takes them

    private ProcessInstance openCase(String categoryCode) {
        return openCase(categoryCode, false, false);
    }

    private ProcessInstance openCase(String categoryCode, boolean flaggedSerious, boolean repeatViolation) {
        String caseId = "case-" + CASES.incrementAndGet();
        Routing variables = Routing.of(CASE_ID, caseId)
                .with(CATEGORY, categoryCode)
                .with(OFFICE_GROUPS, OFFICE)
                .with(RESPONDENT_GROUPS, RESPONDENT)
                .with(SUPERVISION_GROUPS, SUPERVISION)
                .with(FLAGGED_SERIOUS, flaggedSerious)
                .with(REPEAT, repeatViolation)
                .with(REJECTION_COUNT, 0)
                .with(OVERDUE, false)
                .with(ESCALATED, false)
                .with(REVIEW_PENDING, false)
                .with(SITE_SHUT_DOWN, false);
        return runtimeService().startProcessInstanceByKey("rectification", caseId, variables.asMap());
    }

    private void issueOrder(ProcessInstance pi) {
        assertThat(pi).isWaitingAt("issueOrder");
        complete(task("issueOrder", pi), Routing.of(DEADLINE_AT, DEADLINE).with(REMINDER_AT, REMINDER).asMap());
    }

    /** As the order's handler routes it, with the case module giving this last working day from now on. */
    private void issueOrder(ProcessInstance pi, LocalDate lastWorkingDay) {
        delegates.deadlineIs(lastWorkingDay);
        complete(task("issueOrder", pi), CaseVariables.deadline(new WorkingDayCalendar(), lastWorkingDay).asMap());
    }

    /** The reminder timer is due at {@code at}, and the engine runs it then. */
    private void fireReminder(ProcessInstance pi, Date at) {
        assertThat(job("Timer_Reminder", pi)).hasDueDate(at);
        ClockUtil.setCurrentTime(at);
        execute(job("Timer_Reminder", pi));
    }

    private void respond(ProcessInstance pi) {
        respond(pi, false);
    }

    private void respond(ProcessInstance pi, boolean siteShutDown) {
        assertThat(pi).isWaitingAt("respond");
        complete(task("respond", pi), Routing.of(SITE_SHUT_DOWN, siteShutDown).asMap());
    }

    private void requestExtension(ProcessInstance pi) {
        runtimeService().createMessageCorrelation("ExtensionRequested")
                .processInstanceBusinessKey(pi.getBusinessKey())
                .correlate();
    }

    /** As the verification's handler routes an acceptance: that, and nothing the verdict left unchanged. */
    private void accept(ProcessInstance pi) {
        assertThat(pi).isWaitingAt("verify");
        complete(task("verify", pi), Routing.of(ACCEPTED, true).asMap());
    }

    private void reject(ProcessInstance pi) {
        assertThat(pi).isWaitingAt("verify");
        complete(task("verify", pi), Routing.of(ACCEPTED, false).with(REJECTION_COUNT, rejectionCount(pi) + 1)
                .with(DEADLINE_AT, NEW_DEADLINE).with(REMINDER_AT, NEW_REMINDER).asMap());
    }

    private void assertEscalatedAtOpening(ProcessInstance pi, String reason) {
        assertThat(pi).hasPassedInOrder("Rule_AssessAtOpening", "Gateway_EscalateAtOpening",
                "Task_EscalateAtOpening", "Gateway_AssessedAtOpening");
        assertThat(pi).isWaitingAt("issueOrder");
        assertThat(seriousnessReason(pi)).isEqualTo(reason);
        assertThat(pi).variables().containsEntry("escalated", true).containsEntry("reviewPending", true);

        ProcessInstance review = supervisionOf(pi);
        assertThat(review).isNotNull();
        assertThat(review).isWaitingAt("reviewEscalation").task()
                .hasCandidateGroup("org:NC-SUPERVISION").hasCandidateGroup("org:JX-SUPERVISION");
        assertThat(review).variables().containsEntry("caseId", pi.getBusinessKey())
                .containsEntry("supervisionGroups", SUPERVISION);
    }

    // --- what the engine knows

    private int rejectionCount(ProcessInstance pi) {
        return REJECTION_COUNT.from(name -> runtimeService().getVariable(pi.getId(), name));
    }

    @SuppressWarnings("unchecked")
    private String seriousnessReason(ProcessInstance pi) {
        return (String) runtimeService().getVariable(pi.getId(), "escalationReason");
    }

    private ProcessInstance supervisionOf(ProcessInstance pi) {
        return runtimeService().createProcessInstanceQuery()
                .processDefinitionKey("supervisionReview")
                .processInstanceBusinessKey(pi.getBusinessKey())
                .singleResult();
    }

    private long supervisionReviewsOf(ProcessInstance pi) {
        return historyService().createHistoricProcessInstanceQuery()
                .processDefinitionKey("supervisionReview")
                .processInstanceBusinessKey(pi.getBusinessKey())
                .count();
    }

    private String formKeyOf(Task task) {
        return taskService().createTaskQuery().taskId(task.getId()).initializeFormKeys().singleResult().getFormKey();
    }

    private List<String> ranFor(String beanName) {
        return delegates.ranFor(beanName);
    }

    private static Date at(String isoDateTime) {
        return Date.from(OffsetDateTime.parse(isoDateTime).toInstant());
    }
}
