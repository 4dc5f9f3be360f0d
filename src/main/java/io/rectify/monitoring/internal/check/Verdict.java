package io.rectify.monitoring.internal.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.rectify.monitoring.CheckStatus;
import io.rectify.monitoring.Indicator;
import io.rectify.monitoring.internal.http.Fetched;

/**
 * What a check found: pass, fail or inconclusive, why in a sentence, how far the site is from the
 * veto line ({@code measure} of {@code limit} {@code unit}, e.g. 11 of 14 days), and the responses
 * it judged on.
 */
public record Verdict(Indicator indicator, CheckStatus status, String detail, Veto veto, List<Fetched> evidence) {

    /** The distance to the veto line: the site fails when {@code measure} reaches {@code limit}. */
    public record Veto(BigDecimal measure, BigDecimal limit, String unit) {
        public static Veto of(double measure, double limit, String unit) {
            return new Veto(BigDecimal.valueOf(measure).setScale(2, RoundingMode.HALF_UP),
                    BigDecimal.valueOf(limit).setScale(2, RoundingMode.HALF_UP), unit);
        }
    }

    public static Verdict pass(Indicator indicator, String detail, Veto veto, List<Fetched> evidence) {
        return new Verdict(indicator, CheckStatus.PASS, detail, veto, evidence);
    }

    public static Verdict fail(Indicator indicator, String detail, Veto veto, List<Fetched> evidence) {
        return new Verdict(indicator, CheckStatus.FAIL, detail, veto, evidence);
    }

    public static Verdict inconclusive(Indicator indicator, String detail, List<Fetched> evidence) {
        return new Verdict(indicator, CheckStatus.INCONCLUSIVE, detail, null, evidence);
    }

    /** fail at or beyond the limit, pass below it */
    static Verdict judged(Indicator indicator, double measure, double limit, String unit, String detail, List<Fetched> evidence) {
        Veto veto = Veto.of(measure, limit, unit);
        return measure >= limit ? fail(indicator, detail, veto, evidence) : pass(indicator, detail, veto, evidence);
    }
}
