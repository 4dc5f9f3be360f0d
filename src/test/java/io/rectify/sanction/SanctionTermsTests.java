package io.rectify.sanction;

import static io.rectify.sanction.SanctionType.DEMERIT;
import static io.rectify.sanction.SanctionType.DEMOTION;
import static io.rectify.sanction.SanctionType.DISMISSAL;
import static io.rectify.sanction.SanctionType.MAJOR_DEMERIT;
import static io.rectify.sanction.SanctionType.REMOVAL_FROM_POST;
import static io.rectify.sanction.SanctionType.WARNING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SanctionTermsTests {

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @Nested
    class PeriodEnds {

        @Test
        void periodEndsOnTheCorrespondingDayOfTheLastMonth() {
            LocalDate decided = date("2026-01-15");
            assertThat(SanctionTerms.periodEnds(WARNING, decided)).hasValue(date("2026-07-15"));
            assertThat(SanctionTerms.periodEnds(DEMERIT, decided)).hasValue(date("2027-01-15"));
            assertThat(SanctionTerms.periodEnds(MAJOR_DEMERIT, decided)).hasValue(date("2027-07-15"));
            assertThat(SanctionTerms.periodEnds(DEMOTION, decided)).hasValue(date("2028-01-15"));
            assertThat(SanctionTerms.periodEnds(REMOVAL_FROM_POST, decided)).hasValue(date("2028-01-15"));
        }

        @Test
        void periodEndsOnTheMonthsLastDayWhenItHasNoCorrespondingDay() {
            assertThat(SanctionTerms.periodEnds(WARNING, date("2026-01-31"))).hasValue(date("2026-07-31"));
            assertThat(SanctionTerms.periodEnds(WARNING, date("2025-08-31"))).hasValue(date("2026-02-28"));
            assertThat(SanctionTerms.periodEnds(MAJOR_DEMERIT, date("2026-08-31"))).hasValue(date("2028-02-29"));
        }

        @Test
        void dismissalHasNoEnd() {
            assertThat(SanctionTerms.periodEnds(DISMISSAL, date("2026-01-15"))).isEmpty();
        }

        @Test
        void nullsAreRejected() {
            assertThatThrownBy(() -> SanctionTerms.periodEnds(null, date("2026-01-15")))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> SanctionTerms.periodEnds(WARNING, null))
                    .isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    class Combine {

        @Test
        void singleSanctionRunsItsOwnPeriod() {
            assertThat(SanctionTerms.combine(List.of(MAJOR_DEMERIT)))
                    .isEqualTo(new CombinedSanction(MAJOR_DEMERIT, 18, 18));
        }

        @Test
        void heaviestOfDifferentTypesIsExecuted() {
            assertThat(SanctionTerms.combine(List.of(WARNING, DEMOTION, DEMERIT)))
                    .isEqualTo(new CombinedSanction(DEMOTION, 24, 24));
        }

        @Test
        void twoIdenticalWarningsRunSixToTwelveMonths() {
            assertThat(SanctionTerms.combine(List.of(WARNING, WARNING)))
                    .isEqualTo(new CombinedSanction(WARNING, 6, 12));
        }

        @Test
        void threeRemovalsFromPostAreCappedAtFortyEightMonths() {
            assertThat(SanctionTerms.combine(List.of(REMOVAL_FROM_POST, REMOVAL_FROM_POST, REMOVAL_FROM_POST)))
                    .isEqualTo(new CombinedSanction(REMOVAL_FROM_POST, 24, 48));
        }

        @Test
        void manyWarningsAreCappedAtFortyEightMonths() {
            SanctionType[] nine = new SanctionType[9];
            Arrays.fill(nine, WARNING);
            assertThat(SanctionTerms.combine(List.of(nine))).isEqualTo(new CombinedSanction(WARNING, 6, 48));
        }

        @Test
        void repeatedHeaviestBesideLighterOnesCountsOnlyTheHeaviest() {
            assertThat(SanctionTerms.combine(List.of(WARNING, DEMERIT, WARNING, DEMERIT, WARNING)))
                    .isEqualTo(new CombinedSanction(DEMERIT, 12, 24));
        }

        @Test
        void repeatedLighterTypeAddsNothingToASingleHeavierOne() {
            assertThat(SanctionTerms.combine(List.of(WARNING, WARNING, WARNING, MAJOR_DEMERIT)))
                    .isEqualTo(new CombinedSanction(MAJOR_DEMERIT, 18, 18));
        }

        @Test
        void dismissalAmongOthersIsExecutedWithoutPeriod() {
            assertThat(SanctionTerms.combine(List.of(REMOVAL_FROM_POST, DISMISSAL, WARNING)))
                    .isEqualTo(new CombinedSanction(DISMISSAL, 0, 0));
            assertThat(SanctionTerms.combine(List.of(DISMISSAL, DISMISSAL)))
                    .isEqualTo(new CombinedSanction(DISMISSAL, 0, 0));
        }

        @Test
        void emptyListIsRejected() {
            assertThatThrownBy(() -> SanctionTerms.combine(List.of())).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void nullTypeIsRejected() {
            assertThatThrownBy(() -> SanctionTerms.combine(Arrays.asList(WARNING, null)))
                    .isInstanceOf(NullPointerException.class);
        }

        @Test
        void combinedRangeMustBeARange() {
            assertThatThrownBy(() -> new CombinedSanction(WARNING, 12, 6)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class ExecutedPeriodEnds {

        @Test
        void theExecutedSanctionRunsAtTheLongestTheCombinationAllows() {
            CombinedSanction threeRemovals = SanctionTerms.combine(List.of(REMOVAL_FROM_POST, REMOVAL_FROM_POST, REMOVAL_FROM_POST));
            assertThat(SanctionTerms.executedPeriodEnds(threeRemovals, LocalDate.of(2026, 3, 31)))
                    .contains(LocalDate.of(2030, 3, 31));
        }

        @Test
        void dismissalHasNoPeriod() {
            assertThat(SanctionTerms.executedPeriodEnds(SanctionTerms.combine(List.of(WARNING, DISMISSAL)),
                    LocalDate.of(2026, 3, 31))).isEmpty();
        }
    }
}
