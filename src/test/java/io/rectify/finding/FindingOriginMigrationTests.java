package io.rectify.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import io.rectify.IntegrationTest;
import io.rectify.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migration 39 on a database with findings of every origin: each finding learns where it came
 * from, and a case that an inspection's or a 通报's finding opened counts as the inspections', while
 * a case the monitoring opened, or a manual one such a finding joined, keeps its source.
 */
class FindingOriginMigrationTests extends IntegrationTest {

    private static final String MONITORED = "00000000-0000-0000-0000-00000000000a";
    private static final String INSPECTED = "00000000-0000-0000-0000-00000000000b";
    private static final String CITED = "00000000-0000-0000-0000-00000000000c";
    private static final String FOLLOWED = "00000000-0000-0000-0000-00000000000d";
    private static final String JOINED = "00000000-0000-0000-0000-00000000000e";

    @Autowired
    Flyway flyway;

    @Test
    void findingsLearnTheirOriginAndTheCasesOfInspectionsAndCircularsTheirSource() {
        Map<String, String> db = TestDatabase.fresh();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.get("spring.datasource.url"),
                db.get("spring.datasource.username"), db.get("spring.datasource.password"));
        Flyway.configure().configuration(flyway.getConfiguration()).dataSource(dataSource).target("38").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("insert into region (code, name_zh, name_en) values ('T', '测试市', 'Test city')");
        jdbc.update("insert into organization (code, name_zh, name_en, kind, region_code, case_prefix) values"
                + " ('T-OFFICE', '测试市政府办', 'Test office', 'OFFICE', 'T', '测府办'),"
                + " ('T-DEPT', '测试局', 'Test bureau', 'DEPARTMENT', 'T', null)");
        jdbc.update("insert into website (url, name, org_code) values ('https://t.gov.cn', '测试网站', 'T-DEPT')");
        long site = jdbc.queryForObject("select id from website where url = 'https://t.gov.cn'", Long.class);
        jdbc.update("insert into inspection_checklist (version, title, loaded_at, loaded_by) values"
                + " ('T', '测试指标', current_timestamp, 'admin')");
        jdbc.update("""
                insert into inspection_campaign (name, period_from, period_to, region_code, office_code, sampling_ratio,
                    seed, checklist_id, status, population, created_by, created_at)
                values ('抽查', date '2026-10-01', date '2026-12-31', 'T', 'T-OFFICE', 1, 1,
                    (select id from inspection_checklist where version = 'T'), 'CLOSED', 1, 't.office', current_timestamp)""");
        jdbc.update("""
                insert into inspection (campaign_id, website_id, org_code, region_code, site_level, status, no_public_service)
                values ((select max(id) from inspection_campaign), ?, 'T-DEPT', 'T', 'DEPARTMENT', 'FINAL', false)""", site);
        long inspection = jdbc.queryForObject("select max(id) from inspection", Long.class);

        // each case opened by its first finding, as Findings.confirmAs audits it; the manual one is joined
        for (String[] c : new String[][] {{"case-m", "MONITOR", MONITORED}, {"case-i", "MONITOR", INSPECTED},
                {"case-c", "MONITOR", CITED}, {"case-h", "MANUAL", null}}) {
            jdbc.update("""
                    insert into rectification_case (id, case_number, category_code, respondent_org_code, region_code,
                        opened_by_org_code, opened_by, title, description, source, status, overdue_marked, flagged_serious,
                        repeat_violation, escalated, review_status, rectification_accepted, rejection_count, extension_used,
                        created_at, version)
                    values (?, ?, 'A33-04', 'T-DEPT', 'T', 'T-OFFICE', 't.office', '标题', '说明', ?, 'ORDERED',
                        false, false, false, false, 'NONE', false, 0, false, current_timestamp, 0)""",
                    c[0], "测府办整改〔2026〕" + c[0] + "号", c[1]);
            if (c[2] != null) {
                audit(jdbc, "FINDING_CONFIRMED", c[0], "finding " + c[2] + " HOMEPAGE_STALE on https://t.gov.cn");
            }
        }
        finding(jdbc, MONITORED, site, "case-m", null);
        finding(jdbc, INSPECTED, site, "case-i", inspection);
        finding(jdbc, CITED, site, "case-c", null);
        audit(jdbc, "FINDING_CITED", null, "finding " + CITED + " HOMEPAGE_STALE on https://t.gov.cn: 首页不更新");
        // a 通报's line that followed the monitoring's open finding names it, but the audit says who opened it
        finding(jdbc, FOLLOWED, site, null, null);
        finding(jdbc, JOINED, site, "case-h", inspection);
        audit(jdbc, "FINDING_ATTACHED", "case-h", "finding " + JOINED + " HOMEPAGE_STALE on https://t.gov.cn joins 测");

        Flyway.configure().configuration(flyway.getConfiguration()).dataSource(dataSource).target("39").load().migrate();

        Map<String, String> origins = new HashMap<>();
        jdbc.query("select id, origin from finding", row -> {
            origins.put(row.getString(1), row.getString(2));
        });
        assertThat(origins).containsExactlyInAnyOrderEntriesOf(Map.of(MONITORED, "MONITORING", INSPECTED, "INSPECTION",
                CITED, "CIRCULAR", FOLLOWED, "MONITORING", JOINED, "INSPECTION"));
        Map<String, String> sources = new HashMap<>();
        jdbc.query("select id, source from rectification_case", row -> {
            sources.put(row.getString(1), row.getString(2));
        });
        assertThat(sources).containsExactlyInAnyOrderEntriesOf(Map.of("case-m", "MONITOR", "case-i", "INSPECTION",
                "case-c", "INSPECTION", "case-h", "MANUAL"));
    }

    private static void finding(JdbcTemplate jdbc, String id, long site, String caseId, Long inspection) {
        jdbc.update("""
                insert into finding (id, website_id, indicator, category_code, status, detail, detected_at, case_id,
                    inspection_id, inspection_item)
                values (?, ?, 'HOMEPAGE_STALE', 'A33-04', ?, '首页不更新', current_timestamp, ?, ?, ?)""",
                id, site, caseId == null ? "OPEN" : "CONFIRMED", caseId, inspection,
                inspection == null ? null : "ITEM-" + id.substring(35));
    }

    /** An entry of the chain; its hashes are not what this migration reads. */
    private static void audit(JdbcTemplate jdbc, String action, String caseId, String detail) {
        jdbc.update("""
                insert into audit_entry (occurred_at, actor, action, case_id, detail, seq, prev_hash, hash)
                values (current_timestamp, 't.office', ?, ?, ?, (select coalesce(max(seq), 0) + 1 from audit_entry), ?, ?)""",
                action, caseId, detail, "0".repeat(64), "0".repeat(64));
    }
}
