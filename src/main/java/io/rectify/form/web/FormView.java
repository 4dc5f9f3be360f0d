package io.rectify.form.web;

import java.util.List;

/**
 * A form of {@code forms/} ready for a page: its parts in schema order with the values typed so
 * far and the error of each field, plus the error summary. Built by {@link FormViews}; rendered by
 * {@code templates/fragments/form.html}.
 */
public record FormView(String formKey, List<Part> parts, List<ErrorLink> errors) {

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The value shown in the input of this name (outside lists), "" when none. */
    public String valueOf(String name) {
        return parts.stream().filter(p -> name.equals(p.name()) && !"list".equals(p.kind()))
                .map(Part::value).findFirst().orElse("");
    }

    /**
     * One part of the form: a hint (display-only text), an input, or a repeating list of inputs.
     *
     * @param kind     hint, textfield, textarea, number, checkbox, select, radio, date, datetime, list
     * @param name     the request parameter, e.g. {@code report} or {@code sanctions[0].personName}
     * @param id       the element id, e.g. {@code f-sanctions-0-personName}
     * @param value    the value typed so far ("" when none)
     * @param error    the message of this field's error, or null
     * @param text     the hint's text (kind hint)
     * @param items    the items of a list (kind list)
     */
    public record Part(String kind, String name, String id, String label, boolean required, String value,
                       String error, String text, List<Choice> choices, String min, String max, String step,
                       Integer maxLength, List<Item> items, boolean canAdd) {

        public String errorId() {
            return id + "-error";
        }

        public boolean checked() {
            return "true".equals(value) || "on".equals(value);
        }
    }

    public record Choice(String value, String label, String id, boolean selected) {
    }

    /** One item of a list: its number (from 1) and its inputs. */
    public record Item(int index, int number, List<Part> parts, boolean canRemove) {
    }

    /** A line of the error summary: a link to the field in error. */
    public record ErrorLink(String target, String label, String message) {
    }
}
