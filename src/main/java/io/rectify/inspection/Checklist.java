package io.rectify.inspection;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A version of the indicators (the 2019 set, a later year's beside it), as loaded. */
public record Checklist(long id, String version, String title, Instant loadedAt, String loadedBy,
                        Instant activatedAt,
                        List<ChecklistItem> items) {

    public Optional<ChecklistItem> item(String code) {
        return items.stream().filter(i -> i.code().equals(code)).findFirst();
    }
}
