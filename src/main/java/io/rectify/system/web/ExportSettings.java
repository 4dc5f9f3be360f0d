package io.rectify.system.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Exports of lists, {@code rectify.export.*}: one file holds at most {@code maxRows} rows (and never
 * more than its format can, {@link ExportFormat#rowLimit()}); a larger list is refused with a 400
 * before anything is written, never cut off silently.
 */
@ConfigurationProperties("rectify.export")
public record ExportSettings(@DefaultValue("200000") long maxRows) {

    public ExportSettings {
        if (maxRows < 1) {
            throw new IllegalArgumentException("rectify.export.max-rows must be at least 1, not " + maxRows);
        }
    }

    /** The rows a file of this format may hold here. */
    public long limit(ExportFormat format) {
        return Math.min(maxRows, format.rowLimit());
    }
}
