package io.rectify.inspection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The 2019 indicators' arithmetic, and nothing else: single-veto items first (any one failed: 不合格,
 * no further scoring); then 100 points less the deductions, each item's deduction capped at its
 * points; below 60 不合格; above 80 a portal earns up to 30 bonus points on top. A department
 * without public services is scored on 75 points (the service items do not apply) and the result
 * multiplied by 4/3.
 *
 * <p>The thresholds are compared exactly: with the 4/3 rule the comparison is made on the
 * unscaled points times four against the threshold times three, so 45 of 75 points is exactly 60.
 */
public final class Scoring {

    static final BigDecimal FULL = BigDecimal.valueOf(100);
    static final BigDecimal WITHOUT_PUBLIC_SERVICE = BigDecimal.valueOf(75);
    static final BigDecimal PASS_MARK = BigDecimal.valueOf(60);
    static final BigDecimal BONUS_ABOVE = BigDecimal.valueOf(80);
    static final BigDecimal BONUS_MAX = BigDecimal.valueOf(30);
    private static final BigDecimal THREE = BigDecimal.valueOf(3);
    private static final BigDecimal FOUR = BigDecimal.valueOf(4);

    private Scoring() {
    }

    /** What the inspector found on one item: failed or not, and the points deducted (or, for a bonus item, earned). */
    public record Mark(boolean failed, BigDecimal points) {
        public static Mark pass() {
            return new Mark(false, BigDecimal.ZERO);
        }

        public static Mark fail(double points) {
            return new Mark(true, BigDecimal.valueOf(points));
        }

        public static Mark bonus(double points) {
            return new Mark(false, BigDecimal.valueOf(points));
        }
    }

    /**
     * The verdict. {@code score} is null for a vetoed site (scoring stopped); {@code deductionPart}
     * is the 100-point part after the 4/3 rule, {@code bonus} what was added to it.
     */
    public record Result(boolean vetoed, List<String> vetoItems, BigDecimal deductionPart, BigDecimal bonus,
                         BigDecimal score, boolean qualified) {
    }

    /**
     * Scores a site. {@code marks} by item code; an item without a mark counts as passed.
     *
     * @param portal          whether the site is a portal: only portals earn bonus points
     * @param noPublicService a department without public services: 75 points, times 4/3
     */
    public static Result score(List<ChecklistItem> items, Map<String, Mark> marks, boolean portal,
                               boolean noPublicService) {
        List<String> vetoes = new ArrayList<>();
        for (ChecklistItem item : items) {
            Mark mark = marks.get(item.code());
            if (item.part() == ChecklistPart.VETO && item.appliesTo(noPublicService) && mark != null && mark.failed()) {
                vetoes.add(item.code());
            }
        }
        if (!vetoes.isEmpty()) {
            return new Result(true, List.copyOf(vetoes), null, null, null, false);
        }
        BigDecimal base = noPublicService ? WITHOUT_PUBLIC_SERVICE : FULL;
        BigDecimal deducted = BigDecimal.ZERO;
        BigDecimal earned = BigDecimal.ZERO;
        for (ChecklistItem item : items) {
            Mark mark = marks.get(item.code());
            if (mark == null || !item.appliesTo(noPublicService)) {
                continue;
            }
            if (item.part() == ChecklistPart.DEDUCTION && mark.failed()) {
                deducted = deducted.add(capped(mark.points(), item.maxPoints()));
            } else if (item.part() == ChecklistPart.BONUS) {
                earned = earned.add(capped(mark.points(), item.maxPoints()));
            }
        }
        BigDecimal kept = base.subtract(deducted).max(BigDecimal.ZERO);
        // the part's points times three: with the 4/3 rule kept * 4, else kept * 3, compared with thresholds * 3
        BigDecimal tripled = kept.multiply(noPublicService ? FOUR : THREE);
        boolean qualified = tripled.compareTo(PASS_MARK.multiply(THREE)) >= 0;
        BigDecimal part = tripled.divide(THREE, 2, RoundingMode.HALF_UP);
        BigDecimal bonus = BigDecimal.ZERO;
        if (portal && tripled.compareTo(BONUS_ABOVE.multiply(THREE)) > 0) {
            bonus = earned.min(BONUS_MAX);
        }
        return new Result(false, List.of(), part, bonus.setScale(2, RoundingMode.HALF_UP),
                part.add(bonus).setScale(2, RoundingMode.HALF_UP), qualified);
    }

    /** An item deducts at most its points; an item without a figure is bounded only by the whole. */
    private static BigDecimal capped(BigDecimal points, BigDecimal max) {
        BigDecimal p = points == null ? BigDecimal.ZERO : points.max(BigDecimal.ZERO);
        return max == null ? p : p.min(max);
    }
}
