package io.rectify.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.Locale;

import io.rectify.casefile.CaseService;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The title of a notification in each language, a reminder's with the working days it tells of. */
class NotificationTextsTests {

    private final NotificationTexts texts = new NotificationTexts(messages(), mock(CaseService.class));

    @Test
    void reminderSaysHowManyWorkingDaysAreLeft() {
        assertThat(texts.title("REMINDER", 3, "赣府办整改〔2026〕12号", NotificationTexts.CHINESE))
                .isEqualTo("整改期限提醒（剩余 3 个工作日）：赣府办整改〔2026〕12号");
        assertThat(texts.title("REMINDER", 3, "X-12", Locale.ENGLISH))
                .isEqualTo("Deadline reminder (3 working days left): X-12");
        assertThat(texts.title("REMINDER", 1, "X-12", Locale.ENGLISH))
                .isEqualTo("Deadline reminder (1 working day left): X-12");
    }

    @Test
    void reminderWrittenBeforeRemindersCountedKeepsItsPlainTitle() {
        assertThat(texts.title("REMINDER", null, "X-12", NotificationTexts.CHINESE)).isEqualTo("整改期限提醒：X-12");
        assertThat(texts.title("ORDER_ISSUED", null, null, Locale.ENGLISH)).isNotEqualTo("ORDER_ISSUED");
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
