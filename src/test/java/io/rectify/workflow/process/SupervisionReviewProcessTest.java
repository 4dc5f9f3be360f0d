package io.rectify.workflow.process;

import static org.assertj.core.api.Assertions.*;
import static io.rectify.process.CaseVariables.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.util.List;

import io.rectify.process.Routing;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The supervision process {@code supervisionReview} (监察机关审查移送案件) on its own: started by the
 * message {@code CaseEscalated}, it always ends by telling the case that the review has finished.
 */
@Deployment(resources = "bpmn/supervision-review.bpmn")
class SupervisionReviewProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0)
            .build();

    private static final String SUPERVISION = "org:NC-SUPERVISION,org:JX-SUPERVISION";

    private TestDelegates delegates;

    @BeforeEach
    void initAssertions() {
        ProcessEngine engine = extension.getProcessEngine();
        init(engine);
        delegates = TestDelegates.install(engine);
    }

    @Test
    void escalatedCaseIsReviewedByTheSupervisionBodyOfItsRegion() {
        ProcessInstance review = escalate("case-s1");

        assertThat(review).isStarted().hasBusinessKey("case-s1").isWaitingAtExactly("reviewEscalation");
        assertThat(review).task()
                .hasCandidateGroup("org:NC-SUPERVISION").hasCandidateGroup("org:JX-SUPERVISION")
                .hasFormKey("reviewEscalation");
    }

    @Test
    void sanctionDecisionAsksForTheSanctionsThenFinishesTheReview() {
        ProcessInstance review = escalate("case-s2");

        complete(task("reviewEscalation", review), Routing.of(DECISION, "SANCTION").asMap());

        assertThat(review).isWaitingAtExactly("recordSanctions").task()
                .hasCandidateGroup("org:NC-SUPERVISION").hasCandidateGroup("org:JX-SUPERVISION")
                .hasFormKey("recordSanctions");
        assertThat(ranFor()).isEmpty();

        complete(task("recordSanctions", review));

        assertThat(review).isEnded().hasPassedInOrder("Start_CaseEscalated", "reviewEscalation",
                "Gateway_Decision", "recordSanctions", "Gateway_Decided", "End_ReviewFinished");
        assertThat(ranFor()).containsExactly("case-s2");
    }

    @Test
    void noSanctionDecisionFinishesTheReviewAtOnce() {
        ProcessInstance review = escalate("case-s3");

        complete(task("reviewEscalation", review), Routing.of(DECISION, "NO_SANCTION").asMap());

        assertThat(review).isEnded().hasPassed("End_ReviewFinished").hasNotPassed("recordSanctions");
        assertThat(ranFor()).containsExactly("case-s3");
    }

    @Test
    void decisionOtherThanSanctionOrNoSanctionIsRefused() {
        ProcessInstance review = escalate("case-s4");

        assertThatThrownBy(() -> complete(task("reviewEscalation", review), Routing.of(DECISION, "BACK").asMap()))
                .isInstanceOf(ProcessEngineException.class);
        assertThat(review).isWaitingAtExactly("reviewEscalation");
    }

    private ProcessInstance escalate(String caseId) {
        return runtimeService().createMessageCorrelation("CaseEscalated")
                .processInstanceBusinessKey(caseId)
                .setVariables(Routing.of(CASE_ID, caseId).with(CATEGORY, "A33-07")
                        .with(SUPERVISION_GROUPS, SUPERVISION).asMap())
                .correlateStartMessage();
    }

    private List<String> ranFor() {
        return delegates.ranFor("notifyReviewFinished");
    }
}
