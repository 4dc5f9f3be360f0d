package io.rectify.workflow.internal;

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
 * Migration 17 on a database with open tasks: each keeps the form the engine gave it, so the
 * tasks open at an upgrade can still be shown and completed.
 */
class WorkItemFormKeyMigrationTests extends IntegrationTest {

    @Autowired
    Flyway flyway;

    @Test
    void theTasksOpenAtTheUpgradeGetTheFormsTheirModelsDeclare() {
        Map<String, String> db = TestDatabase.fresh();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.get("spring.datasource.url"),
                db.get("spring.datasource.username"), db.get("spring.datasource.password"));
        // the product's own migrations, Java ones included, on a database of its own
        Flyway.configure().configuration(flyway.getConfiguration()).dataSource(dataSource).target("16").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("insert into region (code, name_zh, name_en) values ('T', '测试市', 'Test city')");
        jdbc.update("insert into organization (code, name_zh, name_en, kind, region_code, case_prefix) values"
                + " ('T-OFFICE', '测试市政府办', 'Test office', 'OFFICE', 'T', '测府办'),"
                + " ('T-DEPT', '测试局', 'Test bureau', 'DEPARTMENT', 'T', null)");
        for (String[] c : new String[][] {{"case-1", "A33-09"}, {"case-2", "A34-01"}}) {
            jdbc.update("""
                    insert into rectification_case (id, case_number, category_code, respondent_org_code, region_code,
                        opened_by_org_code, opened_by, title, description, source, status, overdue_marked, flagged_serious,
                        repeat_violation, escalated, review_status, rectification_accepted, rejection_count, extension_used,
                        created_at, version)
                    values (?, ?, ?, 'T-DEPT', 'T', 'T-OFFICE', 't.office', '标题', '说明', 'INSPECTION', 'ORDERED',
                        false, false, false, false, 'NONE', false, 0, false, current_timestamp, 0)""",
                    c[0], "测府办整改〔2026〕" + c[0].charAt(5) + "号", c[1]);
        }
        String workItem = "insert into work_item (task_id, candidate_group, case_id, process_instance_id, task_key, name,"
                + " created_at) values (?, ?, ?, 'pi', ?, '任务', current_timestamp)";
        jdbc.update(workItem, "t-respond-1", "org:T-DEPT", "case-1", "respond");
        jdbc.update(workItem, "t-respond-2", "org:T-DEPT", "case-2", "respond");
        jdbc.update(workItem, "t-verify", "org:T-OFFICE", "case-1", "verify");
        jdbc.update(workItem, "t-review", "org:T-SUPERVISION", "case-2", "reviewEscalation");

        Flyway.configure().configuration(flyway.getConfiguration()).dataSource(dataSource).target("17").load().migrate();

        Map<String, String> forms = new HashMap<>();
        jdbc.query("select task_id, form_key from work_item", row -> {
            forms.put(row.getString(1), row.getString(2));
        });
        assertThat(forms).containsExactlyInAnyOrderEntriesOf(Map.of("t-respond-1", "respond-A33-09",
                "t-respond-2", "respond-A34-01", "t-verify", "verify", "t-review", "reviewEscalation"));
    }
}
