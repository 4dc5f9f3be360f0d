package io.rectify.form;

import java.util.List;
import java.util.Map;

import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.InvalidInputException;

/**
 * A submission checked against its form.
 *
 * @param values the normalised values by key, in form order: String, Integer, BigDecimal, Boolean,
 *               LocalDate, OffsetDateTime / LocalDateTime, or for a dynamic list a List of such maps.
 *               Absent optional values are left out; an absent checkbox is {@code false}. When there
 *               are errors, only the values that passed are here.
 * @param errors what is wrong, in form order; empty when the submission is valid
 */
public record FormSubmission(Map<String, Object> values, List<FieldProblem> errors) {

    public FormSubmission {
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /** The values of a valid submission; otherwise the 400 that names every field in error. */
    public Map<String, Object> valuesOrThrow() {
        if (!valid()) {
            throw new InvalidInputException(errors);
        }
        return values;
    }
}
