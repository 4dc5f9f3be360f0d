package io.rectify.finding;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param recheckTimeout how long a department's report waits for the re-check of its case's findings;
 *                       a re-check not done by then is recorded as inconclusive (not passed)
 * @param listLimit      the most findings one list answers, newest first
 */
@ConfigurationProperties("rectify.findings")
public record FindingSettings(@DefaultValue("60s") Duration recheckTimeout, @DefaultValue("1000") int listLimit) {
}
