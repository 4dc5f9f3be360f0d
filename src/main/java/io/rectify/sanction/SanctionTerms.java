package io.rectify.sanction;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The rules on sanction periods that the statutes fix: pure functions, no state. */
public final class SanctionTerms {

    /** No period of several identical sanctions may exceed this (公职人员政务处分法 Art. 15). */
    public static final int MAX_COMBINED_MONTHS = 48;

    private SanctionTerms() {
    }

    /**
     * The last day of a sanction's period, or empty for {@link SanctionType#DISMISSAL}.
     *
     * <p>The period runs from the day the decision takes effect, which is the day it is made
     * (公职人员政务处分法 Art. 8 para. 2), so {@code decisionDate} is that day. Its last day is the
     * corresponding day of the month the period ends in, or that month's last day when it has no
     * such day (民法典 Art. 201–202: the start day does not count, a month period ends on the
     * corresponding day): 2026-01-15 + 6 months is 2026-07-15, 2025-08-31 + 6 months is 2026-02-28.
     * Counting the effective day itself would end every period one day earlier; this is the
     * reading chosen here. The sanction lapses after that day (公务员法 Art. 65). The day is not moved off a holiday
     * (民法典 Art. 203): a sanction period is not a time limit for anyone to act.
     */
    public static Optional<LocalDate> periodEnds(SanctionType type, LocalDate decisionDate) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(decisionDate, "decisionDate");
        if (type.periodMonths().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(decisionDate.plusMonths(type.periodMonths().getAsInt()));
    }

    /**
     * The last day of the period of the sanction executed for several (Art. 15), at the longest
     * the law allows: the registry must not show a sanction lapsed while it may still run. Empty
     * for 开除.
     */
    public static Optional<LocalDate> executedPeriodEnds(CombinedSanction combined, LocalDate decisionDate) {
        Objects.requireNonNull(combined, "combined");
        Objects.requireNonNull(decisionDate, "decisionDate");
        return combined.maxMonths() == 0 ? Optional.empty() : Optional.of(decisionDate.plusMonths(combined.maxMonths()));
    }

    /**
     * The sanction executed when one person is to receive several (公职人员政务处分法 Art. 15).
     * <ul>
     *   <li>Different types: the heaviest is executed; the lighter ones add nothing.</li>
     *   <li>Several of the same type at 撤职 or below: the period is fixed between one period and
     *       their sum, never above {@value #MAX_COMBINED_MONTHS} months. When the heaviest type
     *       occurs several times beside lighter ones, this applies to the heaviest type's count.</li>
     *   <li>开除 among them: 开除 is executed, with no period (0..0).</li>
     * </ul>
     *
     * @throws IllegalArgumentException when {@code types} is empty
     */
    public static CombinedSanction combine(List<SanctionType> types) {
        Objects.requireNonNull(types, "types");
        if (types.isEmpty()) {
            throw new IllegalArgumentException("No sanction to combine");
        }
        types.forEach(type -> Objects.requireNonNull(type, "a sanction type in " + types));

        SanctionType heaviest = types.stream().max(Comparator.comparingInt(SanctionType::rank)).orElseThrow();
        if (heaviest.periodMonths().isEmpty()) {
            return new CombinedSanction(heaviest, 0, 0);
        }
        int period = heaviest.periodMonths().getAsInt();
        long count = types.stream().filter(type -> type == heaviest).count();
        int max = (int) Math.min(MAX_COMBINED_MONTHS, count * period);
        return new CombinedSanction(heaviest, period, max);
    }
}
