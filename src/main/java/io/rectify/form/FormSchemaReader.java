package io.rectify.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a form-js schema into a {@link FormDefinition}, refusing anything the validator could not
 * enforce faithfully: an unknown component type, a missing or duplicate key or id, a field without
 * its English label, a select without values, a pattern that does not compile.
 */
final class FormSchemaReader {

    private static final Set<String> INPUT_TYPES = Set.of(
            FormField.TEXTFIELD, FormField.TEXTAREA, FormField.NUMBER, FormField.CHECKBOX,
            FormField.SELECT, FormField.RADIO, FormField.DATETIME, FormField.DYNAMIC_LIST);
    private static final Set<String> DISPLAY_TYPES = Set.of("text", "separator", "spacer");
    private static final Set<String> DATETIME_SUBTYPES = Set.of(FormField.SUBTYPE_DATE, FormField.SUBTYPE_DATETIME);
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private final String source;
    private final Set<String> componentIds = new HashSet<>();

    private FormSchemaReader(String source) {
        this.source = source;
    }

    /**
     * @param formKey the form key (the file name without {@code .form})
     * @param source  where the schema came from, for messages
     */
    static FormDefinition read(String formKey, String source, JsonNode schema) {
        return new FormSchemaReader(source).form(formKey, schema);
    }

    private FormDefinition form(String formKey, JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            throw fail("the schema is not a JSON object");
        }
        if (!"default".equals(schema.path("type").asText())) {
            throw fail("\"type\" must be \"default\"");
        }
        String id = schema.path("id").asText("");
        if (id.isBlank()) {
            throw fail("the form has no \"id\"");
        }
        JsonNode components = schema.get("components");
        if (components == null || !components.isArray()) {
            throw fail("the form has no \"components\" array");
        }
        return new FormDefinition(formKey, id, schema, fields(components, ""));
    }

    private List<FormField> fields(JsonNode components, String where) {
        List<FormField> fields = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (JsonNode component : components) {
            FormField field = component(component, where);
            if (field == null) {
                continue;
            }
            if (!keys.add(field.key())) {
                throw fail("duplicate key \"" + where + field.key() + "\"");
            }
            fields.add(field);
        }
        return fields;
    }

    private FormField component(JsonNode c, String where) {
        if (!c.isObject()) {
            throw fail("a component " + (where.isEmpty() ? "" : "in " + where + " ") + "is not a JSON object");
        }
        String id = c.path("id").asText("");
        String type = c.path("type").asText("");
        String name = "component " + (id.isEmpty() ? "#?" : "\"" + id + "\"");
        if (id.isBlank()) {
            throw fail("a component of type \"" + type + "\" has no \"id\"");
        }
        if (!componentIds.add(id)) {
            throw fail("duplicate component id \"" + id + "\"");
        }
        if (DISPLAY_TYPES.contains(type)) {
            return null;
        }
        if (!INPUT_TYPES.contains(type)) {
            throw fail(name + " has unsupported type \"" + type + "\" (supported: "
                    + String.join(", ", new java.util.TreeSet<>(INPUT_TYPES)) + ", and display-only "
                    + String.join(", ", new java.util.TreeSet<>(DISPLAY_TYPES)) + ")");
        }
        String key = key(c, type, name);
        name = name + " (key \"" + where + key + "\")";

        Map<String, String> properties = properties(c, name);
        String label = text(c, "label");
        if (label == null && FormField.DATETIME.equals(type)) {
            label = text(c, "dateLabel");
        }
        if (label == null || label.isBlank()) {
            throw fail(name + " has no \"label\"");
        }
        String labelEn = properties.get("labelEn");
        if (labelEn == null || labelEn.isBlank()) {
            throw fail(name + " has no English label (properties.labelEn)");
        }

        JsonNode validate = c.path("validate");
        if (!validate.isMissingNode() && !validate.isObject()) {
            throw fail(name + ": \"validate\" is not an object");
        }
        boolean required = bool(validate, "required", name);
        BigDecimal min = decimal(validate, "min", name);
        BigDecimal max = decimal(validate, "max", name);
        Integer minLength = count(validate, "minLength", name);
        Integer maxLength = count(validate, "maxLength", name);
        String pattern = text(validate, "pattern");
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw fail(name + ": validate.pattern does not compile: " + e.getDescription(), e);
            }
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw fail(name + ": validate.min is greater than validate.max");
        }
        if (minLength != null && maxLength != null && minLength > maxLength) {
            throw fail(name + ": validate.minLength is greater than validate.maxLength");
        }

        String subtype = null;
        Integer decimalDigits = null;
        List<FormField.Option> options = List.of();
        List<FormField> items = List.of();
        Integer minItems = null;
        Integer maxItems = null;
        switch (type) {
            case FormField.DATETIME -> {
                subtype = c.path("subtype").asText("");
                if (!DATETIME_SUBTYPES.contains(subtype)) {
                    throw fail(name + " has unsupported datetime subtype \"" + subtype + "\" (supported: date, datetime)");
                }
            }
            case FormField.NUMBER -> decimalDigits = count(c, "decimalDigits", name);
            case FormField.SELECT, FormField.RADIO -> options = options(c, name, properties);
            case FormField.DYNAMIC_LIST -> {
                JsonNode nested = c.get("components");
                if (nested == null || !nested.isArray() || nested.isEmpty()) {
                    throw fail(name + " has no nested \"components\"");
                }
                items = fields(nested, where + key + "[].");
                minItems = count(properties, "minItems", name);
                maxItems = count(properties, "maxItems", name);
                if (minItems != null && maxItems != null && minItems > maxItems) {
                    throw fail(name + ": properties.minItems is greater than properties.maxItems");
                }
            }
            default -> { }
        }
        return new FormField(key, type, subtype, label, labelEn, required, min, max, decimalDigits,
                minLength, maxLength, pattern, options, items, minItems, maxItems, properties);
    }

    private String key(JsonNode c, String type, String name) {
        String key = text(c, "key");
        if (FormField.DYNAMIC_LIST.equals(type)) {
            String path = text(c, "path");
            if (path == null) {
                throw fail(name + " is a dynamic list without \"path\"");
            }
            if (key != null && !key.equals(path)) {
                throw fail(name + ": \"key\" and \"path\" differ");
            }
            key = path;
        }
        if (key == null || !KEY.matcher(key).matches()) {
            throw fail(name + " has no valid \"key\" (letters, digits and _, starting with a letter), found: " + key);
        }
        return key;
    }

    private List<FormField.Option> options(JsonNode c, String name, Map<String, String> properties) {
        JsonNode values = c.get("values");
        if (values == null || !values.isArray() || values.isEmpty()) {
            throw fail(name + " has no \"values\"");
        }
        List<FormField.Option> options = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode v : values) {
            JsonNode value = v.get("value");
            String label = text(v, "label");
            if (value == null || !value.isTextual() || value.asText().isBlank() || label == null) {
                throw fail(name + ": every value needs a text \"value\" and a \"label\"");
            }
            if (!seen.add(value.asText())) {
                throw fail(name + ": duplicate value \"" + value.asText() + "\"");
            }
            String labelEn = properties.getOrDefault("labelEn." + value.asText(), label);
            options.add(new FormField.Option(value.asText(), label, labelEn));
        }
        if ("boolean".equals(properties.get(FormField.VALUE_TYPE)) && !seen.equals(Set.of("true", "false"))) {
            throw fail(name + ": a yes/no field (properties.valueType boolean) takes exactly the values \"true\" and \"false\"");
        }
        return options;
    }

    private Map<String, String> properties(JsonNode c, String name) {
        JsonNode node = c.path("properties");
        if (node.isMissingNode()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw fail(name + ": \"properties\" is not an object");
        }
        Map<String, String> properties = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw fail(name + ": property \"" + e.getKey() + "\" is not a string (form-js properties are strings)");
            }
            properties.put(e.getKey(), e.getValue().asText());
        });
        return properties;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private boolean bool(JsonNode node, String field, String name) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw fail(name + ": validate." + field + " is not true or false");
        }
        return v.booleanValue();
    }

    private BigDecimal decimal(JsonNode node, String field, String name) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw fail(name + ": validate." + field + " is not a number");
        }
        return v.decimalValue();
    }

    private Integer count(JsonNode node, String field, String name) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.intValue() < 0) {
            throw fail(name + ": " + field + " is not a whole number of 0 or more");
        }
        return v.intValue();
    }

    private Integer count(Map<String, String> properties, String field, String name) {
        String v = properties.get(field);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw fail(name + ": properties." + field + " is not a whole number of 0 or more: \"" + v + "\"");
        }
    }

    private InvalidFormException fail(String message) {
        return new InvalidFormException(source + ": " + message);
    }

    private InvalidFormException fail(String message, Throwable cause) {
        return new InvalidFormException(source + ": " + message, cause);
    }
}
