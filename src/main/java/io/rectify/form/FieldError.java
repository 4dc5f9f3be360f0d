package io.rectify.form;

import java.util.List;

/**
 * A submitted value the form refuses.
 *
 * @param field          the path of the value: {@code report}, or {@code sanctions[0].personName}
 * @param code           the message code, e.g. {@code form.required} (see {@code i18n/forms.properties})
 * @param args           the message arguments; the first is the field's Chinese label (the key, for an unknown field)
 * @param defaultMessage the message in Simplified Chinese
 */
public record FieldError(String field, String code, List<Object> args, String defaultMessage) {

    public FieldError {
        args = List.copyOf(args);
    }
}
