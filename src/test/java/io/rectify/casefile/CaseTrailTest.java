package io.rectify.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseTrailTest {

    @Test
    void aReaderWithoutTheFindingsSeesNoSanctionEventAndNoReviewWords() {
        assertThat(CaseTrail.shows("SANCTIONS_RECORDED", false)).isFalse();
        assertThat(CaseTrail.shows("SANCTIONS_READ", false)).isFalse();
        assertThat(CaseTrail.shows("REVIEW_DECIDED", false)).isTrue();
        assertThat(CaseTrail.detail("REVIEW_DECIDED", "SANCTION: 记过", false)).isNull();
        assertThat(CaseTrail.detail("ORDER_ISSUED", "deadline 2026-12-18", false)).isEqualTo("deadline 2026-12-18");
    }

    @Test
    void aReaderWithTheFindingsSeesTheWholeTrail() {
        assertThat(CaseTrail.shows("SANCTIONS_RECORDED", true)).isTrue();
        assertThat(CaseTrail.shows("SANCTIONS_READ", true)).isTrue();
        assertThat(CaseTrail.detail("REVIEW_DECIDED", "SANCTION: 记过", true)).isEqualTo("SANCTION: 记过");
    }
}
