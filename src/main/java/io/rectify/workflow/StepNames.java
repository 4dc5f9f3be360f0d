package io.rectify.workflow;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * The names of the processes' steps in the reader's language, written once, in the models of bpmn/:
 * an element's {@code name} is its Chinese name, its {@code camunda:property} {@value #ENGLISH}
 * its English one; the same for the named branches of a gateway (是/否). The inbox, the task page,
 * the case's timeline and its diagram all read them here.
 */
@Component
public class StepNames {

    /** The extension property that carries an element's English name. */
    public static final String ENGLISH = "nameEn";

    private final Map<String, Names> byElementId = new HashMap<>();

    StepNames(ProcessModels models) {
        models.all().forEach(model -> model.getModelElementsByType(FlowElement.class).forEach(node -> {
            Names names = new Names(node.getName(), englishName(node));
            Names other = byElementId.put(node.getId(), names);
            if (other != null && !other.equals(names)) {
                throw new IllegalStateException("two steps of bpmn/ have the id " + node.getId() + " and other names");
            }
        }));
    }

    /**
     * The step's name for a reader of {@code locale}: English for English, Chinese for anyone else;
     * the Chinese name where a step has no English one; {@code fallback} (the name the engine
     * recorded) for a step this release's models do not have, or do not name.
     */
    public String of(String elementId, String fallback, Locale locale) {
        Names names = byElementId.get(elementId);
        String name = names == null ? null : names.in(locale);
        if (name != null) {
            return name;
        }
        return fallback != null ? fallback : elementId;
    }

    private static String englishName(FlowElement node) {
        ExtensionElements extensions = node.getExtensionElements();
        if (extensions == null) {
            return null;
        }
        return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> ENGLISH.equals(property.getCamundaName()))
                .map(CamundaProperty::getCamundaValue)
                .findFirst().orElse(null);
    }

    private record Names(String chinese, String english) {

        String in(Locale locale) {
            return english != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? english : chinese;
        }
    }
}
