package io.rectify.workflow.internal;

import io.rectify.notification.NotificationWritten;
import io.rectify.notification.Notifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The outbox's relay on the engine's own job executor: a written notification gets its delivery
 * job ({@link NotificationDeliveryJob}) in the writer's transaction. Any node of a cluster may take
 * that job, exactly one does, a failure is retried on the job's cycle and ends as an incident on
 * the jobs page.
 *
 * <p>Also the step of the delivery process of earlier releases (bpmn/notification-delivery.bpmn),
 * so the deliveries they started before an upgrade still go out.
 */
@Component("deliverNotification")
class NotificationDelivery implements JavaDelegate {

    static final String VAR_NOTIFICATION_ID = "notificationId";

    private final ProcessEngineConfigurationImpl engine;
    private final Notifications notifications;

    NotificationDelivery(ProcessEngineConfigurationImpl engine, Notifications notifications) {
        this.engine = engine;
        this.notifications = notifications;
    }

    @EventListener
    void on(NotificationWritten written) {
        engine.getCommandExecutorTxRequired().execute(new NotificationDeliveryJob.Create(written.notificationId()));
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.deliver((Long) execution.getVariable(VAR_NOTIFICATION_ID));
    }
}
