package io.rectify.publicreport;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Public error reports ({@code rectify.public-reports.*}).
 *
 * @param submissionsPerAddress how many reports one address may send on the public page within {@code submissionWindow}
 * @param replyWorkingDays      the body's time to reply, in working days after the day of forwarding
 */
@ConfigurationProperties("rectify.public-reports")
public record PublicReportSettings(@DefaultValue("10") int submissionsPerAddress,
                                   @DefaultValue("PT1H") Duration submissionWindow,
                                   @DefaultValue("3") int replyWorkingDays) {
}
