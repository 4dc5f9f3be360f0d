package io.rectify.inspection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The 通报 of a campaign.
 *
 * @param reportWorkingDays the working days after the 通报 is issued within which the failing sites'
 *                          bodies report their rectification in writing (15: about the three to four
 *                          weeks the published 通报 give)
 */
@ConfigurationProperties("rectify.inspection.tongbao")
public record CircularSettings(@DefaultValue("15") int reportWorkingDays) {

    public CircularSettings {
        if (reportWorkingDays < 1) {
            throw new IllegalArgumentException("rectify.inspection.tongbao.report-working-days must be at least 1");
        }
    }
}
