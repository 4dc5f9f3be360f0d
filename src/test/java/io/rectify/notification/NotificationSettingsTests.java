package io.rectify.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code rectify.notifications.reminder-days}: working days left, 1 to 60, each once, the earliest reminder first. */
class NotificationSettingsTests {

    @Test
    void reminderDaysAreKeptOnceEachLargestFirst() {
        assertThat(settings(1, 3, 3, 10).reminderDays()).containsExactly(10, 3, 1);
    }

    @Test
    void reminderDaysOutsideOneToSixtyAreRefused() {
        assertThatThrownBy(() -> settings(3, 0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 0");
        assertThatThrownBy(() -> settings(61)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 61");
        assertThatThrownBy(() -> settings(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NotificationSettings("", "", "rectify@localhost", Arrays.asList(3, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(settings(60, 1).reminderDays()).containsExactly(60, 1);
    }

    private static NotificationSettings settings(Integer... days) {
        return new NotificationSettings("", "", "rectify@localhost", List.of(days));
    }
}
