package io.rectify.finding;

import java.time.Instant;

import io.rectify.monitoring.Indicator;

/**
 * A failed item of a final spot-check inspection, as a finding takes it: the monitoring indicator
 * that judges the same thing (the key of its category and of the one-open-finding rule), and the
 * inspection with what the inspector entered, which is the finding's evidence.
 */
public record InspectedFailure(long campaignId, String campaignName, long inspectionId, String itemCode,
                               String itemTitle, long websiteId, Indicator indicator, String evidence,
                               String attachment, Instant finalisedAt, String finalisedBy) {
}
