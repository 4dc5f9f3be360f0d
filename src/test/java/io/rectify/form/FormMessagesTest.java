package io.rectify.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.rectify.kernel.FieldProblem;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class FormMessagesTest {

    private static final Set<String> CODES = Set.of("form.required", "form.min", "form.max", "form.minLength",
            "form.maxLength", "form.pattern", "form.option", "form.number", "form.integer", "form.decimalDigits",
            "form.date", "form.datetime", "form.boolean", "form.text", "form.unknownField", "form.minItems",
            "form.maxItems", "form.list", "form.unsafeText");

    @Test
    void chineseAndEnglishHaveTheSameKeysAndEveryCodeTheValidatorUses() throws IOException {
        Properties zh = load("i18n/forms.properties");
        Properties en = load("i18n/forms_en.properties");
        assertThat(new TreeSet<>(zh.stringPropertyNames())).isEqualTo(new TreeSet<>(en.stringPropertyNames()));
        assertThat(zh.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(CODES);
    }

    @Test
    void bothLanguagesUseTheSameArgumentsAndNameTheFieldFirst() throws IOException {
        Properties zh = load("i18n/forms.properties");
        Properties en = load("i18n/forms_en.properties");
        for (String key : zh.stringPropertyNames()) {
            assertThat(placeholders(zh.getProperty(key))).as(key).isEqualTo(placeholders(en.getProperty(key))).contains(0);
            assertThat(new MessageFormat(zh.getProperty(key)).format(new Object[] {"甲", 1, 2})).as(key).startsWith("甲");
            assertThat(new MessageFormat(en.getProperty(key)).format(new Object[] {"A", 1, 2})).as(key).startsWith("A");
        }
    }

    @Test
    void theChineseFileIsPlainUtf8() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("i18n/forms.properties")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text).contains("为必填项").doesNotContain("\\u");
        }
    }

    @Test
    void anErrorReadsInTheReadersLanguageWithTheLabelInThatLanguage() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/forms");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);

        FormDefinition form = new FormCatalog().get("recordSanctions");
        FormSubmission s = FormValidator.validate(form, Map.of("sanctions", java.util.List.of(Map.of("post", "科长"))));
        FieldProblem personName = s.errors().get(0);
        assertThat(personName.field()).isEqualTo("sanctions[0].personName");

        assertThat(FormMessages.render(form, personName, messages, Locale.ENGLISH)).isEqualTo("Name is required");
        assertThat(FormMessages.render(form, personName, messages, Locale.SIMPLIFIED_CHINESE)).isEqualTo("姓名为必填项");
        assertThat(FormMessages.render(form, personName, messages, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo(personName.defaultMessage());
    }

    private static Set<Integer> placeholders(String message) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{(\\d)}").matcher(message);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = FormMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
