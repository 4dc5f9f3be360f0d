package io.rectify.form.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.kernel.FieldProblem;
import io.rectify.form.FormDefinition;
import io.rectify.form.FormField;
import io.rectify.form.FormMessages;
import org.springframework.context.MessageSource;

/**
 * Turns a form schema, the values a person typed and the errors of the validator into a
 * {@link FormView}. The page renders exactly the fields the validator checks: both read the one
 * schema of {@code forms/}.
 */
public final class FormViews {

    /** The request parameter of the page's list buttons: {@code add:sanctions} or {@code remove:sanctions:1}. */
    public static final String ACTION = "_action";
    private static final Pattern ITEM = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)\\[(\\d{1,4})]\\.(.+)");
    private static final int MAX_ITEMS_DEFAULT = 50;

    private FormViews() {
    }

    /**
     * The custom property of a field whose choices are supplied when the form is rendered (the bodies
     * a record may name, for instance): the page shows a select of the list of that name, and the
     * field stays what the schema says for the validator and for API clients.
     */
    public static final String OPTIONS_FROM = "optionsFrom";

    /** The form with these values (request parameters by name) and errors. */
    public static FormView of(FormDefinition form, Map<String, String> values, List<FieldProblem> errors,
                              MessageSource messages, Locale locale) {
        return of(form, values, errors, messages, locale, Map.of());
    }

    /**
     * The same, with the choices of the fields that name a list in {@link #OPTIONS_FROM}, by that
     * name; a field whose list is not supplied is shown as its schema says.
     */
    public static FormView of(FormDefinition form, Map<String, String> values, List<FieldProblem> errors,
                              MessageSource messages, Locale locale, Map<String, List<FormField.Option>> options) {
        Map<String, String> messageByPath = new LinkedHashMap<>();
        List<FormView.ErrorLink> summary = new ArrayList<>();
        for (FieldProblem error : errors) {
            // the validator's errors name their field in their first argument; a service's rules say what they say
            String message = error.code().startsWith("form.")
                    ? FormMessages.render(form, error, messages, locale)
                    : messages.getMessage(error.code(), error.args().toArray(), error.defaultMessage(), locale);
            messageByPath.putIfAbsent(error.field(), message);
            String label = form.fieldAt(error.field()).map(f -> f.label(locale)).orElse(error.field());
            Matcher item = ITEM.matcher(error.field());
            if (item.matches()) {
                // in a list the field's label alone does not say which record is wrong
                String list = form.field(item.group(1)).map(f -> f.label(locale)).orElse(item.group(1));
                label = messages.getMessage("form.list.itemField",
                        new Object[] {list, Integer.parseInt(item.group(2)) + 1, label}, label, locale);
            }
            summary.add(new FormView.ErrorLink(idOf(targetOf(form, error.field())), label, message));
        }
        List<FormView.Part> parts = new ArrayList<>();
        for (JsonNode component : form.schema().path("components")) {
            if ("text".equals(component.path("type").asText())) {
                parts.add(hint(component, locale));
                continue;
            }
            String key = component.hasNonNull("key") ? component.get("key").asText() : component.path("path").asText();
            form.field(key).ifPresent(field -> parts.add(field.list()
                    ? list(field, component, values, messageByPath, locale, options)
                    : input(field, field.key(), values, messageByPath, locale, options)));
        }
        return new FormView(form.formKey(), parts, summary);
    }

    /**
     * Applies the add or remove button of a list to the submitted values: removing an item
     * renumbers those after it, so nothing typed in the others is lost.
     *
     * @return the values to show again, or empty when the submission was no list action
     */
    public static Optional<Map<String, String>> applyListAction(FormDefinition form, Map<String, String> values,
                                                                String action) {
        if (action == null) {
            return Optional.empty();
        }
        String[] parts = action.split(":");
        FormField list = form.field(parts.length > 1 ? parts[1] : "").filter(FormField::list).orElse(null);
        if (list == null) {
            return Optional.empty();
        }
        Map<String, String> result = new LinkedHashMap<>(values);
        String countKey = countKey(list.key());
        int count = itemCount(list, values);
        if ("add".equals(parts[0])) {
            result.put(countKey, String.valueOf(Math.min(count + 1, maxItems(list))));
            return Optional.of(result);
        }
        if ("remove".equals(parts[0]) && parts.length == 3 && parts[2].matches("\\d{1,4}")) {
            int removed = Integer.parseInt(parts[2]);
            result.keySet().removeIf(name -> name.startsWith(list.key() + "["));
            values.forEach((name, value) -> {
                Matcher m = ITEM.matcher(name);
                if (m.matches() && m.group(1).equals(list.key())) {
                    int index = Integer.parseInt(m.group(2));
                    if (index != removed) {
                        result.put(list.key() + "[" + (index > removed ? index - 1 : index) + "]." + m.group(3), value);
                    }
                }
            });
            result.put(countKey, String.valueOf(Math.max(count - 1, 1)));
            return Optional.of(result);
        }
        return Optional.empty();
    }

    /**
     * The submitted values the validator should see: the page's own bookkeeping (the CSRF token,
     * the list buttons, the item counts, the language) left out.
     */
    public static Map<String, String> fieldValues(Map<String, String> submitted) {
        Map<String, String> values = new LinkedHashMap<>(submitted);
        values.keySet().removeIf(name -> name.startsWith("_") || "lang".equals(name));
        return values;
    }

    /** The element id of a value's path: {@code sanctions[0].personName} becomes {@code f-sanctions-0-personName}. */
    public static String idOf(String path) {
        return "f-" + path.replaceAll("[\\[\\].]+", "-").replaceAll("-$", "");
    }

    private static FormView.Part hint(JsonNode component, Locale locale) {
        String text = "en".equals(locale.getLanguage())
                ? component.path("properties").path("textEn").asText(component.path("text").asText())
                : component.path("text").asText();
        return new FormView.Part("hint", null, component.path("id").asText(), null, false, "", null, text,
                List.of(), null, null, null, null, List.of(), false);
    }

    private static FormView.Part input(FormField field, String name, Map<String, String> values,
                                       Map<String, String> errors, Locale locale,
                                       Map<String, List<FormField.Option>> options) {
        String id = idOf(name);
        String value = values.getOrDefault(name, "");
        String from = field.properties().get(OPTIONS_FROM);
        List<FormField.Option> supplied = from == null ? null : options.get(from);
        List<FormView.Choice> choices = new ArrayList<>();
        for (FormField.Option o : supplied != null ? supplied : field.options()) {
            // the first radio carries the field's id, so the error summary's link lands on the group
            String choiceId = choices.isEmpty() ? id : id + "-" + o.value();
            choices.add(new FormView.Choice(o.value(), o.label(locale), choiceId, o.value().equals(value)));
        }
        String kind = supplied != null ? FormField.SELECT : switch (field.type()) {
            case FormField.DATETIME -> FormField.SUBTYPE_DATE.equals(field.subtype()) ? "date" : "datetime";
            default -> field.type();
        };
        String step = FormField.NUMBER.equals(field.type()) ? (field.integer() ? "1" : "any") : null;
        return new FormView.Part(kind, name, id, field.label(locale), field.required(), value, errors.get(name), null,
                choices, field.min() == null ? null : field.min().toPlainString(),
                field.max() == null ? null : field.max().toPlainString(), step, field.maxLength(), List.of(), false);
    }

    private static FormView.Part list(FormField list, JsonNode component, Map<String, String> values,
                                      Map<String, String> errors, Locale locale,
                                      Map<String, List<FormField.Option>> options) {
        int count = Math.max(itemCount(list, values), component.path("defaultRepetitions").asInt(1));
        int min = list.minItems() == null ? 0 : list.minItems();
        List<FormView.Item> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            List<FormView.Part> parts = new ArrayList<>();
            for (FormField item : list.items()) {
                parts.add(input(item, list.key() + "[" + i + "]." + item.key(), values, errors, locale, options));
            }
            items.add(new FormView.Item(i, i + 1, parts, count > Math.max(min, 1)));
        }
        return new FormView.Part("list", list.key(), idOf(list.key()), list.label(locale), list.required(),
                String.valueOf(count), errors.get(list.key()), null, List.of(), null, null, null, null, items,
                count < maxItems(list));
    }

    /** How many items the page shows: what the person asked for, and at least every item that has a value. */
    private static int itemCount(FormField list, Map<String, String> values) {
        int count = 1;
        String asked = values.get(countKey(list.key()));
        if (asked != null && asked.matches("\\d{1,4}")) {
            count = Integer.parseInt(asked);
        }
        for (String name : values.keySet()) {
            Matcher m = ITEM.matcher(name);
            if (m.matches() && m.group(1).equals(list.key())) {
                count = Math.max(count, Integer.parseInt(m.group(2)) + 1);
            }
        }
        return Math.max(1, Math.min(count, maxItems(list)));
    }

    private static int maxItems(FormField list) {
        return list.maxItems() == null ? MAX_ITEMS_DEFAULT : list.maxItems();
    }

    /** The parameter that carries how many items a list shows (bookkeeping, not a value). */
    public static String countKey(String listKey) {
        return "_count_" + listKey;
    }

    /** Where an error's link points: the field, or for an error of a whole list, the list. */
    private static String targetOf(FormDefinition form, String path) {
        return form.fieldAt(path).isPresent() ? path : "form";
    }
}
