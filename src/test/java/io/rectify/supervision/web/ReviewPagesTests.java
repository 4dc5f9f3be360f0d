package io.rectify.supervision.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.rectify.PageTest;
import io.rectify.api.Api;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** The review queue: a supervision body sees the escalated cases of its region, pending first; nobody else. */
class ReviewPagesTests extends PageTest {

    @Test
    void aSupervisionBodySeesItsRegionsEscalatedCasesWithTheTaskToActOn() throws Exception {
        String gzCase = seriousCase("gz.office", "GZ-EDU");

        MvcResult jx = mvc.perform(get("/reviews").with(as("jx.supervision")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(view().name(ReviewPages.VIEW_QUEUE)).andReturn();
        MvcResult nc = mvc.perform(get("/reviews").with(as("nc.supervision")))
                .andExpect(status().isOk()).andReturn();

        ReviewPages.Entry entry = entries(jx, "pending").stream().filter(e -> e.caseId().equals(gzCase)).findFirst()
                .orElseThrow(() -> new AssertionError("the province's commission does not see " + gzCase));
        assertThat(entry.escalationReason()).isEqualTo("FLAGGED");
        assertThat(entry.seriousReason()).isEqualTo("屡次投诉");
        assertThat(entry.tasks()).singleElement().satisfies(t -> assertThat(t.taskKey()).isEqualTo("reviewEscalation"));
        String html = jx.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("href=\"/cases/" + gzCase + "\"").contains("href=\"/tasks/" + entry.tasks().get(0).id() + "\"")
                .contains("督办机关认定情节严重");
        // Nanchang's commission does not see a Ganzhou case at all
        assertThat(entries(nc, "pending")).extracting(ReviewPages.Entry::caseId).doesNotContain(gzCase);
        assertThat(entries(nc, "decided")).extracting(ReviewPages.Entry::caseId).doesNotContain(gzCase);
        assertThat(nc.getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain(gzCase);
    }

    @Test
    void aDecidedReviewMovesBelowThePendingOnes() throws Exception {
        String decided = seriousCase("nc.office", "NC-EDU");
        String pending = seriousCase("nc.office", "NC-EDU");
        api("nc.supervision").complete(decided, "reviewEscalation", Map.of("decision", "NO_SANCTION", "findings", "已整改，不予处分"));

        MvcResult result = mvc.perform(get("/reviews").with(as("nc.supervision"))).andExpect(status().isOk()).andReturn();

        assertThat(entries(result, "pending")).extracting(ReviewPages.Entry::caseId).contains(pending).doesNotContain(decided);
        assertThat(entries(result, "decided")).extracting(ReviewPages.Entry::caseId).contains(decided);
        assertThat(entries(result, "decided")).filteredOn(e -> e.caseId().equals(decided))
                .singleElement().satisfies(e -> assertThat(e.tasks()).isEmpty());
        String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html.indexOf(pending)).isLessThan(html.indexOf(decided));
    }

    @Test
    void whatTheReviewFoundIsReadOnlyByWhoMayReadTheSanctions() throws Exception {
        String caseId = seriousCase("nc.office", "NC-EDU");
        String findings = "查实网站负责人失职" + System.nanoTime() % 100000;
        api("nc.supervision").complete(caseId, "reviewEscalation", Map.of("decision", "SANCTION", "findings", findings));
        api("nc.supervision").get("/api/cases/" + caseId); // a read of the (still empty) sanctions

        String supervision = casePage(caseId, "nc.supervision");
        assertThat(supervision).contains(findings, "给予处分");
        for (String other : List.of("nc.office", "nc.edu", "jx.office")) {
            String page = casePage(caseId, other);
            assertThat(page).as(other).contains("监察机关已作出审查结论")
                    .doesNotContain(findings, "给予处分", "查阅处分记录", "记录处分");
        }
    }

    private String casePage(String caseId, String user) throws Exception {
        return mvc.perform(get("/cases/" + caseId).with(as(user)).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void everyoneButSupervisionGetsA403Page() throws Exception {
        for (String user : List.of("jx.edu", "jx.office", "admin", "security", "auditor")) {
            mvc.perform(get("/reviews").with(as(user)))
                    .andExpect(status().isForbidden()).andExpect(view().name("error"));
        }
        mvc.perform(get("/reviews")).andExpect(status().is3xxRedirection());
    }

    private String seriousCase(String office, String respondent) {
        Api.Response opened = api(office).post("/api/cases", Map.of("categoryCode", "A33-05", "respondentOrgCode", respondent,
                "title", "关闭留言", "description", "政民互动被关闭", "source", "COMPLAINT",
                "serious", true, "seriousReason", "屡次投诉"));
        assertThat(opened.status()).as(opened.text()).isEqualTo(201);
        return opened.body().get("id").asText();
    }

    @SuppressWarnings("unchecked")
    private static List<ReviewPages.Entry> entries(MvcResult result, String name) {
        return (List<ReviewPages.Entry>) result.getModelAndView().getModel().get(name);
    }
}
