package io.rectify.inspection;

import java.time.MonthDay;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The self-inspections of Art. 29.
 *
 * @param periodEnds   the last day of each reporting period of a year, in order ({@code --06-30} and
 *                     {@code --12-31}: the halves H1 and H2); the n-th period is named {@code <year>H<n>}
 * @param workingDays  the working days after a period's end within which its report is due (15)
 * @param overdueCases whether a report not in by then opens an {@code A34-02} case
 * @param firstPeriod  the first period chased (e.g. {@code 2026H2}); unset, the period current when
 *                     the product first looked, so periods that ended before it ran are not chased
 */
@ConfigurationProperties("rectify.self-inspection")
public record SelfInspectionSettings(@DefaultValue({"--06-30", "--12-31"}) List<MonthDay> periodEnds,
                                     @DefaultValue("15") int workingDays,
                                     @DefaultValue("true") boolean overdueCases,
                                     String firstPeriod) {
}
