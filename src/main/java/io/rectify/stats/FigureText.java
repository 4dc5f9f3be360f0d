package io.rectify.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.springframework.stereotype.Component;

/**
 * A figure as the tables print it, on the pages ({@code stats/figure.html}) and in the PDF
 * publications alike: a rate in per cent with one decimal, a count as it is, none as a dash.
 */
@Component("figureText")
public class FigureText {

    public String of(String column, Object value) {
        if (value == null) {
            return "—";
        }
        if (column.endsWith("Rate") && value instanceof Number rate) {
            return BigDecimal.valueOf(rate.doubleValue() * 100).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
        }
        return String.valueOf(value);
    }
}
