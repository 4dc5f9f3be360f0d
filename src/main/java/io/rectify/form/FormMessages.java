package io.rectify.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import io.rectify.kernel.FieldProblem;
import org.springframework.context.MessageSource;

/**
 * The messages of {@link FieldProblem}s. The texts live in {@code i18n/forms.properties} (Chinese,
 * the default) and {@code i18n/forms_en.properties}; the application's {@link MessageSource} reads
 * both. {@link #render} puts the field's label in the reader's language.
 */
public final class FormMessages {

    static final String BUNDLE = "i18n/forms";
    private static final Locale DEFAULT_LOCALE = Locale.SIMPLIFIED_CHINESE;
    private static final Properties DEFAULTS = load(BUNDLE + ".properties");

    private FormMessages() {
    }

    /** The Chinese message of a code, as the default message of a {@link FieldProblem}. */
    static String defaultMessage(String code, List<Object> args) {
        String template = DEFAULTS.getProperty(code);
        if (template == null) {
            throw new IllegalStateException("No message for " + code + " in " + BUNDLE + ".properties");
        }
        return new MessageFormat(template, DEFAULT_LOCALE).format(args.toArray());
    }

    /**
     * The message of an error in a locale, naming the field by its label in that locale.
     *
     * @param form the form the error came from (for the field's labels)
     */
    public static String render(FormDefinition form, FieldProblem error, MessageSource messages, Locale locale) {
        List<Object> args = new ArrayList<>(error.args());
        if (!"form.unknownField".equals(error.code()) && !args.isEmpty()) {
            form.fieldAt(error.field()).ifPresent(field -> args.set(0, field.label(locale)));
        }
        return messages.getMessage(error.code(), args.toArray(), error.defaultMessage(), locale);
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = FormMessages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource + " on the classpath");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
        return properties;
    }
}
