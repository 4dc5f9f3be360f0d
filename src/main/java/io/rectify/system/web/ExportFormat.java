package io.rectify.system.web;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.rectify.kernel.InvalidInputException;
import org.springframework.http.MediaType;

/** The file formats a list is exported in: what the response says it is, and how many rows one file holds. */
public enum ExportFormat {

    XLSX("xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            // a worksheet holds 1,048,576 rows, one of them the header
            1_048_575),
    CSV("csv", new MediaType("text", "csv", StandardCharsets.UTF_8), Long.MAX_VALUE);

    private final String extension;
    private final MediaType mediaType;
    private final long rowLimit;

    ExportFormat(String extension, MediaType mediaType, long rowLimit) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.rowLimit = rowLimit;
    }

    /** {@code xlsx} or {@code csv} (any case); anything else is a 400 naming {@code format}. */
    public static ExportFormat of(String value) {
        if (value != null) {
            for (ExportFormat format : values()) {
                if (format.extension.equals(value.strip().toLowerCase(Locale.ROOT))) {
                    return format;
                }
            }
        }
        throw InvalidInputException.of("format", "export.format", "导出格式应为 xlsx 或 csv");
    }

    public String extension() {
        return extension;
    }

    public MediaType mediaType() {
        return mediaType;
    }

    /** The rows one file of this format can hold, besides its header. */
    public long rowLimit() {
        return rowLimit;
    }

    /** A writer of this format onto the stream; the caller closes it (which finishes the file, not the stream). */
    public TableFile open(OutputStream out, String sheetName) {
        return this == XLSX ? new XlsxTableFile(out, sheetName) : new CsvTableFile(out);
    }
}
