package io.rectify.sanction;

import java.util.Objects;

/**
 * What is executed when one person receives several sanctions (公职人员政务处分法 Art. 15): the
 * heaviest type, and the range in months within which the deciding body fixes its period.
 * {@code minMonths == maxMonths} when there is nothing to choose; both are 0 for
 * {@link SanctionType#DISMISSAL}, which has no period.
 */
public record CombinedSanction(SanctionType executed, int minMonths, int maxMonths) {

    public CombinedSanction {
        Objects.requireNonNull(executed, "executed");
        if (minMonths < 0 || maxMonths < minMonths) {
            throw new IllegalArgumentException("Period range " + minMonths + ".." + maxMonths + " is not a range");
        }
    }
}
