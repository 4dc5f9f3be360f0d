package io.rectify.monitoring.internal.check;

import io.rectify.directory.WatchedColumn;

/** A watched column and its page as fetched. */
public record ColumnPage(WatchedColumn column, Page page) {
}
