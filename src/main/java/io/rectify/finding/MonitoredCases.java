package io.rectify.finding;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectify.casefile.CaseFindings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The case's side of the findings: its site, its findings with their evidence, the re-check and the case it repeats. */
@Component
@Transactional(readOnly = true)
class MonitoredCases implements CaseFindings {

    private static final TypeReference<List<Recheck.Result>> RESULTS = new TypeReference<>() {
    };

    private final FindingStore store;
    private final ObjectMapper json;

    MonitoredCases(FindingStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    public Optional<Monitored> of(String caseId) {
        FindingStore.MonitoredRow row = store.monitoredCases(List.of(caseId)).get(caseId);
        if (row == null) {
            return Optional.empty();
        }
        List<Finding> findings = store.ofCase(caseId);
        return Optional.of(new Monitored(row.websiteId(), findings.stream().map(Finding::id).toList(), recheck(row),
                row.repeatOf(), findings.stream().map(f -> new Line(f.id(), f.indicator().name(), f.detail(), f.detectedAt(),
                f.evidence().stream().map(e -> new Seen(e.url(), e.status(), e.fetchedAt(), e.sha256(), e.bodyPath(f.id()))).toList())).toList()));
    }

    @Override
    public Map<String, Monitored> of(Collection<String> caseIds) {
        Map<String, FindingStore.MonitoredRow> rows = store.monitoredCases(caseIds);
        if (rows.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> ids = store.findingIdsOf(rows.keySet());
        return rows.values().stream().collect(Collectors.toMap(FindingStore.MonitoredRow::caseId,
                row -> new Monitored(row.websiteId(), ids.getOrDefault(row.caseId(), List.of()), recheck(row),
                        row.repeatOf(), List.of())));
    }

    private Recheck recheck(FindingStore.MonitoredRow row) {
        if (row.recheckPassed() == null) {
            return null;
        }
        try {
            return new Recheck(row.recheckPassed(), row.recheckCheckedAt(),
                    row.recheckJson() == null ? List.of() : json.readValue(row.recheckJson(), RESULTS));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read the re-check of case " + row.caseId(), e);
        }
    }
}
