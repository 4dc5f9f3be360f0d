package io.rectify.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import io.rectify.kernel.ConflictException;
import io.rectify.kernel.FieldProblem;
import io.rectify.kernel.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The aggregate's rules of a report: what an A33-01 report must show, and which report waives the rectification. */
class RectificationCaseTest {

    @Test
    void anA33_01ReportOfAFilingWithoutItsFilingNumberIsRefusedNamingTheField() {
        RectificationCase c = ordered("A33-01");
        assertThatThrownBy(() -> c.recordResponse(Map.of("report", "已备案", "resolution", "FILED"), LocalDate.of(2026, 1, 5)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::code)
                        .containsExactly(tuple("filingNumber", "case.response.filingNumberRequired")));
        assertThatThrownBy(() -> c.recordResponse(Map.of("report", "已备案", "resolution", "FILED", "filingNumber", " "), LocalDate.of(2026, 1, 5)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(c.status()).as("a refused report changes nothing").isEqualTo(CaseStatus.ORDERED);
    }

    @Test
    void anA33_01ReportOfAShutdownWithoutItsClosureDateIsRefusedNamingTheField() {
        RectificationCase c = ordered("A33-01");
        // a filing number does not stand in for the date a shut-down site closed
        assertThatThrownBy(() -> c.recordResponse(Map.of("report", "已关停", "resolution", "SHUT_DOWN",
                "filingNumber", "赣ICP备12345678号"), LocalDate.of(2026, 1, 5)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("closureDate"));
        assertThat(c.status()).isEqualTo(CaseStatus.ORDERED);
    }

    @Test
    void aLawfulShutdownWaivesTheRectificationOfAnA33_01CaseOnly() {
        RectificationCase shutDown = ordered("A33-01");
        assertThat(shutDown.recordResponse(Map.of("report", "已关停", "resolution", "SHUT_DOWN",
                "closureDate", LocalDate.of(2026, 1, 5)), LocalDate.of(2026, 1, 5))).isTrue();
        assertThat(shutDown.status()).isEqualTo(CaseStatus.RESPONDED);

        RectificationCase filed = ordered("A33-01");
        assertThat(filed.recordResponse(Map.of("report", "已备案", "resolution", "FILED",
                "filingNumber", "赣ICP备12345678号"), LocalDate.of(2026, 1, 5))).isFalse();

        RectificationCase otherCategory = ordered("A33-02");
        assertThat(otherCategory.recordResponse(Map.of("report", "已关停", "resolution", "SHUT_DOWN",
                "filingNumber", "赣ICP备12345678号"), LocalDate.of(2026, 1, 5))).as("only A33-01 is waived by a shutdown").isFalse();
    }

    @Test
    void onlyAnA33_01CaseClosesWaived() {
        RectificationCase other = ordered("A33-02");
        other.recordResponse(Map.of("report", "已备案", "filingNumber", "赣ICP备12345678号"), LocalDate.of(2026, 1, 5));
        other.accept(3);
        assertThatThrownBy(() -> other.close(CaseOutcome.WAIVED, Instant.now())).isInstanceOf(ConflictException.class);

        RectificationCase a3301 = ordered("A33-01");
        a3301.recordResponse(Map.of("report", "已关停", "resolution", "SHUT_DOWN", "closureDate", LocalDate.of(2026, 1, 5)), LocalDate.of(2026, 1, 5));
        a3301.accept(3);
        a3301.close(CaseOutcome.WAIVED, Instant.now());
        assertThat(a3301.outcome()).isEqualTo(CaseOutcome.WAIVED);
    }

    @Test
    void anExtensionIsBarredOnceTheDeadlineHasPassedAndOnceTheCaseIsEscalated() {
        RectificationCase c = ordered("A33-05");
        assertThat(c.extensionBarred(LocalDate.of(2026, 3, 1))).as("on the deadline day").isEmpty();
        assertThat(c.extensionBarred(LocalDate.of(2026, 3, 2))).contains(RectificationCase.EXTENSION_OVERDUE);

        RectificationCase marked = ordered("A33-05");
        marked.markOverdue();
        assertThat(marked.extensionBarred(LocalDate.of(2026, 2, 20))).as("marked overdue by its timer")
                .contains(RectificationCase.EXTENSION_OVERDUE);

        marked.escalate("逾期未整改", LocalDate.of(2026, 3, 2));
        assertThat(marked.extensionBarred(LocalDate.of(2026, 2, 20))).contains(RectificationCase.EXTENSION_ESCALATED);
    }

    private static RectificationCase ordered(String category) {
        RectificationCase c = new RectificationCase("case-1", "赣府办整改〔2026〕1号",
                new OpenCase(category, "JX-EDU", "网站未备案", "网站存在违规情形", null, CaseSource.INSPECTION, false, null),
                "JX", "JX-OFFICE", "jx.office", false, Instant.now());
        c.issueOrder("限期整改", LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 1));
        return c;
    }
}
