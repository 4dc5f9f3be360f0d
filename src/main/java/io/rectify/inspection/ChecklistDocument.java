package io.rectify.inspection;

import java.math.BigDecimal;
import java.util.List;

/**
 * A checklist as it is written down and loaded: the resource file of the 2019 set
 * ({@code inspection/checklist-2019.json}) and the body of an administrator's load of a new year's.
 */
public record ChecklistDocument(String version, String title, String source, String note, List<Item> items) {

    public record Item(String code, ChecklistPart part, String title, String rule, BigDecimal maxPoints,
                       Boolean serviceOnly, String indicator, String source) {
    }
}
