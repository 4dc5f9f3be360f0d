package io.rectify.workflow.process;

import static io.rectify.process.PublicReportVariables.ACCEPTED;
import static io.rectify.process.PublicReportVariables.DEADLINE_AT;
import static io.rectify.process.PublicReportVariables.OFFICE_GROUPS;
import static io.rectify.process.PublicReportVariables.REMINDER_AT;
import static io.rectify.process.PublicReportVariables.REPORT_ID;
import static io.rectify.process.PublicReportVariables.RESPONDENT_GROUPS;
import static io.rectify.process.PublicReportVariables.TRIAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.process.Routing;
import io.rectify.publicreport.PublicReports;
import io.rectify.workflow.internal.RealPublicReportDelegates;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The handling of a public error report, {@code publicReport} (网民找错留言办理): the office triages
 * (forward, or end as not an error or a duplicate); a forwarded report waits for the body's reply,
 * with a reminder at 09:00 and an overdue mark at 24:00 of the last working day that leave the reply
 * open; the office accepts the reply (done) or sends it back for another.
 */
@Deployment(resources = "bpmn/public-report.bpmn")
class PublicReportProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0)
            .build();

    /** Forwarded Friday 18 September 2026: the third working day is Tuesday the 22nd (Sunday the 20th is a 调休 working day). */
    static final LocalDate LAST_WORKING_DAY = new WorkingDayCalendar().addWorkingDays(LocalDate.of(2026, 9, 18), 3);

    private PublicReports reports;

    @BeforeEach
    void initAssertions() {
        ProcessEngine engine = extension.getProcessEngine();
        init(engine);
        reports = mock(PublicReports.class);
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getBeans()
                .putAll(RealPublicReportDelegates.of(reports));
    }

    @Test
    void theThirdWorkingDayCountsTheAdjustedSunday() {
        assertThat(LAST_WORKING_DAY).isEqualTo(LocalDate.of(2026, 9, 22));
    }

    @Test
    void aReportWaitsForTheTriageOfItsOffice() {
        ProcessInstance report = received("r-1");

        assertThat(report).isStarted().hasBusinessKey("r-1").isWaitingAtExactly("triageReport")
                .task().hasCandidateGroup("org:GZ-GOV-OFFICE").hasFormKey("triageReport");
    }

    @Test
    void aForwardedReportIsRepliedByTheBodyAndAcceptedByTheOffice() {
        ProcessInstance report = received("r-2");

        complete(task("triageReport", report), forward());
        assertThat(report).isWaitingAtExactly("replyToReport").task().hasCandidateGroup("org:GZ-EDU")
                .hasFormKey("replyToReport").hasDueDate(deadline());
        complete(task("replyToReport", report));
        assertThat(report).isWaitingAtExactly("reviewReply").task().hasCandidateGroup("org:GZ-GOV-OFFICE");
        complete(task("reviewReply", report), Routing.of(ACCEPTED, true).asMap());

        assertThat(report).isEnded().hasPassedInOrder("Start_ReportReceived", "triageReport", "Gateway_Triage",
                "Gateway_ToReply", "replyToReport", "reviewReply", "Gateway_ReplyAccepted", "End_Done");
        verify(reports, never()).remind("r-2");
    }

    @Test
    void aReplySentBackIsAnsweredAgain() {
        ProcessInstance report = received("r-3");
        complete(task("triageReport", report), forward());
        complete(task("replyToReport", report));

        complete(task("reviewReply", report), Routing.of(ACCEPTED, false).asMap());

        assertThat(report).isWaitingAtExactly("replyToReport").task().hasCandidateGroup("org:GZ-EDU");
        complete(task("replyToReport", report));
        complete(task("reviewReply", report), Routing.of(ACCEPTED, true).asMap());
        assertThat(report).isEnded().hasPassed("End_Done");
    }

    @Test
    void aReportThatIsNoErrorOrADuplicateEndsWithoutForwarding() {
        ProcessInstance rejected = received("r-4");
        complete(task("triageReport", rejected), Routing.of(TRIAGE, "REJECT").asMap());
        assertThat(rejected).isEnded().hasPassed("End_NotForwarded").hasNotPassed("replyToReport");

        ProcessInstance duplicate = received("r-5");
        complete(task("triageReport", duplicate), Routing.of(TRIAGE, "DUPLICATE").asMap());
        assertThat(duplicate).isEnded().hasPassed("End_NotForwarded");
    }

    @Test
    void theBodyIsRemindedOnTheLastDayAndMarkedOverdueAfterItWhileItsReplyStaysOpen() {
        ProcessInstance report = received("r-6");
        complete(task("triageReport", report), forward());

        Job reminder = timer(report, "Timer_ReportReminder");
        assertThat(reminder.getDuedate()).isEqualTo(Date.from(new WorkingDayCalendar().reminderAt(LAST_WORKING_DAY)));
        execute(reminder);
        verify(reports).remind("r-6");
        assertThat(report).isWaitingAt("replyToReport").hasPassed("Task_RemindBody", "End_Reminded");

        Job deadline = timer(report, "Timer_ReportDeadline");
        assertThat(deadline.getDuedate()).isEqualTo(deadline());
        execute(deadline);
        verify(reports).markOverdue("r-6");
        assertThat(report).isWaitingAtExactly("replyToReport").hasPassed("Task_MarkReportOverdue", "End_MarkedOverdue");

        complete(task("replyToReport", report));
        assertThat(managementService().createJobQuery().processInstanceId(report.getId()).count()).isZero();
    }

    private ProcessInstance received(String reportId) {
        return runtimeService().startProcessInstanceByKey("publicReport", reportId,
                Routing.of(REPORT_ID, reportId).with(OFFICE_GROUPS, "org:GZ-GOV-OFFICE").asMap());
    }

    private static java.util.Map<String, Object> forward() {
        WorkingDayCalendar calendar = new WorkingDayCalendar();
        return Routing.of(TRIAGE, "FORWARD").with(RESPONDENT_GROUPS, "org:GZ-EDU")
                .with(DEADLINE_AT, Date.from(calendar.deadlineEnd(LAST_WORKING_DAY)))
                .with(REMINDER_AT, Date.from(calendar.reminderAt(LAST_WORKING_DAY))).asMap();
    }

    private static Date deadline() {
        return Date.from(Instant.parse("2026-09-22T16:00:00Z"));
    }

    private static Job timer(ProcessInstance report, String activityId) {
        return managementService().createJobQuery().processInstanceId(report.getId()).activityId(activityId).singleResult();
    }
}
