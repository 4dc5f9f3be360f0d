package io.rectify.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.PageTest;
import io.rectify.api.Api;
import io.rectify.workflow.CaseProcess;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The attachment volume full or read-only: the upload is a 507 or 503 the person can act on, on
 * the API and on the pages, and nothing is left half-done: no file, no row, no case, no step.
 */
class AttachmentStorageFaultTests extends PageTest {

    static final Path ATTACHMENTS = Path.of("target/test-data/attachments");

    @Autowired
    BreakableAttachmentStore store;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtime;

    Api office;
    String caseId;

    @BeforeEach
    void aCase() {
        office = api("jx.office");
        caseId = office.openCase("A33-10", "JX-EDU").get("id").asText();
    }

    @AfterEach
    void repair() {
        store.repaired();
    }

    @Test
    void anUploadToAFullVolumeIsA507ProblemAndLeavesNoFileAndNoRow() throws Exception {
        List<Path> filesBefore = files();
        store.full();

        Api.Response refused = office.upload(caseId, "整改报告.pdf", ContentTypesTest.PDF).isProblem(507);
        assertThat(refused.body().get("detail").asText()).contains("附件存储空间已满", "系统管理员");
        String english = mvc.perform(multipart("/api/cases/" + caseId + "/attachments")
                        .file(new MockMultipartFile("file", "report.pdf", "application/pdf", ContentTypesTest.PDF))
                        .header("Accept-Language", "en").with(as("jx.office")).with(csrf()))
                .andExpect(status().isInsufficientStorage())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("The attachment storage is full", "administrator");

        assertThat(files()).as("the half-written files were removed").isEqualTo(filesBefore);
        assertThat(office.get("/api/cases/" + caseId + "/attachments").body()).isEmpty();
        assertThat(auditActions(caseId)).doesNotContain("ATTACHMENT_ADDED");

        store.repaired();
        office.upload(caseId, "整改报告.pdf", ContentTypesTest.PDF);
        assertThat(office.get("/api/cases/" + caseId + "/attachments").body()).as("the same upload, once there is space")
                .hasSize(1);
    }

    @Test
    void anUploadToAReadOnlyOrForbiddenVolumeIsA503Problem() throws Exception {
        List<Path> filesBefore = files();
        store.readOnly();
        Api.Response refused = office.upload(caseId, "a.pdf", ContentTypesTest.PDF).isProblem(503);
        assertThat(refused.body().get("detail").asText()).contains("只读", "系统管理员");
        store.denied();
        office.upload(caseId, "a.pdf", ContentTypesTest.PDF).isProblem(503);

        assertThat(files()).isEqualTo(filesBefore);
        assertThat(office.get("/api/cases/" + caseId + "/attachments").body()).isEmpty();
    }

    @Test
    void openingACaseWithEvidenceOnAFullVolumeLeavesNoCaseNoProcessNoNumberAndNoFile() throws Exception {
        int before = numberOf(office.caseView(caseId));
        long processes = caseProcesses();
        List<Path> filesBefore = files();
        String title = "存储已满时立案 " + System.nanoTime();
        store.full();

        MvcResult result = mvc.perform(multipart("/cases")
                        .file(new MockMultipartFile("evidence", "截图.pdf", "application/pdf", ContentTypesTest.PDF))
                        .with(as("jx.office")).with(csrf())
                        .param("categoryCode", "A33-10").param("respondentOrgCode", "JX-EDU")
                        .param("title", title).param("description", "网站存在违规情形").param("source", "INSPECTION"))
                .andExpect(status().isInsufficientStorage())
                .andExpect(view().name("error"))
                .andReturn();
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("存储空间已满", "系统管理员");

        assertThat(jdbc.queryForObject("select count(*) from rectification_case where title = ?", Long.class, title))
                .as("no case without the evidence it was opened with").isZero();
        assertThat(caseProcesses()).isEqualTo(processes);
        assertThat(files()).isEqualTo(filesBefore);
        store.repaired();
        int next = numberOf(office.openCase("A33-10", "JX-EDU"));
        assertThat(next).as("the failed opening gave its number back").isEqualTo(before + 1);
    }

    @Test
    void aReportWithEvidenceOnAReadOnlyVolumeLeavesTheTaskOpenAndTheCaseAsItWas() throws Exception {
        office.complete(caseId, "issueOrder", Map.of("requirements", "限期整改"));
        String taskId = office.as("jx.edu").taskOf(caseId, "respond");
        List<Path> filesBefore = files();
        store.readOnly();

        MvcResult result = mvc.perform(multipart("/tasks/" + taskId)
                        .file(new MockMultipartFile("evidence", "proof.txt", "text/plain",
                                "整改截图说明".getBytes(StandardCharsets.UTF_8)))
                        .header("Accept-Language", "en").with(as("jx.edu")).with(csrf())
                        .param("report", "已整改"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(view().name("error"))
                .andReturn();
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Unavailable for a moment", "nothing was changed");

        JsonNode view = office.caseView(caseId);
        assertThat(view.get("status").asText()).isEqualTo("ORDERED");
        assertThat(office.as("jx.edu").taskOf(caseId, "respond")).isEqualTo(taskId);
        assertThat(office.get("/api/cases/" + caseId + "/attachments").body()).isEmpty();
        assertThat(files()).isEqualTo(filesBefore);
    }

    @Test
    void anUploadOnTheCasePageToAFullVolumeIsThe507Page() throws Exception {
        store.full();
        MvcResult result = mvc.perform(multipart("/cases/" + caseId + "/attachments")
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", ContentTypesTest.PDF))
                        .header("Accept-Language", "en").with(as("jx.office")).with(csrf()))
                .andExpect(status().isInsufficientStorage())
                .andExpect(view().name("error"))
                .andReturn();
        assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Storage full", "Ask your administrator to free or add space");
        assertThat(office.get("/api/cases/" + caseId + "/attachments").body()).isEmpty();
    }

    private long caseProcesses() {
        return runtime.createProcessInstanceQuery().processDefinitionKey(CaseProcess.KEY).count();
    }

    private List<String> auditActions(String caseId) {
        return jdbc.queryForList("select action from audit_entry where case_id = ?", String.class, caseId);
    }

    /** The running number of a case number such as 赣府办整改〔2026〕12号. */
    private static int numberOf(JsonNode caseView) {
        String number = caseView.get("caseNumber").asText();
        return Integer.parseInt(number.substring(number.indexOf('〕') + 1, number.length() - 1));
    }

    private static List<Path> files() throws IOException {
        if (!Files.isDirectory(ATTACHMENTS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(ATTACHMENTS)) {
            return files.sorted().toList();
        }
    }
}
