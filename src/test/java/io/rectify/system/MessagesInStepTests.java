package io.rectify.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * A message with arguments is a {@link MessageFormat} pattern, where a lone apostrophe quotes
     * what follows ("the case's {0}" would show "{0}" as typed): every argument must come through.
     */
    @Test
    void everyArgumentOfEveryMessageIsFilledIn() throws IOException {
        Pattern argument = Pattern.compile("\\{(\\d+)[,}]");
        List<String> swallowed = new ArrayList<>();
        for (String file : List.of("i18n/messages.properties", "i18n/messages_en.properties",
                "i18n/forms.properties", "i18n/forms_en.properties")) {
            Properties messages = load(file);
            for (String key : messages.stringPropertyNames()) {
                String pattern = messages.getProperty(key);
                List<Integer> indexes = new ArrayList<>();
                Matcher m = argument.matcher(pattern);
                while (m.find()) {
                    indexes.add(Integer.parseInt(m.group(1)));
                }
                if (indexes.isEmpty()) {
                    continue;
                }
                Object[] args = new Object[indexes.stream().mapToInt(Integer::intValue).max().orElseThrow() + 1];
                for (int i = 0; i < args.length; i++) {
                    args[i] = pattern.contains("{" + i + ",choice") || pattern.contains("{" + i + ",number") ? 7 : "«" + i + "»";
                }
                String shown = new MessageFormat(pattern, Locale.ROOT).format(args);
                for (int i : indexes) {
                    if (args[i] instanceof String text && !shown.contains(text)) {
                        swallowed.add(file + " " + key + " → " + shown);
                    }
                }
            }
        }
        assertThat(swallowed).as("write an apostrophe in a message with arguments as ''").isEmpty();
    }

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
