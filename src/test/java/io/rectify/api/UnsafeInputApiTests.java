package io.rectify.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Text with characters that hide or reorder what readers see, or that PostgreSQL refuses and H2
 * stores (NUL), is refused with the field named, the same on both databases; a file's name is
 * cleaned of them; a closed case takes no more files.
 */
class UnsafeInputApiTests extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    Api office;
    String body;

    @BeforeEach
    void signIn() {
        office = new Api(rest, "jx.office");
        body = new FreshBodies(jdbc, passwords).department("JX");
    }

    @Test
    void aCaseWhoseTextHidesOrReordersCharactersIsRefusedNamingTheField() {
        long before = jdbc.queryForObject("select count(*) from rectification_case", Long.class);

        Api.Response refused = office.postRaw("/api/cases", "{\"categoryCode\":\"A33-02\",\"respondentOrgCode\":\"" + body
                + "\",\"title\":\"栏目\\u202E未更新\",\"description\":\"见\\u0000附件\",\"source\":\"MANUAL\"}");
        refused.isInvalid("title").isInvalid("description");
        assertThat(refused.text()).contains("U+202E", "U+0000");

        office.postRaw("/api/cases", "{\"categoryCode\":\"A33-02\",\"respondentOrgCode\":\"" + body
                + "\",\"title\":\"半个\\ud800代理\",\"description\":\"零\\u200b宽\",\"source\":\"MANUAL\"}")
                .isInvalid("title").isInvalid("description");

        assertThat(jdbc.queryForObject("select count(*) from rectification_case", Long.class)).isEqualTo(before);
    }

    @Test
    void aTaskFormsTextIsCheckedTheSameWay() {
        String caseId = office.openCase("A33-02", body).get("id").asText();
        String task = office.taskOf(caseId, "issueOrder");
        office.post("/api/tasks/" + task + "/complete", Map.of("requirements", "限期\u200D整改"))
                .isInvalid("requirements");
        assertThat(office.caseView(caseId).get("status").asText()).as("nothing done").isEqualTo("DETECTED");
    }

    @Test
    void aFilesNameLosesTheCharactersThatWouldDisguiseIt() {
        String caseId = office.openCase("A33-02", body).get("id").asText();
        Api.Response uploaded = office.upload(caseId, "证据\u202Efdp.exe.pdf", AttachmentApiTests.PDF);
        assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(201);
        assertThat(uploaded.body().get("name").asText()).isEqualTo("证据fdp.exe.pdf");
    }

    @Test
    void aClosedCaseTakesNoMoreFiles() {
        String caseId = office.openCase("A33-02", body).get("id").asText();
        Api respondent = office.as(body.toLowerCase());
        office.complete(caseId, "issueOrder", Map.of("requirements", "限期整改"));
        respondent.complete(caseId, "respond", ResponseValues.of("A33-02"));
        JsonNode closed = office.complete(caseId, "verify", Map.of("accepted", true));
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");

        office.upload(caseId, "补充.pdf", AttachmentApiTests.PDF).isProblem(409);
        assertThat(jdbc.queryForObject("select count(*) from attachment where case_id = ?", Long.class, caseId)).isZero();
    }
}
