package io.rectify.audit;

import java.util.List;

/** One page of the full record, newest first; {@code next} is the {@code after} of the next page, or null at the end. */
public record AuditPage(List<AuditEntry> entries, Long next) {
}
