package io.rectify.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The 2019 indicators' arithmetic at its edges. */
class ScoringTest {

    private static ChecklistItem item(String code, ChecklistPart part, Integer max, boolean serviceOnly) {
        return new ChecklistItem(code, part, 0, code, code, max == null ? null : BigDecimal.valueOf(max), max == null,
                serviceOnly, null, null);
    }

    /** deduction items worth 100 in all: 25 of them service items, a 5-point item and a bonus of 30 */
    private static final List<ChecklistItem> ITEMS = List.of(
            item("SECURITY", ChecklistPart.VETO, null, false),
            item("SERVICE_USELESS", ChecklistPart.VETO, null, true),
            item("BIG", ChecklistPart.DEDUCTION, 50, false),
            item("OTHER", ChecklistPart.DEDUCTION, 20, false),
            item("FIVE", ChecklistPart.DEDUCTION, 5, false),
            item("SERVICE", ChecklistPart.DEDUCTION, 25, true),
            item("BONUS", ChecklistPart.BONUS, 30, false));

    private static Scoring.Result score(boolean portal, boolean noPublicService, Object... codesAndMarks) {
        Map<String, Scoring.Mark> marks = new HashMap<>();
        for (int i = 0; i < codesAndMarks.length; i += 2) {
            marks.put((String) codesAndMarks[i], (Scoring.Mark) codesAndMarks[i + 1]);
        }
        return Scoring.score(ITEMS, marks, portal, noPublicService);
    }

    @Test
    void fiftyNineFailsAndSixtyPasses() {
        assertThat(score(false, false, "BIG", Scoring.Mark.fail(41)).qualified()).isFalse();
        assertThat(score(false, false, "BIG", Scoring.Mark.fail(41)).score()).isEqualByComparingTo("59");
        assertThat(score(false, false, "BIG", Scoring.Mark.fail(40)).qualified()).isTrue();
        assertThat(score(false, false, "BIG", Scoring.Mark.fail(40)).score()).isEqualByComparingTo("60");
        assertThat(score(false, false, "BIG", Scoring.Mark.fail(40.01)).qualified()).isFalse();
    }

    @Test
    void aPortalEarnsBonusOnlyAboveEighty() {
        Scoring.Result eighty = score(true, false, "OTHER", Scoring.Mark.fail(20), "BONUS", Scoring.Mark.bonus(10));
        assertThat(eighty.score()).isEqualByComparingTo("80");
        assertThat(eighty.bonus()).isEqualByComparingTo("0");
        Scoring.Result eightyOne = score(true, false, "OTHER", Scoring.Mark.fail(19), "BONUS", Scoring.Mark.bonus(10));
        assertThat(eightyOne.deductionPart()).isEqualByComparingTo("81");
        assertThat(eightyOne.score()).isEqualByComparingTo("91");
    }

    @Test
    void onlyPortalsEarnBonus() {
        assertThat(score(false, false, "BONUS", Scoring.Mark.bonus(10)).score()).isEqualByComparingTo("100");
        assertThat(score(true, false, "BONUS", Scoring.Mark.bonus(10)).score()).isEqualByComparingTo("110");
    }

    @Test
    void bonusIsCappedAtThirty() {
        List<ChecklistItem> twoBonuses = List.of(item("B1", ChecklistPart.BONUS, 30, false), item("B2", ChecklistPart.BONUS, 30, false));
        Scoring.Result result = Scoring.score(twoBonuses, Map.of("B1", Scoring.Mark.bonus(20), "B2", Scoring.Mark.bonus(20)), true, false);
        assertThat(result.bonus()).isEqualByComparingTo("30");
        assertThat(result.score()).isEqualByComparingTo("130");
    }

    @Test
    void aVetoStopsScoring() {
        Scoring.Result result = score(true, false, "SECURITY", Scoring.Mark.fail(0), "BONUS", Scoring.Mark.bonus(30));
        assertThat(result.vetoed()).isTrue();
        assertThat(result.qualified()).isFalse();
        assertThat(result.score()).isNull();
        assertThat(result.vetoItems()).containsExactly("SECURITY");
    }

    @Test
    void aPassedVetoItemDoesNotVeto() {
        assertThat(score(false, false, "SECURITY", Scoring.Mark.pass()).vetoed()).isFalse();
    }

    @Test
    void eachItemDeductsAtMostItsPoints() {
        assertThat(score(false, false, "FIVE", Scoring.Mark.fail(12)).score()).isEqualByComparingTo("95");
        assertThat(score(false, false, "BIG", Scoring.Mark.fail(80), "OTHER", Scoring.Mark.fail(80), "FIVE",
                Scoring.Mark.fail(80), "SERVICE", Scoring.Mark.fail(80)).score()).isEqualByComparingTo("0");
    }

    @Test
    void aPassedItemDeductsNothing() {
        assertThat(score(false, false, "BIG", new Scoring.Mark(false, BigDecimal.TEN)).score()).isEqualByComparingTo("100");
    }

    @Test
    void aDepartmentWithoutPublicServicesIsScoredOnSeventyFiveTimesFourThirds() {
        assertThat(score(false, true).score()).isEqualByComparingTo("100");
        // 75 - 30 = 45, × 4/3 = 60 exactly: qualified
        Scoring.Result sixty = score(false, true, "BIG", Scoring.Mark.fail(30));
        assertThat(sixty.score()).isEqualByComparingTo("60");
        assertThat(sixty.qualified()).isTrue();
        // 75 - 30.75 = 44.25, × 4/3 = 59
        Scoring.Result fiftyNine = score(false, true, "BIG", Scoring.Mark.fail(30.75));
        assertThat(fiftyNine.score()).isEqualByComparingTo("59");
        assertThat(fiftyNine.qualified()).isFalse();
        // 75 - 31 = 44, × 4/3 = 58.67
        assertThat(score(false, true, "BIG", Scoring.Mark.fail(31)).score()).isEqualByComparingTo("58.67");
    }

    @Test
    void serviceItemsDoNotApplyWithoutPublicServices() {
        assertThat(score(false, true, "SERVICE", Scoring.Mark.fail(25)).score()).isEqualByComparingTo("100");
        assertThat(score(false, true, "SERVICE_USELESS", Scoring.Mark.fail(0)).vetoed()).isFalse();
        assertThat(score(false, false, "SERVICE", Scoring.Mark.fail(25)).score()).isEqualByComparingTo("75");
    }

    @Test
    void theFourThirdsRuleAppliesBeforeTheBonusLine() {
        // 75 - 15 = 60, × 4/3 = 80: no bonus; 75 - 14.25 = 60.75 × 4/3 = 81: bonus
        List<ChecklistItem> portalItems = List.of(item("BIG", ChecklistPart.DEDUCTION, 50, false), item("BONUS", ChecklistPart.BONUS, 30, false));
        assertThat(Scoring.score(portalItems, Map.of("BIG", Scoring.Mark.fail(15), "BONUS", Scoring.Mark.bonus(5)), true, true)
                .score()).isEqualByComparingTo("80");
        assertThat(Scoring.score(portalItems, Map.of("BIG", Scoring.Mark.fail(14.25), "BONUS", Scoring.Mark.bonus(5)), true, true)
                .score()).isEqualByComparingTo("86");
    }

    @Test
    void anItemWithoutAFigureDeductsWhatTheInspectorEntered() {
        List<ChecklistItem> items = List.of(item("LINKS", ChecklistPart.DEDUCTION, null, false));
        assertThat(Scoring.score(items, Map.of("LINKS", Scoring.Mark.fail(7)), false, false).score()).isEqualByComparingTo("93");
    }
}
