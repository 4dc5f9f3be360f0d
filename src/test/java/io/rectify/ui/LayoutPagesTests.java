package io.rectify.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.rectify.PageTest;
import io.rectify.api.Api;
import io.rectify.api.FreshBodies;
import io.rectify.api.ResponseValues;
import io.rectify.casefile.CaseOutcome;
import io.rectify.casefile.CaseSource;
import io.rectify.casefile.CaseStatus;
import io.rectify.casefile.ReviewStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The layout that holds: the case page's step bar and its diagram page, no codes or English on
 * Chinese pages, plurals in English, whose session it is in the header, the favicon, and error
 * summaries that name their fields.
 */
class LayoutPagesTests extends PageTest {

    private static final Pattern CURRENT_STEP = Pattern.compile("<li[^>]*aria-current=\"step\"[^>]*>");
    private static final Pattern DATA_STEP = Pattern.compile("data-step=\"([a-z]+)\"");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    MessageSource messages;

    Api office;
    Api department;
    String body;

    @BeforeEach
    void bodies() {
        body = new FreshBodies(jdbc, passwords).department("JX");
        office = api("jx.office");
        department = api(body.toLowerCase(Locale.ROOT));
    }

    // ---- the step bar ---------------------------------------------------------------------------

    @Test
    void theStepBarMarksTheStepTheCaseWaitsForInEachStatus() throws Exception {
        String caseId = office.openCase("A33-04", body).get("id").asText();
        assertThat(currentSteps(page(caseId, "jx.office"))).as("opened: the order waits").containsExactly("ordered");

        office.complete(caseId, "issueOrder", Map.of("requirements", "限期更新栏目", "periodWorkingDays", 10));
        assertThat(currentSteps(page(caseId, "jx.office"))).as("ordered: the report waits").containsExactly("rectifying");

        department.complete(caseId, "respond", ResponseValues.of("A33-04"));
        String responded = page(caseId, "jx.office");
        assertThat(currentSteps(responded)).as("reported: verification waits").containsExactly("verifying");
        assertThat(responded).as("no review beside a case never escalated").doesNotContain("data-step=\"review\"");

        office.complete(caseId, "verify", Map.of("accepted", true));
        String closed = page(caseId, "jx.office");
        assertThat(currentSteps(closed)).containsExactly("closed");
        assertThat(closed).contains("<li class=\"done\"").doesNotContain("class=\"todo\"");
    }

    @Test
    void anEscalatedCaseShowsTheSupervisionReviewBesideItsSteps() throws Exception {
        // A33-07 goes to supervision as it is opened; its review is pending
        String caseId = office.openCase("A33-07", body).get("id").asText();
        String html = page(caseId, "jx.office");
        assertThat(currentSteps(html)).containsExactly("ordered", "review");
        assertThat(html).contains("监察审查", "与整改同时进行");
    }

    @Test
    void theDiagramIsOneClickAwayOnAPageOfItsOwnWithLabelsInThePagesLanguage() throws Exception {
        String caseId = office.openCase("A33-04", body).get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "限期更新栏目", "periodWorkingDays", 10));
        assertThat(page(caseId, "jx.office")).contains("href=\"/cases/" + caseId + "/diagram\"");

        String diagram = mvc.perform(get("/cases/" + caseId + "/diagram").with(as("jx.office")))
                .andReturn().getResponse().getContentAsString();
        assertThat(diagram).contains("src=\"/cases/" + caseId + "/diagram.svg\"", "当前步骤：提交整改报告");
        assertThat(HtmlChecker.errors(diagram)).isEmpty();
        assertThat(mvc.perform(get("/cases/" + caseId + "/diagram").with(as("jx.health"))).andReturn().getResponse()
                .getStatus()).as("another body's case").isEqualTo(404);

        String english = mvc.perform(get("/cases/" + caseId + "/diagram.svg").param("lang", "en").with(as("jx.office")))
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Submit the rectification report").doesNotContain("提交整改报告");
        assertThat(english).as("a gateway's branches too").contains(">Yes<", ">No<").doesNotContain(">是<", ">否<", "不合格");
        String chinese = mvc.perform(get("/cases/" + caseId + "/diagram.svg").param("lang", "zh-CN").with(as("jx.office")))
                .andReturn().getResponse().getContentAsString();
        assertThat(chinese).contains("提交整改报告").doesNotContain("Submit the rectification report");
    }

    // ---- no codes, no English on Chinese pages --------------------------------------------------

    @Test
    void chineseCasePagesAndTheListShowNoEnumNamesOrEnglishInAnyStatus() throws Exception {
        String detected = office.openCase("A33-04", body).get("id").asText();
        String ordered = office.openCase("A33-04", body).get("id").asText();
        office.complete(ordered, "issueOrder", Map.of("requirements", "限期更新栏目", "periodWorkingDays", 10));
        String responded = office.openCase("A33-04", body).get("id").asText();
        office.complete(responded, "issueOrder", Map.of("requirements", "限期更新栏目", "periodWorkingDays", 1));
        department.complete(responded, "respond", ResponseValues.of("A33-04"));
        String closed = office.openCase("A33-04", body).get("id").asText();
        office.complete(closed, "issueOrder", Map.of("requirements", "限期更新栏目", "periodWorkingDays", 10));
        department.complete(closed, "respond", ResponseValues.of("A33-04"));
        office.complete(closed, "verify", Map.of("accepted", true));
        String escalated = office.openCase("A33-07", body).get("id").asText();

        List<String> codes = codes();
        for (String caseId : List.of(detected, ordered, responded, closed, escalated)) {
            String number = office.get("/api/cases/" + caseId).body().get("caseNumber").asText();
            for (String html : List.of(page(caseId, "jx.office"), page(caseId, body.toLowerCase(Locale.ROOT)),
                    html("/cases?q=" + number, "jx.office"))) {
                String text = visibleText(html);
                for (String code : codes) {
                    assertThat(text).as("the code %s on the page of case %s", code, number)
                            .doesNotContainPattern("\\b" + code + "\\b");
                }
                assertThat(text).as("English on the Chinese page of case " + number)
                        .doesNotContainIgnoringCase("working day").doesNotContain("deadline");
                assertThat(text).as("a raw checksum in the main view").doesNotContainPattern("\\b[0-9a-f]{64}\\b");
            }
        }
    }

    // ---- English plurals ------------------------------------------------------------------------

    @Test
    void englishCountsAgreeWithTheirNumber() {
        assertThat(en("countdown.left", 1)).isEqualTo("1 working day left");
        assertThat(en("countdown.left", 2)).isEqualTo("2 working days left");
        assertThat(en("countdown.overdue", 1)).isEqualTo("Overdue by 1 working day");
        assertThat(en("countdown.overdue", 3)).isEqualTo("Overdue by 3 working days");
        assertThat(en("newCase.defaultPeriod", "33(7)", 1)).isEqualTo("Article 33(7), default period 1 working day");
        assertThat(en("newCase.defaultPeriod", "33(3)", 5)).isEqualTo("Article 33(3), default period 5 working days");
        assertThat(en("case.attachment.bytes", 1)).isEqualTo("1 byte");
        assertThat(en("timeline.detail.order", 1, "2026-10-09")).isEqualTo("1 working day, deadline 2026-10-09");
        assertThat(en("timeline.detail.order", 10, "2026-10-09")).isEqualTo("10 working days, deadline 2026-10-09");
        assertThat(messages.getMessage("countdown.left", new Object[] {1}, Locale.SIMPLIFIED_CHINESE)).isEqualTo("剩 1 个工作日");
    }

    @Test
    void theEnglishCasePageCountsItsTimelineEntriesInTheRightNumber() throws Exception {
        String caseId = office.openCase("A33-04", body).get("id").asText();
        String html = mvc.perform(get("/cases/" + caseId).param("lang", "en").with(as("jx.office")))
                .andReturn().getResponse().getContentAsString();
        assertThat(html).containsPattern("Full record \\(\\d+ entries, newest first\\)");
    }

    // ---- the header, the favicon, error summaries -----------------------------------------------

    @Test
    void theHeaderShowsThePersonsNameAndBodyInThePagesLanguage() throws Exception {
        Map<String, Object> who = jdbc.queryForMap("select u.display_name, o.name_zh, o.name_en from app_user u"
                + " join organization o on o.code = u.org_code where u.username = 'jx.office'");
        String chinese = header(html("/", "jx.office"));
        assertThat(chinese).contains((String) who.get("display_name"), (String) who.get("name_zh"));
        String english = header(mvc.perform(get("/").param("lang", "en").with(as("jx.office")))
                .andReturn().getResponse().getContentAsString());
        assertThat(english).contains((String) who.get("display_name"), (String) who.get("name_en"))
                .doesNotContain((String) who.get("name_zh"));
    }

    @Test
    void theFaviconIsThereForEveryoneAndLinkedFromEveryPage() throws Exception {
        MockHttpServletResponse ico = mvc.perform(get("/favicon.ico")).andReturn().getResponse();
        assertThat(ico.getStatus()).isEqualTo(200);
        assertThat(ico.getContentAsByteArray()).hasSizeGreaterThan(22).startsWith(0, 0, 1, 0);
        MockHttpServletResponse svg = mvc.perform(get("/favicon.svg")).andReturn().getResponse();
        assertThat(svg.getStatus()).isEqualTo(200);
        assertThat(svg.getContentAsString()).contains("<svg");
        String login = mvc.perform(get("/login")).andReturn().getResponse().getContentAsString();
        assertThat(login).contains("rel=\"icon\" href=\"/favicon.ico\"", "rel=\"icon\" href=\"/favicon.svg\"");
    }

    @Test
    void errorSummariesNameTheFieldOfEachError() throws Exception {
        String newCase = mvc.perform(multipart("/cases").with(as("jx.office")).with(csrf())
                        .param("categoryCode", "A33-04").param("respondentOrgCode", body)
                        .param("title", "").param("description", "栏目未更新").param("source", "INSPECTION"))
                .andReturn().getResponse().getContentAsString();
        assertThat(summaryItems(newCase)).isNotEmpty().allSatisfy(item -> assertThat(item).containsPattern("^[^：]+：.+"))
                .anySatisfy(item -> assertThat(item).startsWith("标题："));

        String bodies = mvc.perform(post("/admin/bodies").with(as("admin")).with(csrf())
                        .param("code", "").param("nameZh", "").param("nameEn", "").param("kind", "").param("regionCode", ""))
                .andReturn().getResponse().getContentAsString();
        assertThat(summaryItems(bodies)).isNotEmpty().allSatisfy(item -> assertThat(item).containsPattern("^[^：]+：.+"))
                .anySatisfy(item -> assertThat(item).startsWith("代码："));
    }

    // ---- helpers --------------------------------------------------------------------------------

    private String page(String caseId, String user) throws Exception {
        return html("/cases/" + caseId, user);
    }

    private String html(String path, String user) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(path).with(as(user))).andReturn().getResponse();
        assertThat(response.getStatus()).as(path).isEqualTo(200);
        return response.getContentAsString();
    }

    /** The steps marked current, in page order: the step bar's, then the review's beside it. */
    private static List<String> currentSteps(String html) {
        List<String> steps = new ArrayList<>();
        Matcher li = CURRENT_STEP.matcher(html);
        while (li.find()) {
            Matcher step = DATA_STEP.matcher(li.group());
            assertThat(step.find()).as(li.group()).isTrue();
            steps.add(step.group(1));
        }
        return steps;
    }

    /** Every enum constant and event code a page could leak in place of words. */
    private List<String> codes() {
        List<String> codes = new ArrayList<>();
        Stream.of(CaseStatus.values(), CaseOutcome.values(), ReviewStatus.values(), CaseSource.values())
                .flatMap(Stream::of).map(Enum::name).forEach(codes::add);
        codes.addAll(List.of("CATEGORY", "OVERDUE", "REJECTED_TWICE", "REPEAT", "FLAGGED", "SANCTION", "NO_SANCTION"));
        codes.addAll(jdbc.queryForList("select distinct action from audit_entry", String.class));
        return codes;
    }

    /** What a reader sees: the text without tags, attributes or comments. */
    private static String visibleText(String html) {
        return html.replaceAll("(?s)<!--.*?-->", " ").replaceAll("(?s)<[^>]*>", " ");
    }

    private static String header(String html) {
        return html.substring(html.indexOf("<header"), html.indexOf("</header>"));
    }

    private static List<String> summaryItems(String html) {
        String summary = html.substring(html.indexOf("class=\"error-summary\""));
        summary = summary.substring(0, summary.indexOf("</ul>"));
        List<String> items = new ArrayList<>();
        Matcher a = Pattern.compile("(?s)<a[^>]*>(.*?)</a>").matcher(summary);
        while (a.find()) {
            items.add(a.group(1).trim());
        }
        return items;
    }

    private String en(String key, Object... args) {
        return messages.getMessage(key, args, Locale.ENGLISH);
    }
}
