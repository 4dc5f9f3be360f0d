package io.rectify.sanction;

import java.util.OptionalInt;

/**
 * The six kinds of 政务处分 / 处分, lightest first, with the period each runs from the day the
 * decision takes effect.
 *
 * <p>Sources: 公职人员政务处分法 Art. 7 (types) and Art. 8 (periods 6/12/18/24/24 months); the same
 * six types and periods for 处分 by the appointing body in 公务员法 Art. 62 and 64 and
 * 行政机关公务员处分条例 Art. 6–7. 开除 has no period: it ends the relationship
 * (行政机关公务员处分条例 Art. 9).
 */
public enum SanctionType {

    WARNING("警告", 1, 6),
    DEMERIT("记过", 2, 12),
    MAJOR_DEMERIT("记大过", 3, 18),
    DEMOTION("降级", 4, 24),
    REMOVAL_FROM_POST("撤职", 5, 24),
    DISMISSAL("开除", 6, 0);

    private final String nameZh;
    private final int rank;
    private final int periodMonths;

    SanctionType(String nameZh, int rank, int periodMonths) {
        this.nameZh = nameZh;
        this.rank = rank;
        this.periodMonths = periodMonths;
    }

    /** The statute's name, e.g. 撤职. */
    public String nameZh() {
        return nameZh;
    }

    /** Severity from 1 (警告) to 6 (开除): the higher, the heavier. */
    public int rank() {
        return rank;
    }

    /** The period in months; empty for {@link #DISMISSAL}, which has none. */
    public OptionalInt periodMonths() {
        return this == DISMISSAL ? OptionalInt.empty() : OptionalInt.of(periodMonths);
    }
}
