package io.rectify.system.web;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * A table written row by row onto a response: a header, then rows of cells, nothing held but the
 * row at hand. A cell is a {@link String}, a {@link Number}, a {@link java.time.LocalDate} or null
 * (empty). A text a spreadsheet would run as a formula is neutralised ({@link #neutralised}) in every
 * format: an exported title cannot run anything when the file is opened, or saved again as CSV.
 */
public interface TableFile extends Closeable {

    /** Characters that make a spreadsheet read a cell as a formula (or, for tab and CR, start one in CSV). */
    String FORMULA_STARTS = "=+-@\t\r";

    void header(List<String> names) throws IOException;

    void row(List<?> cells) throws IOException;

    /** Finishes the file (the stream it writes to stays open). */
    @Override
    void close() throws IOException;

    /** The text with an apostrophe before it when it would start a formula; null stays null. */
    static String neutralised(String text) {
        if (text != null && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
