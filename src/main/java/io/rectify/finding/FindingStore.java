package io.rectify.finding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.rectify.monitoring.Indicator;
import io.rectify.system.Savepoints;
import org.apache.commons.lang3.StringUtils;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The findings' tables by plain SQL: {@code finding}, {@code finding_evidence}, {@code monitored_case}, {@code finding_auto_open}. */
@Repository
class FindingStore {

    private static final String COLUMNS = "f.id, f.website_id, f.indicator, f.category_code, f.status, f.origin, f.detail, "
            + "f.detected_at, f.case_id, f.repeat_of, f.decided_by, f.decided_at, f.dismiss_reason";
    private static final RowMapper<Finding> FINDING = (row, i) -> new Finding(row.getString("id"),
            row.getLong("website_id"), Indicator.valueOf(row.getString("indicator")), row.getString("category_code"),
            FindingStatus.valueOf(row.getString("status")), FindingOrigin.valueOf(row.getString("origin")), row.getString("detail"), instant(row, "detected_at"),
            row.getString("case_id"), row.getString("repeat_of"), row.getString("decided_by"),
            instant(row, "decided_at"), row.getString("dismiss_reason"), List.of());

    private final NamedParameterJdbcTemplate jdbc;
    private final DataSource dataSource;

    FindingStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.dataSource = jdbc.getJdbcTemplate().getDataSource();
    }

    /** The key that keeps one finding open per site and indicator (unique while open, null after). */
    static String openKey(long websiteId, Indicator indicator) {
        return websiteId + ":" + indicator.name();
    }

    boolean isOpen(long websiteId, Indicator indicator) {
        return openFinding(websiteId, indicator).isPresent();
    }

    /** The id of the finding open for this site and indicator, if any. */
    Optional<String> openFinding(long websiteId, Indicator indicator) {
        return jdbc.queryForList("select id from finding where open_key = :key",
                Map.of("key", openKey(websiteId, indicator)), String.class).stream().findFirst();
    }

    /** The cases that confirmed findings of this site and indicator went into. */
    List<String> casesOf(long websiteId, Indicator indicator) {
        return jdbc.queryForList("""
                        select distinct case_id from finding
                        where website_id = :site and indicator = :indicator and status = 'CONFIRMED' and case_id is not null""",
                Map.of("site", websiteId, "indicator", indicator.name()), String.class);
    }

    /** Whether this item of this inspection opened a finding already (open or decided since). */
    boolean isFromInspection(long inspectionId, String itemCode) {
        return !jdbc.queryForList("select id from finding where inspection_id = :inspection and inspection_item = :item",
                Map.of("inspection", inspectionId, "item", itemCode), String.class).isEmpty();
    }

    /**
     * Writes the finding unless one of its site and indicator is open already, and says whether it
     * did. Two transactions that see the same new failure at once (a scheduled probe and "check
     * now", two nodes) both pass the first look; the open key lets one in. The other's insert waits
     * for the first to commit and fails on the key behind a savepoint, so its own transaction, and
     * the probe it stores, go on as if it had looked a moment later.
     */
    boolean insertIfNoneOpen(Finding f, Long inspectionId, String itemCode) {
        return Savepoints.writeOnce(dataSource, () -> insert(f, inspectionId, itemCode));
    }

    /** A finding; from a failed item of an inspection when {@code inspectionId} is given, unique per inspection and item. */
    private void insert(Finding f, Long inspectionId, String itemCode) {
        jdbc.update("""
                        insert into finding (id, website_id, indicator, category_code, status, origin, detail, detected_at, open_key,
                            repeat_of, inspection_id, inspection_item)
                        values (:id, :site, :indicator, :category, 'OPEN', :origin, :detail, :at, :key, :repeatOf, :inspection,
                            :item)""",
                new MapSqlParameterSource("id", f.id()).addValue("origin", f.origin().name()).addValue("inspection", inspectionId).addValue("item", itemCode)
                        .addValue("site", f.websiteId())
                        .addValue("indicator", f.indicator().name()).addValue("category", f.categoryCode())
                        .addValue("detail", StringUtils.abbreviate(f.detail(), 4000)).addValue("at", time(f.detectedAt()))
                        .addValue("key", openKey(f.websiteId(), f.indicator())).addValue("repeatOf", f.repeatOf()));
        for (Finding.Evidence e : f.evidence()) {
            jdbc.update("""
                            insert into finding_evidence (finding_id, probe_evidence_id, url, http_status, fetched_at, sha256)
                            values (:finding, :probe, :url, :status, :at, :sha)""",
                    new MapSqlParameterSource("finding", f.id()).addValue("probe", e.probeEvidenceId())
                            .addValue("url", StringUtils.abbreviate(e.url(), 2000)).addValue("status", e.status())
                            .addValue("at", time(e.fetchedAt())).addValue("sha", e.sha256()));
        }
    }

    /** The finding, its row locked until the transaction ends: one decision per finding. */
    Optional<Finding> lock(String id) {
        return jdbc.query("select " + COLUMNS + " from finding f where f.id = :id for update", Map.of("id", id), FINDING)
                .stream().findFirst().map(this::withEvidence);
    }

    Optional<Finding> find(String id) {
        return jdbc.query("select " + COLUMNS + " from finding f where f.id = :id", Map.of("id", id), FINDING)
                .stream().findFirst().map(this::withEvidence);
    }

    void confirm(String id, String caseId, String by, Instant at) {
        jdbc.update("""
                        update finding set status = 'CONFIRMED', open_key = null, case_id = :case, decided_by = :by, decided_at = :at
                        where id = :id""",
                new MapSqlParameterSource("id", id).addValue("case", caseId).addValue("by", by).addValue("at", time(at)));
    }

    void dismiss(String id, String reason, String by, Instant at) {
        jdbc.update("""
                        update finding set status = 'DISMISSED', open_key = null, dismiss_reason = :reason, decided_by = :by,
                        decided_at = :at where id = :id""",
                new MapSqlParameterSource("id", id).addValue("reason", reason).addValue("by", by).addValue("at", time(at)));
    }

    /**
     * The findings of sites whose bodies lie in these regions, newest first, at most {@code limit}.
     * Joined with the directory's websites and bodies: the jurisdiction is a region, the finding a site's.
     */
    List<Finding> search(Set<String> regions, FindingStatus status, Long websiteId, int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource("regions", regions);
        StringBuilder sql = new StringBuilder("select " + COLUMNS
                + " from finding f join website w on w.id = f.website_id join organization o on o.code = w.org_code"
                + " where o.region_code in (:regions)");
        if (status != null) {
            sql.append(" and f.status = :status");
            params.addValue("status", status.name());
        }
        if (websiteId != null) {
            sql.append(" and f.website_id = :site");
            params.addValue("site", websiteId);
        }
        sql.append(" order by f.detected_at desc, f.id fetch first ").append(Math.max(1, limit)).append(" rows only");
        List<Finding> found = jdbc.query(sql.toString(), params, FINDING);
        Map<String, List<Finding.Evidence>> evidence = evidenceOf(found.stream().map(Finding::id).toList());
        return found.stream().map(f -> f.withEvidence(evidence.getOrDefault(f.id(), List.of()))).toList();
    }

    List<Finding> ofCase(String caseId) {
        List<Finding> found = jdbc.query("select " + COLUMNS + " from finding f where f.case_id = :case order by f.detected_at, f.id",
                Map.of("case", caseId), FINDING);
        Map<String, List<Finding.Evidence>> evidence = evidenceOf(found.stream().map(Finding::id).toList());
        return found.stream().map(f -> f.withEvidence(evidence.getOrDefault(f.id(), List.of()))).toList();
    }

    /** The finding ids of each of these cases, oldest first. */
    Map<String, List<String>> findingIdsOf(Collection<String> caseIds) {
        Map<String, List<String>> ids = new LinkedHashMap<>();
        if (caseIds.isEmpty()) {
            return ids;
        }
        jdbc.query("select case_id, id from finding where case_id in (:cases) order by detected_at, id",
                Map.of("cases", caseIds), row -> {
                    ids.computeIfAbsent(row.getString("case_id"), k -> new ArrayList<>()).add(row.getString("id"));
                });
        return ids;
    }

    private Finding withEvidence(Finding f) {
        return f.withEvidence(evidenceOf(List.of(f.id())).getOrDefault(f.id(), List.of()));
    }

    private Map<String, List<Finding.Evidence>> evidenceOf(List<String> findingIds) {
        if (findingIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("""
                        select finding_id, probe_evidence_id, url, http_status, fetched_at, sha256 from finding_evidence
                        where finding_id in (:ids) order by id""", Map.of("ids", findingIds),
                (row, i) -> Map.entry(row.getString("finding_id"), new Finding.Evidence(row.getLong("probe_evidence_id"),
                        row.getString("url"), (Integer) row.getObject("http_status", Integer.class),
                        instant(row, "fetched_at"), row.getString("sha256"))))
                .stream().collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    // ---- cases that came from findings ---------------------------------------------------------

    /** Records that the case came from findings of this site (once; a case joined by more findings keeps its row). */
    void monitoredCase(String caseId, long websiteId, String repeatOf) {
        if (jdbc.queryForObject("select count(*) from monitored_case where case_id = :case", Map.of("case", caseId),
                Integer.class) == 0) {
            jdbc.update("insert into monitored_case (case_id, website_id, repeat_of) values (:case, :site, :repeatOf)",
                    new MapSqlParameterSource("case", caseId).addValue("site", websiteId).addValue("repeatOf", repeatOf));
        }
    }

    record MonitoredRow(String caseId, long websiteId, String repeatOf, Boolean recheckPassed, Instant recheckCheckedAt,
                        String recheckJson) {
    }

    Map<String, MonitoredRow> monitoredCases(Collection<String> caseIds) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.query("""
                        select case_id, website_id, repeat_of, recheck_passed, recheck_checked_at, recheck_json
                        from monitored_case where case_id in (:cases)""", Map.of("cases", caseIds),
                (row, i) -> new MonitoredRow(row.getString("case_id"), row.getLong("website_id"), row.getString("repeat_of"),
                        (Boolean) row.getObject("recheck_passed", Boolean.class), instant(row, "recheck_checked_at"),
                        row.getString("recheck_json")))
                .stream().collect(Collectors.toMap(MonitoredRow::caseId, r -> r));
    }

    void recheck(String caseId, boolean passed, Instant checkedAt, String resultsJson) {
        jdbc.update("""
                        update monitored_case set recheck_passed = :passed, recheck_checked_at = :at, recheck_json = :json
                        where case_id = :case""",
                new MapSqlParameterSource("case", caseId).addValue("passed", passed).addValue("at", time(checkedAt))
                        .addValue("json", resultsJson));
    }

    // ---- automatic opening ---------------------------------------------------------------------

    Set<Indicator> autoOpenOf(String orgCode) {
        return jdbc.queryForList("select indicator from finding_auto_open where org_code = :org", Map.of("org", orgCode),
                String.class).stream().map(Indicator::valueOf).collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(Indicator.class)));
    }

    /** The offices that open cases of this indicator at once. */
    List<String> autoOpeners(Indicator indicator) {
        return jdbc.queryForList("select org_code from finding_auto_open where indicator = :indicator order by org_code",
                Map.of("indicator", indicator.name()), String.class);
    }

    void autoOpen(String orgCode, Indicator indicator, boolean enabled) {
        MapSqlParameterSource params = new MapSqlParameterSource("org", orgCode).addValue("indicator", indicator.name());
        jdbc.update("delete from finding_auto_open where org_code = :org and indicator = :indicator", params);
        if (enabled) {
            jdbc.update("insert into finding_auto_open (org_code, indicator) values (:org, :indicator)", params);
        }
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime t = row.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

}
