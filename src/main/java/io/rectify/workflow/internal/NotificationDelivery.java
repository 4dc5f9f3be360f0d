package io.rectify.workflow.internal;

import io.rectify.notification.NotificationWritten;
import io.rectify.notification.Notifications;
import io.rectify.workflow.internal.engine.NotificationDeliveryJob;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The outbox's relay on the engine's own job executor: a written notification gets its delivery
 * job ({@link NotificationDeliveryJob}) in the writer's transaction. Any node of a cluster may take
 * that job, exactly one does, a failure is retried and the last one ends as an incident on the
 * jobs page.
 *
 * <p>Also the step of the delivery process of earlier releases (bpmn/notification-delivery.bpmn),
 * so the deliveries they started before an upgrade still go out.
 */
@Component("deliverNotification")
class NotificationDelivery implements JavaDelegate {

    static final String VAR_NOTIFICATION_ID = "notificationId";

    private final NotificationDeliveryJob jobs;
    private final Notifications notifications;

    NotificationDelivery(NotificationDeliveryJob jobs, Notifications notifications) {
        this.jobs = jobs;
        this.notifications = notifications;
    }

    @EventListener
    void on(NotificationWritten written) {
        jobs.schedule(written.notificationId());
    }

    @Override
    public void execute(DelegateExecution execution) {
        long notification = (Long) execution.getVariable(VAR_NOTIFICATION_ID);
        notifications.fanOut(notification).ifPresent(deliveries -> deliveries.forEach(
                delivery -> jobs.scheduleDelivery(notification, delivery)));
    }
}
