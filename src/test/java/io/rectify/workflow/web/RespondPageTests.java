package io.rectify.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.rectify.PageTest;
import io.rectify.api.Api;
import io.rectify.api.ResponseValues;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The respond page of a second or later round says which round it is and shows the rejection's
 * comment and the new deadline; the inbox marks a returned task 退回 / Returned.
 */
class RespondPageTests extends PageTest {

    @Test
    void aSecondRoundSaysSoWithTheRejectionsCommentAndTheNewDeadline() throws Exception {
        Api office = api("jx.office");
        String caseId = returnedCase(office, "请补充预算说明的链接");
        String deadline = office.caseView(caseId).get("deadline").asText();

        String chinese = respondPage(office, caseId, "zh-CN");
        assertThat(chinese).contains("第 2 轮整改：上一轮整改报告已被退回", "请补充预算说明的链接", deadline,
                "此前各轮（共 1 轮，最近的在前）", "已按要求完成整改。");
        // the notice is the first thing on the page, before the case's summary and the form
        assertThat(chinese.indexOf("上一轮整改报告已被退回")).isLessThan(chinese.indexOf("id=\"about-title\""))
                .isLessThan(chinese.indexOf("id=\"f-form\""));
        assertThat(respondPage(office, caseId, "en")).contains("Round 2: the previous report was rejected",
                "Reason for rejection", "New deadline");
    }

    @Test
    void aFirstRoundHasNoReturnedNotice() throws Exception {
        Api office = api("jx.office");
        String caseId = office.openCase("A33-10", "JX-EDU").get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "更正错别字"));
        assertThat(respondPage(office, caseId, "zh-CN")).doesNotContain("已被退回", "此前各轮");
    }

    @Test
    void theInboxMarksReturnedTasksAndOnlyThose() throws Exception {
        Api office = api("jx.office");
        String returned = returnedCase(office, "内容不全");
        String firstRound = office.openCase("A33-10", "JX-EDU").get("id").asText();
        office.complete(firstRound, "issueOrder", Map.of("requirements", "更正错别字"));

        MvcResult home = mvc.perform(get("/").with(as("jx.edu"))).andExpect(status().isOk()).andReturn();
        @SuppressWarnings("unchecked")
        List<HomePage.InboxRow> rows = (List<HomePage.InboxRow>) home.getModelAndView().getModel().get("tasks");
        assertThat(rows).filteredOn(r -> r.caseId().equals(returned)).extracting(HomePage.InboxRow::returned).containsExactly(true);
        assertThat(rows).filteredOn(r -> r.caseId().equals(firstRound)).extracting(HomePage.InboxRow::returned).containsExactly(false);
        String html = home.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(rowOf(html, office.caseView(returned).get("caseNumber").asText())).contains("class=\"tag\">退回</span>");
        assertThat(rowOf(html, office.caseView(firstRound).get("caseNumber").asText())).doesNotContain("退回");

        String english = mvc.perform(get("/").with(as("jx.edu")).header("Accept-Language", "en"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(rowOf(english, office.caseView(returned).get("caseNumber").asText())).contains(">Returned</span>");
    }

    /** The table row of the inbox that holds this case number. */
    private static String rowOf(String html, String caseNumber) {
        for (String row : html.split("<tr")) {
            if (row.contains(caseNumber)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + caseNumber);
    }

    /** A case of JX-EDU whose first report the office rejected with this comment: its respond task is open again. */
    private String returnedCase(Api office, String comment) {
        String caseId = office.openCase("A33-10", "JX-EDU").get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "更正错别字"));
        office.as("jx.edu").complete(caseId, "respond", ResponseValues.of("A33-10"));
        office.complete(caseId, "verify", Map.of("accepted", false, "comment", comment));
        return caseId;
    }

    private String respondPage(Api office, String caseId, String language) throws Exception {
        return mvc.perform(get("/tasks/" + office.as("jx.edu").taskOf(caseId, "respond")).with(as("jx.edu"))
                        .header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
