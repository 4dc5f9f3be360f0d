package io.rectify.form;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One input field of a form, read from its form-js component.
 *
 * @param key           the value's key ({@code key}, or {@code path} for a dynamic list)
 * @param type          the form-js type: textfield, textarea, number, checkbox, select, radio, datetime, dynamiclist
 * @param subtype       for datetime: {@code date} or {@code datetime}; otherwise null
 * @param label         the Chinese label
 * @param labelEn       the English label ({@code properties.labelEn})
 * @param required      {@code validate.required}
 * @param min           {@code validate.min} (numbers), or null
 * @param max           {@code validate.max} (numbers), or null
 * @param decimalDigits for numbers, the form-js {@code decimalDigits}: 0 means whole numbers; null means any
 * @param minLength     {@code validate.minLength}, or null
 * @param maxLength     {@code validate.maxLength}, or null
 * @param pattern       {@code validate.pattern} (a regular expression the whole value must match), or null
 * @param options       the choices of a select or radio, otherwise empty
 * @param items         the fields of one item of a dynamic list, otherwise empty
 * @param minItems      for a dynamic list, {@code properties.minItems}, or null
 * @param maxItems      for a dynamic list, {@code properties.maxItems}, or null
 * @param properties    the component's custom properties, as in the schema
 */
public record FormField(
        String key,
        String type,
        String subtype,
        String label,
        String labelEn,
        boolean required,
        BigDecimal min,
        BigDecimal max,
        Integer decimalDigits,
        Integer minLength,
        Integer maxLength,
        String pattern,
        List<Option> options,
        List<FormField> items,
        Integer minItems,
        Integer maxItems,
        Map<String, String> properties) {

    public static final String TEXTFIELD = "textfield";
    public static final String TEXTAREA = "textarea";
    public static final String NUMBER = "number";
    public static final String CHECKBOX = "checkbox";
    public static final String SELECT = "select";
    public static final String RADIO = "radio";
    public static final String DATETIME = "datetime";
    public static final String DYNAMIC_LIST = "dynamiclist";

    public static final String SUBTYPE_DATE = "date";
    public static final String SUBTYPE_DATETIME = "datetime";

    /** The custom property that turns a radio or select with the values "true"/"false" into a yes/no field. */
    public static final String VALUE_TYPE = "valueType";

    public FormField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        options = List.copyOf(options);
        items = List.copyOf(items);
        properties = Map.copyOf(properties);
    }

    /** A choice of a select or radio. */
    public record Option(String value, String label, String labelEn) {
        public String label(Locale locale) {
            return isEnglish(locale) ? labelEn : label;
        }
    }

    /** The label in the given locale: English for {@code en*}, Chinese otherwise. */
    public String label(Locale locale) {
        return isEnglish(locale) ? labelEn : label;
    }

    /** A number field that takes whole numbers only. */
    public boolean integer() {
        return NUMBER.equals(type) && decimalDigits != null && decimalDigits == 0;
    }

    /** A select or radio whose values are "true" and "false", submitted and returned as a Boolean. */
    public boolean yesNo() {
        return "boolean".equals(properties.get(VALUE_TYPE));
    }

    public boolean list() {
        return DYNAMIC_LIST.equals(type);
    }

    public Optional<Option> option(String value) {
        return options.stream().filter(o -> o.value().equals(value)).findFirst();
    }

    public Optional<FormField> item(String key) {
        return items.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    private static boolean isEnglish(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }
}
