package io.rectify.notification;

import java.util.Comparator;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notifications leave Rectify ({@code rectify.notifications.*}). Mail itself is Spring Boot's
 * {@code spring.mail.*}: with no {@code spring.mail.host}, no mail is tried.
 *
 * @param webhookUrl    the signed webhook of the province's SMS or messaging gateway; none when blank
 * @param webhookSecret the shared secret of its {@code X-Rectify-Signature}; unsigned when blank
 * @param mailFrom      the sender of Rectify's mail
 * @param reminderDays  when the respondent of an order is reminded, each value N meaning "N working days
 *                      left, the deadline day counted": 1 is 09:00 (China Standard Time) of the order's
 *                      last working day, 3 is 09:00 of the working day two working days before it (a
 *                      worked 调休 weekend day counts, a holiday does not). 1 to 60; a value given twice
 *                      counts once. Kept largest first, the order the reminders go out in. A reminder
 *                      whose time has passed when the order is issued or its deadline extended is not
 *                      sent (src/docs/notifications.md).
 */
@ConfigurationProperties("rectify.notifications")
public record NotificationSettings(@DefaultValue("") String webhookUrl,
                                   @DefaultValue("") String webhookSecret,
                                   @DefaultValue("rectify@localhost") String mailFrom,
                                   @DefaultValue({"3", "1"}) List<Integer> reminderDays) {

    /** the most working days before a deadline a reminder may go out */
    static final int MAX_REMINDER_DAYS = 60;

    public NotificationSettings {
        for (Integer days : reminderDays) {
            if (days == null || days < 1 || days > MAX_REMINDER_DAYS) {
                throw new IllegalArgumentException("rectify.notifications.reminder-days are working days left before "
                        + "an order's deadline, the deadline day counted: 1 to " + MAX_REMINDER_DAYS + ", not " + days);
            }
        }
        reminderDays = reminderDays.stream().distinct().sorted(Comparator.reverseOrder()).toList();
    }
}
