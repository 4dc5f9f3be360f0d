package io.rectify.directory;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A column (栏目) of a website whose freshness is watched: its name, its page and what it holds. */
@Embeddable
public record WatchedColumn(String name, String url, @Enumerated(EnumType.STRING) ColumnKind kind) {
}
