package io.rectify.workflow.process;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The outbox relay of earlier releases, {@code notificationDelivery} (投递通知), still deployed for
 * the deliveries they started: started in the transaction that wrote the notification, it waits
 * for a job, so the delivery happens only after that commit, on whichever node's job executor
 * takes it; a failed delivery is tried again every ten minutes, six tries in all, then waits as an
 * incident. Deliveries are now jobs of their own (NotificationDeliveryRetryTests).
 */
@Deployment(resources = "bpmn/notification-delivery.bpmn")
class NotificationDeliveryProcessTest {

    @RegisterExtension
    static ProcessEngineCoverageExtension extension = ProcessEngineCoverageExtension.builder()
            .assertClassCoverageAtLeast(1.0)
            .build();

    private ProcessEngine engine;

    @BeforeEach
    void initAssertions() {
        engine = extension.getProcessEngine();
        init(engine);
        TestDelegates.install(engine);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void deliveryWaitsForAJobThenHandsTheMessageOverOnce() {
        ProcessInstance delivery = written(41L);

        assertThat(delivery).isWaitingAt("Task_Deliver");
        assertThat(deliverer().ranFor()).isEmpty();

        execute(job(delivery));

        assertThat(delivery).isEnded().hasPassedInOrder("Start_NotificationWritten", "Task_Deliver", "End_Delivered");
        assertThat(deliverer().ranFor()).containsExactly("notification-41");
    }

    @Test
    void failedDeliveryIsTriedSixTimesTenMinutesApartAndEndsAsAnIncidentWhenTheRetriesAreSpent() {
        Instant now = Instant.parse("2026-11-27T08:00:00Z");
        ClockUtil.setCurrentTime(Date.from(now));
        deliverer().receiverDown(true);
        ProcessInstance delivery = written(42L);

        assertThatThrownBy(() -> execute(job(delivery))).hasMessageContaining("receiver unreachable");

        Job retried = job(delivery);
        assertThat(retried.getRetries()).isEqualTo(5);
        assertThat(retried.getDuedate()).isEqualTo(Date.from(now.plus(Duration.ofMinutes(10))));
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThatThrownBy(() -> execute(job(delivery))).hasMessageContaining("receiver unreachable");
        }
        assertThat(job(delivery).getRetries()).isZero();
        assertThat(runtimeService().createIncidentQuery().processInstanceId(delivery.getId()).count()).isEqualTo(1);

        deliverer().receiverDown(false);
        managementService().setJobRetries(job(delivery).getId(), 1);
        execute(job(delivery));

        assertThat(delivery).isEnded();
        assertThat(deliverer().ranFor()).hasSize(7);
    }

    private ProcessInstance written(long notificationId) {
        return runtimeService().createProcessInstanceByKey("notificationDelivery")
                .businessKey("notification-" + notificationId)
                .setVariable("notificationId", notificationId)
                .execute();
    }

    private TestDelegates.DeliverNotification deliverer() {
        return TestDelegates.deliverer(engine);
    }
}
