package io.rectify.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;

/** Which channels a node has: mail only with a mail sender (spring.mail.host), the webhook only with its address. */
class NotificationChannelsTests {

    @Test
    void withNoMailHostAndNoWebhookThereIsNoChannelBesidesTheCentre() {
        assertThat(channels(null, "").all()).isEmpty();
    }

    @Test
    void aMailSenderGivesMailAndAnAddressTheWebhook() {
        assertThat(channels(mock(JavaMailSender.class), "https://gateway.example.gov.cn/sms").all())
                .extracting(NotificationChannel::name).containsExactly("MAIL", "WEBHOOK");
    }

    private static Channels channels(JavaMailSender sender, String webhook) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        if (sender != null) {
            beans.addBean("mailSender", sender);
        }
        ObjectProvider<JavaMailSender> mail = beans.getBeanProvider(JavaMailSender.class);
        return new NotificationChannels().channels(new NotificationSettings(webhook, "", "rectify@localhost", List.of(3, 1)),
                mail, beans.getBeanProvider(MailAttachments.class), beans.getBeanProvider(NotificationChannel.class),
                null, new ObjectMapper());
    }
}
