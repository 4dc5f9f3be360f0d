package io.rectify.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.rectify.PageTest;
import io.rectify.api.Api;
import io.rectify.api.FreshBodies;
import io.rectify.form.web.FormView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Recording sanctions: each person's body is chosen from the bodies the sanction may name (the
 * respondent, the offices above it, the opener, within the supervision body's region), each error
 * says which record it belongs to, and a decision date in the future is refused.
 */
class SanctionTaskPageTests extends PageTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    Api supervision;
    String body;
    String caseId;
    String taskId;

    @BeforeEach
    void reviewedForSanctions() {
        Api office = api("nc.office");
        body = new FreshBodies(jdbc, passwords).department("NC");
        caseId = office.post("/api/cases", Map.of("categoryCode", "A33-08", "respondentOrgCode", body,
                "title", "变相收费", "description", "网站办事强制收费", "source", "INSPECTION",
                "serious", true, "seriousReason", "多次收费")).body().get("id").asText();
        supervision = office.as("nc.supervision");
        supervision.complete(caseId, "reviewEscalation", Map.of("decision", "SANCTION", "findings", "查实"));
        taskId = supervision.taskOf(caseId, "recordSanctions");
    }

    @Test
    void theBodyIsChosenFromTheBodiesTheSanctionMayName() throws Exception {
        MvcResult result = mvc.perform(get("/tasks/" + taskId).with(as("nc.supervision"))).andExpect(status().isOk()).andReturn();
        FormView form = (FormView) result.getModelAndView().getModel().get("form");
        FormView.Part orgCode = form.parts().get(0).items().get(0).parts().stream()
                .filter(p -> p.name().equals("sanctions[0].orgCode")).findFirst().orElseThrow();
        assertThat(orgCode.kind()).isEqualTo("select");
        // the respondent and the opener (Nanchang's office, also the office above): not the province's office
        assertThat(orgCode.choices()).extracting(FormView.Choice::value).containsExactly(body, "NC-GOV-OFFICE");
        assertThat(orgCode.choices()).extracting(FormView.Choice::label)
                .containsExactly("测试单位" + body + "（" + body + "）", "南昌市人民政府办公室（NC-GOV-OFFICE）");
        String page = html(result);
        assertThat(page).contains("<select id=\"f-sanctions-0-orgCode\" name=\"sanctions[0].orgCode\"")
                .doesNotContain("type=\"text\" id=\"f-sanctions-0-orgCode\"");

        // the province's commission reads the province's office too
        String asProvince = html(mvc.perform(get("/tasks/" + supervision.as("jx.supervision").taskOf(caseId, "recordSanctions"))
                .with(as("jx.supervision"))).andReturn());
        assertThat(asProvince).contains("value=\"JX-GOV-OFFICE\"");
        assertThat(page).doesNotContain("value=\"JX-GOV-OFFICE\"");
    }

    @Test
    void eachErrorNamesTheRecordItBelongsTo() throws Exception {
        MvcResult result = mvc.perform(record(line(0, "王五", TODAY), line(1, "", TODAY)))
                .andExpect(status().isBadRequest()).andExpect(view().name("tasks/task")).andReturn();
        FormView form = (FormView) result.getModelAndView().getModel().get("form");
        assertThat(form.errors()).extracting(FormView.ErrorLink::target).containsExactly("f-sanctions-1-personName");
        assertThat(form.errors()).extracting(FormView.ErrorLink::label).containsExactly("第 2 条处分记录的姓名");
        assertThat(html(result)).contains("第 2 条处分记录的姓名：");

        MvcResult english = mvc.perform(record(line(0, "王五", TODAY), line(1, "", TODAY)).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest()).andReturn();
        assertThat(((FormView) english.getModelAndView().getModel().get("form")).errors())
                .extracting(FormView.ErrorLink::label).containsExactly("Name in Sanctions no. 2");
    }

    @Test
    void aDecisionDateInTheFutureIsRefusedOnThePageAndInTheApi() throws Exception {
        MvcResult result = mvc.perform(record(line(0, "王五", TODAY), line(1, "赵六", TODAY.plusDays(1))))
                .andExpect(status().isBadRequest()).andReturn();
        FormView form = (FormView) result.getModelAndView().getModel().get("form");
        assertThat(form.errors()).extracting(FormView.ErrorLink::target).containsExactly("f-sanctions-1-decisionDate");
        assertThat(html(result)).contains("第 2 条处分记录的处分决定日期：处分决定日期不能晚于今天");
        assertThat(supervision.taskOf(caseId, "recordSanctions")).isEqualTo(taskId);

        supervision.post("/api/tasks/" + taskId + "/complete", Map.of("sanctions", List.of(Map.of("personName", "赵六",
                "post", "科长", "orgCode", body, "responsibility", "STAFF", "type", "WARNING",
                "decisionNumber", "洪监〔2026〕9号", "decisionDate", TODAY.plusDays(1).toString()))))
                .isInvalid("sanctions[0].decisionDate");
        assertThat(jdbc.queryForObject("select count(*) from sanction where case_id = ?", Integer.class, caseId)).isZero();

        mvc.perform(record(line(0, "王五", TODAY))).andExpect(status().isFound());
        assertThat(jdbc.queryForObject("select count(*) from sanction where case_id = ?", Integer.class, caseId)).isEqualTo(1);
    }

    private MockHttpServletRequestBuilder record(Map<String, String>... lines) {
        MockHttpServletRequestBuilder request = post("/tasks/" + taskId).with(as("nc.supervision")).with(csrf())
                .param("_count_sanctions", String.valueOf(lines.length));
        for (Map<String, String> line : lines) {
            line.forEach(request::param);
        }
        return request;
    }

    private Map<String, String> line(int index, String person, LocalDate decided) {
        String p = "sanctions[" + index + "].";
        return Map.of(p + "personName", person, p + "post", "科长", p + "orgCode", body, p + "responsibility", "STAFF",
                p + "type", "WARNING", p + "decisionNumber", "洪监〔2026〕8号", p + "decisionDate", decided.toString());
    }

    private static String html(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
