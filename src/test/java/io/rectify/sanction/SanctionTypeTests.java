package io.rectify.sanction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class SanctionTypeTests {

    @Test
    void typesRunFromWarningToDismissalInRankOrder() {
        assertThat(Arrays.stream(SanctionType.values()).mapToInt(SanctionType::rank)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(Arrays.stream(SanctionType.values()).map(SanctionType::nameZh))
                .containsExactly("警告", "记过", "记大过", "降级", "撤职", "开除");
    }

    @Test
    void periodsAreThoseOfTheStatute() {
        assertThat(SanctionType.WARNING.periodMonths()).hasValue(6);
        assertThat(SanctionType.DEMERIT.periodMonths()).hasValue(12);
        assertThat(SanctionType.MAJOR_DEMERIT.periodMonths()).hasValue(18);
        assertThat(SanctionType.DEMOTION.periodMonths()).hasValue(24);
        assertThat(SanctionType.REMOVAL_FROM_POST.periodMonths()).hasValue(24);
    }

    @Test
    void dismissalHasNoPeriod() {
        assertThat(SanctionType.DISMISSAL.periodMonths()).isEqualTo(OptionalInt.empty());
    }
}
