package io.rectify.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The channel when no receiver is configured: the message goes to the application log
 * (logger {@code io.rectify.notification}), so nothing waits for ever in the outbox.
 */
class LogChannel implements NotificationChannel {

    private static final Logger log = LoggerFactory.getLogger("io.rectify.notification");

    @Override
    public String name() {
        return "log";
    }

    @Override
    public void deliver(Notification notification) {
        log.info("notification {} {} of case {} to {} (key {})", notification.id(), notification.kind(),
                notification.caseId(), notification.recipients(), notification.dedupKey());
    }
}
