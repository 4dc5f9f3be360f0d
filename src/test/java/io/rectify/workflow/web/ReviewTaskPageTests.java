package io.rectify.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.rectify.PageTest;
import io.rectify.api.Api;
import io.rectify.api.FreshBodies;
import io.rectify.api.ResponseValues;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The supervision body reviews an escalation with the file in view: why the case came (the rule,
 * and the office's reason when it flagged the case), whom it concerns, its category, and the
 * case's life in a few dated lines.
 */
class ReviewTaskPageTests extends PageTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void aCaseFlaggedSeriousShowsTheOfficesReasonTheRespondentAndTheCategory() throws Exception {
        Api office = api("nc.office");
        String body = new FreshBodies(jdbc, passwords).department("NC");
        String caseId = office.post("/api/cases", Map.of("categoryCode", "A33-05", "respondentOrgCode", body,
                "title", "限制政民互动", "description", "留言功能被关闭", "source", "COMPLAINT",
                "serious", true, "seriousReason", "群众投诉集中，影响恶劣")).body().get("id").asText();
        String taskId = office.as("nc.supervision").taskOf(caseId, "reviewEscalation");

        String page = html(taskId, "nc.supervision", "zh-CN");
        assertThat(page).contains("移送审查材料", "测试单位" + body, "A33-05",
                "督办机关认定情节严重，理由：群众投诉集中，影响恶劣", "办理经过", "立案", "移送监察机关");
        assertThat(page).as("the flag said once, with its reason").doesNotContain("<li>督办机关认定情节严重</li>");
        assertThat(html(taskId, "nc.supervision", "en"))
                .contains("Escalation file", "Test body " + body, "Flagged serious by the office: 群众投诉集中，影响恶劣",
                        "Opened", "Escalated to supervision");
    }

    @Test
    void aCaseRejectedTwiceShowsTheRuleAndItsOrderReportsAndRejectionsInOrder() throws Exception {
        Api office = api("nc.office");
        String body = new FreshBodies(jdbc, passwords).department("NC");
        Api respondent = office.as(body.toLowerCase());
        String caseId = office.openCase("A33-10", body).get("id").asText();
        String deadline = office.complete(caseId, "issueOrder", Map.of("requirements", "按规定整改")).get("deadline").asText();
        respondent.complete(caseId, "respond", ResponseValues.of("A33-10"));
        office.complete(caseId, "verify", Map.of("accepted", false, "comment", "证明材料不全"));
        respondent.complete(caseId, "respond", ResponseValues.of("A33-10"));
        office.complete(caseId, "verify", Map.of("accepted", false, "comment", "仍未整改到位"));
        String taskId = office.as("nc.supervision").taskOf(caseId, "reviewEscalation");

        String page = html(taskId, "nc.supervision", "zh-CN");
        assertThat(page).contains("整改报告两次被退回");
        String timeline = page.substring(page.indexOf("id=\"review-timeline\""));
        assertThat(timeline).containsSubsequence("立案", "责令整改", "期限至 " + deadline, "提交整改报告",
                "退回，意见：证明材料不全", "提交整改报告", "退回，意见：仍未整改到位", "移送监察机关", "整改报告两次被退回");
    }

    private String html(String taskId, String user, String language) throws Exception {
        return mvc.perform(get("/tasks/" + taskId).with(as(user)).header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
