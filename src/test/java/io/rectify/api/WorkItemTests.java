package io.rectify.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.IntegrationTest;
import io.rectify.workflow.PublicReportProcess;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The inbox's own table follows the engine exactly: after every step, work_item holds one row
 * per open task and candidate group, with the task's case, key, name and due date, and nothing
 * else — through creation, completion, cancellation by a terminate end, timers and the
 * supervision process started by an escalation.
 */
class WorkItemTests extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    TaskService engineTasks;

    Api office;
    Api admin;
    String body;
    Api respondent;

    @BeforeEach
    void setUp() {
        office = new Api(rest, "gz.office");
        admin = office.as("admin");
        body = new FreshBodies(jdbc, passwords).department("GZ");
        respondent = office.as(body.toLowerCase());
        setClock("2026-09-18T10:00:00+08:00");
    }

    @AfterEach
    void realTime() {
        assertThat(admin.delete("/api/admin/clock").status()).isEqualTo(200);
    }

    @Test
    void followsCreationCompletionAndCancellationByATerminateEnd() {
        String caseId = office.openCase("A33-05", body).get("id").asText();
        assertMatchesEngine();
        assertThat(keysOf(caseId)).containsExactly("issueOrder");
        assertThat(groupsOf(caseId, "issueOrder")).contains("org:GZ-GOV-OFFICE", "org:JX-GOV-OFFICE");

        office.complete(caseId, "issueOrder", Map.of("requirements", "恢复在线服务", "periodWorkingDays", 3));
        assertMatchesEngine();
        assertThat(keysOf(caseId)).containsExactly("respond");
        assertThat(groupsOf(caseId, "respond")).containsExactly("org:" + body);
        JsonNode inbox = respondent.get("/api/tasks").body();
        assertThat(inbox).anySatisfy(task -> {
            assertThat(task.get("caseId").asText()).isEqualTo(caseId);
            assertThat(task.get("caseNumber").asText()).startsWith("赣市府办整改");
            assertThat(task.get("due").asText()).isEqualTo("2026-09-23T00:00:00+08:00");
        });

        // the extension request opens a second task beside the order
        respondent.post("/api/cases/" + caseId + "/extension-request", Map.of("reason", "需采购服务器", "days", 2));
        assertMatchesEngine();
        assertThat(keysOf(caseId)).containsExactlyInAnyOrder("respond", "decideExtension");

        // answered before the office decided: the verification's terminate end cancels the decision task
        respondent.complete(caseId, "respond", ResponseValues.of("A33-05"));
        assertMatchesEngine();
        assertThat(keysOf(caseId)).containsExactlyInAnyOrder("verify", "decideExtension");
        JsonNode closed = office.complete(caseId, "verify", Map.of("accepted", true));
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertMatchesEngine();
        assertThat(keysOf(caseId)).isEmpty();
    }

    @Test
    void followsTimersTheEscalationAndTheSupervisionProcess() {
        String caseId = office.openCase("A33-03", body).get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "公开应公开的信息", "periodWorkingDays", 3));

        setClock("2026-09-22T09:30:00+08:00");
        runDueJobs(); // the reminder: the order stays open
        assertMatchesEngine();
        assertThat(keysOf(caseId)).containsExactly("respond");

        setClock("2026-09-23T00:00:01+08:00");
        runDueJobs(); // overdue: escalated, the supervision review starts beside the order
        assertMatchesEngine();
        assertThat(keysOf(caseId)).containsExactlyInAnyOrder("respond", "reviewEscalation");
        assertThat(groupsOf(caseId, "reviewEscalation")).contains("org:JX-SUPERVISION");

        Api supervision = office.as("jx.supervision");
        supervision.complete(caseId, "reviewEscalation", Map.of("decision", "NO_SANCTION", "findings", "情有可原"));
        assertMatchesEngine();
        assertThat(keysOf(caseId)).containsExactly("respond");
    }

    @Test
    void followsACaseEscalatedAtOpening() {
        Api.Response opened = office.post("/api/cases", Map.of("categoryCode", "A33-07", "respondentOrgCode", body,
                "title", "发布不当信息", "description", "造成严重社会影响", "source", "COMPLAINT",
                "serious", true, "seriousReason", "社会影响恶劣"));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        String caseId = opened.body().get("id").asText();
        assertMatchesEngine();
        assertThat(keysOf(caseId)).containsExactlyInAnyOrder("issueOrder", "reviewEscalation");
    }

    /** Every open task with every candidate group, and the same task facts (the evaluated form key too), in both places. */
    private void assertMatchesEngine() {
        Set<String> engine = new HashSet<>();
        // the work items are the cases' tasks; a citizen's error report has its own list
        for (Task task : engineTasks.createTaskQuery().initializeFormKeys().list().stream()
                .filter(task -> !task.getProcessDefinitionId().startsWith(PublicReportProcess.KEY + ":")).toList()) {
            for (IdentityLink link : engineTasks.getIdentityLinksForTask(task.getId())) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                    engine.add(String.join("|", task.getId(), link.getGroupId(), task.getTaskDefinitionKey(),
                            task.getFormKey(), task.getName(),
                            String.valueOf(task.getDueDate() == null ? null : task.getDueDate().toInstant())));
                }
            }
        }
        Set<String> ours = new HashSet<>(jdbc.query("select task_id, candidate_group, task_key, form_key, name, due"
                        + " from work_item",
                (rs, n) -> String.join("|", rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), String.valueOf(rs.getObject(6, OffsetDateTime.class) == null ? null
                                : rs.getObject(6, OffsetDateTime.class).toInstant()))));
        assertThat(ours).isEqualTo(engine);
        // and each row names the case of its process (the business key) and its case number
        assertThat(jdbc.queryForObject("""
                select count(*) from work_item w
                left join act_ru_execution p on p.id_ = w.process_instance_id
                left join rectification_case c on c.id = w.case_id
                where p.business_key_ is null or p.business_key_ <> w.case_id or c.case_number <> w.case_number""",
                Integer.class)).isZero();
    }

    private List<String> keysOf(String caseId) {
        return jdbc.queryForList("select distinct task_key from work_item where case_id = ?", String.class, caseId);
    }

    private List<String> groupsOf(String caseId, String taskKey) {
        return jdbc.queryForList("select candidate_group from work_item where case_id = ? and task_key = ?", String.class,
                caseId, taskKey);
    }

    private void setClock(String now) {
        Api.Response r = admin.post("/api/admin/clock", Map.of("now", now));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    private void runDueJobs() {
        Api.Response r = admin.post("/api/admin/jobs/run-due", null);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }
}
