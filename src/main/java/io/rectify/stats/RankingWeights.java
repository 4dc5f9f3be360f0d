package io.rectify.stats;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The weights of the ranking's components, as the administrator set them (each change a new
 * version). A component's weight is 0 to 100; the score is the weighted mean of the components.
 */
public record RankingWeights(int version, int onTime, int overdue, int speed, int repeats, int escalations,
                             int monitoring, int spotChecks, int errorReports, String setBy, Instant setAt) {

    /** The components in the order they are shown, with their weights. */
    public Map<String, Integer> byComponent() {
        Map<String, Integer> weights = new LinkedHashMap<>();
        weights.put(Ranking.ON_TIME, onTime);
        weights.put(Ranking.OVERDUE, overdue);
        weights.put(Ranking.SPEED, speed);
        weights.put(Ranking.REPEATS, repeats);
        weights.put(Ranking.ESCALATIONS, escalations);
        weights.put(Ranking.MONITORING, monitoring);
        weights.put(Ranking.SPOT_CHECKS, spotChecks);
        weights.put(Ranking.ERROR_REPORTS, errorReports);
        return weights;
    }

    public int total() {
        return byComponent().values().stream().mapToInt(Integer::intValue).sum();
    }
}
