package io.rectify.inspection;

import java.math.BigDecimal;

/**
 * One item of a checklist, worded as its source words it. {@code maxPoints} is the most the item
 * deducts (or adds): its cap; null where the source gives no figure, and then {@code editable}: an
 * administrator sets it, nobody invents it. {@code indicator} names the monitoring check that judges
 * the same thing, so the form can be prefilled from it.
 */
public record ChecklistItem(String code, ChecklistPart part, int position, String title, String rule,
                            BigDecimal maxPoints, boolean editable, boolean serviceOnly, String indicator,
                            String source) {

    /** Whether the item applies to a site: service items not to a department without public services. */
    public boolean appliesTo(boolean noPublicService) {
        return !(serviceOnly && noPublicService);
    }
}
