package io.rectify.workflow.internal;

import io.rectify.notification.NotificationWritten;
import io.rectify.notification.Notifications;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The outbox's relay on the engine's own job executor (bpmn/notification-delivery.bpmn): a
 * written notification starts a delivery process in the writer's transaction, whose only step
 * waits for a job. Any node of a cluster may take that job, exactly one does, a failure is
 * retried on the model's cycle and ends as an incident on the jobs page.
 */
@Component("deliverNotification")
class NotificationDelivery implements JavaDelegate {

    static final String PROCESS_KEY = "notificationDelivery";
    static final String VAR_NOTIFICATION_ID = "notificationId";

    private final RuntimeService runtime;
    private final Notifications notifications;

    NotificationDelivery(RuntimeService runtime, Notifications notifications) {
        this.runtime = runtime;
        this.notifications = notifications;
    }

    @EventListener
    void on(NotificationWritten written) {
        runtime.createProcessInstanceByKey(PROCESS_KEY)
                .businessKey("notification-" + written.notificationId())
                .setVariable(VAR_NOTIFICATION_ID, written.notificationId())
                .execute();
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.deliver((Long) execution.getVariable(VAR_NOTIFICATION_ID));
    }
}
