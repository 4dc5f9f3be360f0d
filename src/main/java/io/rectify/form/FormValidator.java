package io.rectify.form;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.UnsafeText;

/**
 * Checks a submission against its form and normalises the values. Stateless.
 *
 * <p>The raw values come either from JSON (String, Integer/Long/Double/BigDecimal, Boolean, List,
 * Map) or from an HTML form post, where everything is a String ("true"/"on" for a ticked checkbox,
 * "" for an empty input, {@code String[]} from a servlet parameter map) and list items arrive as
 * flat keys {@code sanctions[0].personName}. Blank strings count as absent. A key the form does not
 * define is an error.
 */
public final class FormValidator {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,30}(\\.\\d{1,30})?");
    private static final Pattern FLAT_ITEM_KEY = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)\\[(\\d{1,4})]\\.([A-Za-z][A-Za-z0-9_]*)");
    private static final Set<String> TRUE = Set.of("true", "on");
    private static final Set<String> FALSE = Set.of("false", "off");
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private FormValidator() {
    }

    public static FormSubmission validate(FormDefinition form, Map<String, ?> raw) {
        List<FieldProblem> errors = new ArrayList<>();
        Map<String, Object> values = fields(form.fields(), unflatten(form, raw == null ? Map.of() : raw), "", errors);
        return new FormSubmission(values, errors);
    }

    private static Map<String, Object> fields(List<FormField> fields, Map<String, ?> raw, String prefix, List<FieldProblem> errors) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FormField field : fields) {
            Object value = field(field, scalar(raw.get(field.key())), prefix + field.key(), errors);
            if (value != null) {
                values.put(field.key(), value);
            }
        }
        Set<String> known = fields.stream().map(FormField::key).collect(Collectors.toSet());
        for (String key : raw.keySet()) {
            if (!known.contains(key)) {
                errors.add(error(prefix + key, "form.unknownField", key));
            }
        }
        return Collections.unmodifiableMap(values);
    }

    private static Object field(FormField field, Object raw, String path, List<FieldProblem> errors) {
        if (field.list()) {
            int before = errors.size();
            List<Map<String, Object>> items = list(field, raw, path, errors);
            return errors.size() == before ? items : null;
        }
        if (FormField.CHECKBOX.equals(field.type())) {
            Boolean ticked = isBlank(raw) ? Boolean.FALSE : bool(raw);
            if (ticked == null) {
                errors.add(error(path, "form.boolean", field.label()));
                return null;
            }
            if (field.required() && !ticked) {
                errors.add(error(path, "form.required", field.label()));
            }
            return ticked;
        }
        if (isBlank(raw)) {
            if (field.required()) {
                errors.add(error(path, "form.required", field.label()));
            }
            return null;
        }
        int before = errors.size();
        Object value = switch (field.type()) {
            case FormField.TEXTFIELD, FormField.TEXTAREA -> text(field, raw, path, errors);
            case FormField.NUMBER -> number(field, raw, path, errors);
            case FormField.SELECT, FormField.RADIO -> choice(field, raw, path, errors);
            case FormField.DATETIME -> dateTime(field, raw, path, errors);
            default -> throw new IllegalStateException("Unsupported field type " + field.type());
        };
        return errors.size() == before ? value : null;
    }

    private static String text(FormField field, Object raw, String path, List<FieldProblem> errors) {
        if (!(raw instanceof String s)) {
            errors.add(error(path, "form.text", field.label()));
            return null;
        }
        String value = s.strip();
        int length = value.codePointCount(0, value.length());
        if (field.minLength() != null && length < field.minLength()) {
            errors.add(error(path, "form.minLength", field.label(), field.minLength()));
        }
        if (field.maxLength() != null && length > field.maxLength()) {
            errors.add(error(path, "form.maxLength", field.label(), field.maxLength()));
        } else if (field.pattern() != null && !pattern(field.pattern()).matcher(value).matches()) {
            errors.add(error(path, "form.pattern", field.label(), field.pattern()));
        }
        UnsafeText.first(value).ifPresent(character -> errors.add(error(path, "form.unsafeText", field.label(), character)));
        return value;
    }

    private static Object number(FormField field, Object raw, String path, List<FieldProblem> errors) {
        BigDecimal number = decimal(raw);
        if (number == null) {
            errors.add(error(path, "form.number", field.label()));
            return null;
        }
        BigDecimal stripped = number.stripTrailingZeros();
        if (field.integer() && stripped.scale() > 0) {
            errors.add(error(path, "form.integer", field.label()));
            return null;
        }
        if (field.decimalDigits() != null && !field.integer() && stripped.scale() > field.decimalDigits()) {
            errors.add(error(path, "form.decimalDigits", field.label(), field.decimalDigits()));
            return null;
        }
        if (field.min() != null && number.compareTo(field.min()) < 0) {
            errors.add(error(path, "form.min", field.label(), field.min()));
            return null;
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
            errors.add(error(path, "form.max", field.label(), field.max()));
            return null;
        }
        if (field.integer()) {
            try {
                return stripped.intValueExact();
            } catch (ArithmeticException e) {
                errors.add(error(path, "form.integer", field.label()));
                return null;
            }
        }
        return number;
    }

    private static BigDecimal decimal(Object raw) {
        if (raw instanceof BigDecimal d) {
            return d;
        }
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            return BigDecimal.valueOf(((Number) raw).longValue());
        }
        if (raw instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (raw instanceof Double || raw instanceof Float) {
            double d = ((Number) raw).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        if (raw instanceof String s) {
            String trimmed = s.strip();
            return DECIMAL.matcher(trimmed).matches() ? new BigDecimal(trimmed) : null;
        }
        return null;
    }

    private static Object choice(FormField field, Object raw, String path, List<FieldProblem> errors) {
        if (field.yesNo()) {
            Boolean value = raw instanceof Boolean b ? b : raw instanceof String s ? yesNo(s.strip()) : null;
            if (value == null) {
                errors.add(error(path, "form.boolean", field.label()));
            }
            return value;
        }
        if (!(raw instanceof String s)) {
            errors.add(error(path, "form.option", field.label(), String.valueOf(raw), choices(field)));
            return null;
        }
        String value = s.strip();
        if (field.option(value).isEmpty()) {
            errors.add(error(path, "form.option", field.label(), value, choices(field)));
            return null;
        }
        return value;
    }

    private static Object dateTime(FormField field, Object raw, String path, List<FieldProblem> errors) {
        boolean dateOnly = FormField.SUBTYPE_DATE.equals(field.subtype());
        Object value = dateOnly ? date(raw) : dateTime(raw);
        if (value == null) {
            errors.add(error(path, dateOnly ? "form.date" : "form.datetime", field.label()));
        }
        return value;
    }

    private static LocalDate date(Object raw) {
        if (raw instanceof LocalDate d) {
            return d;
        }
        if (raw instanceof String s) {
            try {
                return LocalDate.parse(s.strip(), DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    private static Object dateTime(Object raw) {
        if (raw instanceof OffsetDateTime || raw instanceof LocalDateTime) {
            return raw;
        }
        if (raw instanceof ZonedDateTime z) {
            return z.toOffsetDateTime();
        }
        if (!(raw instanceof String s)) {
            return null;
        }
        String text = s.strip();
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            } catch (DateTimeParseException notLocal) {
                return null;
            }
        }
    }

    private static List<Map<String, Object>> list(FormField field, Object raw, String path, List<FieldProblem> errors) {
        List<?> entries;
        if (isBlank(raw)) {
            entries = List.of();
        } else if (raw instanceof List<?> l) {
            entries = l;
        } else if (raw instanceof Object[] a) {
            entries = Arrays.asList(a);
        } else {
            errors.add(error(path, "form.list", field.label()));
            return null;
        }
        if (field.minItems() != null && entries.size() < field.minItems()) {
            errors.add(error(path, "form.minItems", field.label(), field.minItems()));
        }
        if (field.maxItems() != null && entries.size() > field.maxItems()) {
            errors.add(error(path, "form.maxItems", field.label(), field.maxItems()));
            return null;
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String itemPath = path + "[" + i + "]";
            if (!(entries.get(i) instanceof Map<?, ?> entry) || !stringKeys(entry)) {
                errors.add(error(itemPath, "form.list", field.label()));
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, ?> item = (Map<String, ?>) entry;
            items.add(fields(field.items(), item, itemPath + ".", errors));
        }
        return raw == null ? null : Collections.unmodifiableList(items);
    }

    /**
     * Gathers the flat keys of an HTML post ({@code sanctions[0].personName}) into list items,
     * ordered by index (gaps close up). A key whose list is not a field of the form, or whose list
     * also came whole, stays as it is (and is reported as unknown).
     */
    private static Map<String, ?> unflatten(FormDefinition form, Map<String, ?> raw) {
        Map<String, TreeMap<Integer, Map<String, Object>>> lists = new LinkedHashMap<>();
        Map<String, Object> rest = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : raw.entrySet()) {
            Matcher m = FLAT_ITEM_KEY.matcher(e.getKey());
            if (m.matches() && !raw.containsKey(m.group(1))
                    && form.field(m.group(1)).filter(FormField::list).isPresent()) {
                lists.computeIfAbsent(m.group(1), k -> new TreeMap<>())
                        .computeIfAbsent(Integer.valueOf(m.group(2)), i -> new LinkedHashMap<>())
                        .put(m.group(3), e.getValue());
            } else {
                rest.put(e.getKey(), e.getValue());
            }
        }
        if (lists.isEmpty()) {
            return raw;
        }
        lists.forEach((key, items) -> rest.put(key, new ArrayList<>(items.values())));
        return rest;
    }

    /** A servlet parameter arrives as {@code String[]}: one value is that value, none is absent. */
    private static Object scalar(Object raw) {
        if (raw instanceof String[] a) {
            return a.length == 0 ? null : a.length == 1 ? a[0] : a;
        }
        return raw;
    }

    private static boolean isBlank(Object raw) {
        return raw == null || raw instanceof String s && s.isBlank();
    }

    private static Boolean bool(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof String s) {
            String v = s.strip().toLowerCase(java.util.Locale.ROOT);
            return TRUE.contains(v) ? Boolean.TRUE : FALSE.contains(v) ? Boolean.FALSE : null;
        }
        return null;
    }

    private static Boolean yesNo(String value) {
        return "true".equals(value) ? Boolean.TRUE : "false".equals(value) ? Boolean.FALSE : null;
    }

    private static boolean stringKeys(Map<?, ?> map) {
        return map.keySet().stream().allMatch(String.class::isInstance);
    }

    private static String choices(FormField field) {
        return field.options().stream().map(FormField.Option::value).collect(Collectors.joining(", "));
    }

    private static Pattern pattern(String regex) {
        return PATTERNS.computeIfAbsent(regex, Pattern::compile);
    }

    private static FieldProblem error(String path, String code, Object... args) {
        List<Object> list = List.of(args);
        return new FieldProblem(path, code, list, FormMessages.defaultMessage(code, list));
    }
}
