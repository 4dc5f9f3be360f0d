package io.rectify.notification;

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
 * @param reminderDays  how many working days before an order's deadline its respondent is reminded
 */
@ConfigurationProperties("rectify.notifications")
public record NotificationSettings(@DefaultValue("") String webhookUrl,
                                   @DefaultValue("") String webhookSecret,
                                   @DefaultValue("rectify@localhost") String mailFrom,
                                   @DefaultValue({"3", "1"}) List<Integer> reminderDays) {

    public NotificationSettings {
        reminderDays = List.copyOf(reminderDays);
        for (Integer days : reminderDays) {
            if (days == null || days < 0 || days > 60) {
                throw new IllegalArgumentException("rectify.notifications.reminder-days are working days before the "
                        + "deadline, 0 to 60, not " + days);
            }
        }
    }
}
