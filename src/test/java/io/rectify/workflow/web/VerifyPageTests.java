package io.rectify.workflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.PageTest;
import io.rectify.api.Api;
import io.rectify.api.ResponseValues;
import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.casefile.CaseService;
import io.rectify.casefile.ContentTypesTest;
import io.rectify.category.Categories;
import io.rectify.directory.Directory;
import io.rectify.form.web.FormView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The verify page decides with the material in view: this round's report as answered, its web
 * addresses as safe links, its evidence, the earlier rounds folded newest first, and the new period
 * a rejection would give, prefilled with the category's default and its date. After every task done
 * on a page the flash says who now has the case, by when, and who was told.
 */
class VerifyPageTests extends PageTest {

    @Autowired
    CaseService cases;

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    Categories categories;

    @Autowired
    Directory directory;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theVerifyPageShowsThisRoundsReportWithSafeLinksAndItsEvidence() throws Exception {
        Api office = api("jx.office");
        String caseId = office.openCase("A33-03", "JX-EDU").get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "公开 2026 年部门预算"));
        respondOnThePage(caseId, "已公开，见 https://www.jx.gov.cn/yusuan.html。另有 javascript:alert(1) 与 <script>alert(1)</script>",
                "https://www.example.gov.cn/xxgk/2026/1.html", "预算公开截图.pdf");
        String attachmentId = office.get("/api/cases/" + caseId + "/attachments").body().get(0).get("id").asText();

        String page = verifyPage(office, caseId, "zh-CN");
        assertThat(page).contains("整改报告（第 1 轮）", "公开 2026 年部门预算",
                "<a href=\"https://www.jx.gov.cn/yusuan.html\" rel=\"noopener noreferrer\">https://www.jx.gov.cn/yusuan.html</a>。",
                "<a href=\"https://www.example.gov.cn/xxgk/2026/1.html\" rel=\"noopener noreferrer\">",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
                "<a href=\"/api/cases/" + caseId + "/attachments/" + attachmentId + "\">预算公开截图.pdf</a>",
                directory.findOrganization("JX-EDU").orElseThrow().nameZh(), office.caseView(caseId).get("deadline").asText());
        assertThat(page).doesNotContain("href=\"javascript:", "<script>alert");
        // the link is the download that exists
        byte[] downloaded = mvc.perform(get("/api/cases/" + caseId + "/attachments/" + attachmentId).with(as("jx.office")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(downloaded).isEqualTo(ContentTypesTest.PDF);
        assertThat(verifyPage(office, caseId, "en")).contains("Rectification report (round 1)", "Evidence");
    }

    @Test
    void earlierRoundsAreFoldedNewestFirstEachWithItsReportEvidenceAndRejection() throws Exception {
        Api office = api("jx.office");
        String caseId = office.openCase("A33-03", "JX-HEALTH").get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "公开预算"));
        Api department = office.as("jx.health");
        respondOnThePage(caseId, "第一次报告", "https://www.example.gov.cn/1.html", "第一轮证据.pdf");
        office.complete(caseId, "verify", Map.of("accepted", false, "comment", "第一轮意见：链接打不开"));
        department.complete(caseId, "respond", Map.of("report", "第二次报告", "publishedUrls", "https://www.example.gov.cn/2.html"));
        office.complete(caseId, "verify", Map.of("accepted", false, "comment", "第二轮意见：内容不全"));
        respondOnThePage(caseId, "第三次报告", "https://www.example.gov.cn/3.html", null);

        String page = verifyPage(office, caseId, "zh-CN");
        assertThat(page).contains("整改报告（第 3 轮）", "第三次报告", "此前各轮（共 2 轮，最近的在前）");
        String current = page.substring(0, page.indexOf("<details"));
        assertThat(current).contains("本轮未上传证明材料。").doesNotContain("第一轮证据.pdf");
        List<String> folded = List.of(page.substring(page.indexOf("<details")).split("<details"));
        assertThat(folded).hasSize(3); // the text before the first, then one per earlier round
        assertThat(folded.get(1)).contains("第 2 轮", "第二次报告", "第二轮意见：内容不全", "本轮未上传证明材料。");
        assertThat(folded.get(2)).contains("第 1 轮", "第一次报告", "第一轮意见：链接打不开", "第一轮证据.pdf",
                "href=\"https://www.example.gov.cn/1.html\"");
    }

    @Test
    void theNewPeriodIsPrefilledWithTheCategoryDefaultAndTheDateItGives() throws Exception {
        Api office = api("jx.office");
        String caseId = respondedCase(office, "JX-EDU");
        int defaultPeriod = categories.defaultPeriodWorkingDays("A33-10");
        LocalDate today = cases.today();
        String page = verifyPage(office, caseId, "zh-CN");
        assertThat(page).contains("id=\"f-periodWorkingDays\"", "value=\"" + defaultPeriod + "\"",
                "该类别的默认期限为 " + defaultPeriod + " 个工作日，自今日起算，至 "
                        + calendar.addWorkingDays(today, defaultPeriod) + "。",
                "<script src=\"/js/rejection-period.js\" defer></script>");
        // the date for every period the office may type, for the script: 7 working days at the 7th place
        assertThat(page).contains("data-deadlines=\"[&quot;" + calendar.addWorkingDays(today, 1) + "&quot;,");
        assertThat(page.substring(page.indexOf("data-deadlines=")).split("&quot;,&quot;")[6])
                .isEqualTo(calendar.addWorkingDays(today, 7).toString());

        mvc.perform(post("/tasks/" + office.taskOf(caseId, "verify")).with(as("jx.office")).with(csrf())
                        .param("accepted", "false").param("comment", "仍有错别字").param("periodWorkingDays", "7"))
                .andExpect(status().isFound());
        assertThat(office.caseView(caseId).get("deadline").asText()).isEqualTo(calendar.addWorkingDays(today, 7).toString());
    }

    @Test
    void aNewPeriodOutsideOneToSixtyWholeDaysComesBackBesideItsField() throws Exception {
        Api office = api("jx.office");
        String caseId = respondedCase(office, "JX-HEALTH");
        String taskId = office.taskOf(caseId, "verify");
        for (String period : List.of("0", "61", "2.5", "七")) {
            MvcResult result = mvc.perform(post("/tasks/" + taskId).with(as("jx.office")).with(csrf())
                            .param("accepted", "false").param("comment", "仍有错别字").param("periodWorkingDays", period))
                    .andExpect(status().isBadRequest())
                    .andExpect(view().name("tasks/task"))
                    .andReturn();
            FormView form = (FormView) result.getModelAndView().getModel().get("form");
            assertThat(form.errors()).as(period).extracting(FormView.ErrorLink::target).containsExactly("f-periodWorkingDays");
            assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8)).as(period)
                    .contains("value=\"" + period + "\"", "仍有错别字");
        }
        assertThat(office.caseView(caseId).get("status").asText()).isEqualTo("RESPONDED");
    }

    @Test
    void afterEachTaskTheFlashSaysWhoHasTheCaseByWhenAndWhoWasTold() throws Exception {
        Api office = api("jx.office");
        String caseId = office.openCase("A33-10", "JX-EDU").get("id").asText();
        String edu = directory.findOrganization("JX-EDU").orElseThrow().nameZh();

        String ordered = flashAfter(post("/tasks/" + office.taskOf(caseId, "issueOrder")).param("requirements", "更正错别字")
                .param("periodWorkingDays", "4"), "jx.office", "zh-CN");
        String deadline = office.caseView(caseId).get("deadline").asText();
        // the order's notice (ORDER_ISSUED) tells the respondent by message, not by its task list only
        assertThat(ordered).isEqualTo("已完成：下达整改通知。下一步：提交整改报告（" + edu + "）。整改期限：" + deadline
                + "。已通知：" + edu + "。");

        Api department = office.as("jx.edu");
        department.complete(caseId, "respond", ResponseValues.of("A33-10"));
        String rejected = flashAfter(post("/tasks/" + office.taskOf(caseId, "verify")).param("accepted", "false")
                .param("comment", "仍有错别字").param("periodWorkingDays", "3"), "jx.office", "en");
        String newDeadline = office.caseView(caseId).get("deadline").asText();
        assertThat(rejected).isEqualTo("Done: Verify the rectification. Next: Submit the rectification report ("
                + directory.findOrganization("JX-EDU").orElseThrow().nameEn() + "). Deadline: " + newDeadline
                + ". Told: " + directory.findOrganization("JX-EDU").orElseThrow().nameEn() + " (in its task list).");

        // a second rejection escalates: the supervision body is told by a message
        department.complete(caseId, "respond", ResponseValues.of("A33-10"));
        String escalated = flashAfter(post("/tasks/" + office.taskOf(caseId, "verify")).param("accepted", "false")
                .param("comment", "依然有错"), "jx.office", "zh-CN");
        List<String> supervision = jdbc.queryForList("select recipients from notification where case_id = ? and kind = 'ESCALATED'",
                String.class, caseId);
        assertThat(supervision).hasSize(1);
        String supervisionName = directory.findOrganization(supervision.get(0).split(",")[0].strip().substring("org:".length()))
                .orElseThrow().nameZh();
        assertThat(escalated).contains("下一步：", "提交整改报告（" + edu + "）", "已通知：" + supervisionName)
                .doesNotContain("已列入其待办任务");

        department.complete(caseId, "respond", ResponseValues.of("A33-10"));
        String accepted = flashAfter(post("/tasks/" + office.taskOf(caseId, "verify")).param("accepted", "true"),
                "jx.office", "zh-CN");
        assertThat(accepted).startsWith("已完成：审核整改情况。").doesNotContain("整改期限");
    }

    @Test
    void aClosingStepSaysTheCaseIsClosed() throws Exception {
        Api office = api("jx.office");
        String caseId = respondedCase(office, "JX-EDU");
        String accepted = flashAfter(post("/tasks/" + office.taskOf(caseId, "verify")).param("accepted", "true"),
                "jx.office", "zh-CN");
        assertThat(office.caseView(caseId).get("status").asText()).isEqualTo("CLOSED");
        // the closing notice (CLOSED) goes to the respondent and the office
        assertThat(accepted).isEqualTo("已完成：审核整改情况。案件已结案。已通知："
                + directory.findOrganization("JX-EDU").orElseThrow().nameZh() + "、"
                + directory.findOrganization("JX-GOV-OFFICE").orElseThrow().nameZh() + "。");
    }

    /** The flash a page task's completion leaves for the case page, as the reader's language gives it. */
    private String flashAfter(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                              String user, String language) throws Exception {
        MvcResult result = mvc.perform(request.with(as(user)).with(csrf()).header("Accept-Language", language))
                .andExpect(status().isFound()).andReturn();
        assertThat(result.getFlashMap().get("flash")).isEqualTo(NextStep.FLASH);
        return (String) result.getFlashMap().get("flashArg");
    }

    private String respondedCase(Api office, String respondent) {
        String caseId = office.openCase("A33-10", respondent).get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "更正错别字"));
        office.as(respondent.toLowerCase().replace('-', '.')).complete(caseId, "respond", ResponseValues.of("A33-10"));
        return caseId;
    }

    /** The department answers on the respond page, with one evidence file when a name is given. */
    private void respondOnThePage(String caseId, String report, String urls, String evidenceName) throws Exception {
        JsonNode view = api("jx.office").caseView(caseId);
        String department = view.get("respondentOrgCode").asText().toLowerCase().replace('-', '.');
        var request = multipart("/tasks/" + Api.openTask(view, "respond"));
        if (evidenceName != null) {
            request.file(new MockMultipartFile("evidence", evidenceName, "application/pdf", ContentTypesTest.PDF));
        }
        mvc.perform(request.param("report", report).param("publishedUrls", urls).with(as(department)).with(csrf()))
                .andExpect(status().isFound());
    }

    private String verifyPage(Api office, String caseId, String language) throws Exception {
        return mvc.perform(get("/tasks/" + office.taskOf(caseId, "verify")).with(as("jx.office"))
                        .header("Accept-Language", language))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
