package io.rectify.finding;

import io.rectify.monitoring.Indicator;

/**
 * The category of a finding by its indicator: the decision table {@code bpmn/finding-category.dmn},
 * which a person may change, each rule with its reason. Implemented where the engine lives.
 */
public interface FindingCategories {

    /** The category code (A33-xx) a failure of this indicator belongs to. */
    String categoryOf(Indicator indicator);
}
