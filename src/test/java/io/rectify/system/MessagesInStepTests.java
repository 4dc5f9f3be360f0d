package io.rectify.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/** Chinese is the default language, English the second: the two message files name the same keys. */
class MessagesInStepTests {

    @Test
    void chineseAndEnglishMessagesHaveTheSameKeys() throws IOException {
        Properties chinese = load("i18n/messages.properties");
        Properties english = load("i18n/messages_en.properties");
        assertThat(chinese).isNotEmpty();
        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(chinese.stringPropertyNames());
        assertThat(chinese.getProperty("problem.notFound")).matches(".*[\\u4e00-\\u9fa5].*");
    }

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
