package io.rectify.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One task form: the form-js schema exactly as it stands in {@code forms/<formKey>.form}, and the
 * input fields read from it. The schema is what the API returns as a task's {@code form} and what
 * the web page renders; the fields are what {@link FormValidator} checks a submission against.
 *
 * @param formKey the file name without {@code .form}, e.g. {@code respond-A33-07}
 * @param id      the schema's own {@code id}, e.g. {@code Form_respond_A33_07}
 * @param schema  the file's JSON, unchanged (treat as read-only)
 * @param fields  the input fields at the top level, in schema order; display-only components are left out
 */
public record FormDefinition(String formKey, String id, JsonNode schema, List<FormField> fields) {

    public FormDefinition {
        Objects.requireNonNull(formKey, "formKey");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(schema, "schema");
        fields = List.copyOf(fields);
    }

    /** The top-level field with this key. */
    public Optional<FormField> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /**
     * The field an error path names: {@code report}, or {@code sanctions[0].personName} for a field
     * inside a list item.
     */
    public Optional<FormField> fieldAt(String path) {
        List<FormField> level = fields;
        FormField found = null;
        for (String segment : path.split("\\.")) {
            String key = segment.replaceAll("\\[\\d+]$", "");
            found = level.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
            if (found == null) {
                return Optional.empty();
            }
            level = found.items();
        }
        return Optional.ofNullable(found);
    }
}
