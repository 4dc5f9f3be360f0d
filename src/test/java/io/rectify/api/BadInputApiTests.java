package io.rectify.api;

import static io.rectify.api.AccessRulesApiTests.openBody;
import static io.rectify.api.AccessRulesApiTests.sanction;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/** Every invalid request is a 4xx problem detail a person can act on; validation names the field. */
class BadInputApiTests extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;

    Api office;

    @BeforeEach
    void signIn() {
        office = new Api(rest, "jx.office");
    }

    // --- opening a case --------------------------------------------------------------------------

    @Test
    void aCaseNeedsATitle() {
        Map<String, Object> missing = openBody("A33-10", "JX-EDU");
        missing.remove("title");
        office.post("/api/cases", missing).isInvalid("title");
        office.post("/api/cases", with(openBody("A33-10", "JX-EDU"), "title", "   ")).isInvalid("title");
    }

    @Test
    void anUnknownCategoryIsNamed() {
        office.post("/api/cases", openBody("A99-99", "JX-EDU")).isInvalid("categoryCode");
    }

    @Test
    void anUnknownRespondentIsNamed() {
        office.post("/api/cases", openBody("A33-10", "XX-NOBODY")).isInvalid("respondentOrgCode");
    }

    @Test
    void theSourceMustBeOneOfTheFour() {
        office.post("/api/cases", with(openBody("A33-10", "JX-EDU"), "source", "RUMOUR")).isInvalid("source");
        Map<String, Object> missing = openBody("A33-10", "JX-EDU");
        missing.remove("source");
        office.post("/api/cases", missing).isInvalid("source");
    }

    @Test
    void aSeriousCaseNeedsAReason() {
        office.post("/api/cases", with(openBody("A33-10", "JX-EDU"), "serious", true)).isInvalid("seriousReason");
        Map<String, Object> blank = with(openBody("A33-10", "JX-EDU"), "serious", true);
        blank.put("seriousReason", "  ");
        office.post("/api/cases", blank).isInvalid("seriousReason");
    }

    @ParameterizedTest
    @ValueSource(strings = {"www.jxedu.gov.cn", "javascript:alert(1)", "ftp://www.jxedu.gov.cn", "https://exa mple.cn"})
    void aBadWebsiteAddressIsNamed(String url) {
        office.post("/api/cases", with(openBody("A33-10", "JX-EDU"), "websiteUrl", url)).isInvalid("websiteUrl");
    }

    @Test
    void malformedJsonIs400NotAServerError() {
        office.postRaw("/api/cases", "{\"categoryCode\": \"A33-10\", \"title\": ").isProblem(400);
        office.postRaw("/api/cases", "not json at all").isProblem(400);
        office.postRaw("/api/cases", "").isProblem(400);
        office.postRaw("/api/cases", "{\"categoryCode\": \"A33-10\", \"serious\": {\"no\": 1}}").isProblem(400);
        String task = Api.openTask(office.openCase("A33-10", "JX-EDU"), "issueOrder");
        office.postRaw("/api/tasks/" + task + "/complete", "{\"requirements\": ").isProblem(400);
        office.postRaw("/api/tasks/" + task + "/complete", "[1, 2]").isProblem(400);
    }

    // --- task forms --------------------------------------------------------------------------------

    @Test
    void anOrderNeedsRequirements() {
        String caseId = office.openCase("A33-10", "JX-EDU").get("id").asText();
        String task = office.taskOf(caseId, "issueOrder");
        office.post("/api/tasks/" + task + "/complete", Map.of()).isInvalid("requirements");
        office.post("/api/tasks/" + task + "/complete", Map.of("requirements", " ")).isInvalid("requirements");
        office.post("/api/tasks/" + task + "/complete", null).isInvalid("requirements");
        assertThat(office.caseView(caseId).get("status").asText()).isEqualTo("DETECTED");
    }

    @Test
    void theOrderPeriodIsOneToSixtyWorkingDays() {
        String caseId = office.openCase("A33-10", "JX-EDU").get("id").asText();
        String task = office.taskOf(caseId, "issueOrder");
        for (Object period : List.of(0, 61, "abc", 2.5, -1)) {
            office.post("/api/tasks/" + task + "/complete", Map.of("requirements", "限期整改", "periodWorkingDays", period))
                    .isInvalid("periodWorkingDays");
        }
        assertThat(office.caseView(caseId).get("status").asText()).isEqualTo("DETECTED");
        JsonNode ordered = office.complete(caseId, "issueOrder", Map.of("requirements", "限期整改", "periodWorkingDays", 60));
        assertThat(ordered.get("status").asText()).isEqualTo("ORDERED");
    }

    @Test
    void aResponseNeedsAReport() {
        String caseId = ordered("A33-10", "JX-EDU");
        Api edu = office.as("jx.edu");
        String task = edu.taskOf(caseId, "respond");
        edu.post("/api/tasks/" + task + "/complete", Map.of()).isInvalid("report");
        edu.post("/api/tasks/" + task + "/complete", Map.of("report", "")).isInvalid("report");
    }

    @Test
    void aResponseMustCarryTheEvidenceItsCategoryRequires() {
        String caseId = ordered("A33-02", "JX-EDU");
        Api edu = office.as("jx.edu");
        String task = edu.taskOf(caseId, "respond");
        edu.post("/api/tasks/" + task + "/complete", Map.of("report", "已备案")).isInvalid("filingNumber");
        edu.post("/api/tasks/" + task + "/complete", Map.of("report", "已备案", "filingNumber", "12345"))
                .isInvalid("filingNumber");
        assertThat(office.caseView(caseId).get("status").asText()).isEqualTo("ORDERED");
    }

    @Test
    void aRejectionNeedsAComment() {
        String caseId = ordered("A33-10", "JX-HEALTH");
        office.as("jx.health").complete(caseId, "respond", ResponseValues.of("A33-10"));
        String task = office.taskOf(caseId, "verify");
        office.post("/api/tasks/" + task + "/complete", Map.of("accepted", false)).isInvalid("comment");
        office.post("/api/tasks/" + task + "/complete", Map.of("accepted", false, "comment", " ")).isInvalid("comment");
        office.post("/api/tasks/" + task + "/complete", Map.of()).isInvalid("accepted");
        office.post("/api/tasks/" + task + "/complete", Map.of("accepted", "perhaps")).isInvalid("accepted");
        office.post("/api/tasks/" + task + "/complete", Map.of("accepted", true, "serious", true)).isInvalid("seriousReason");
        JsonNode view = office.caseView(caseId);
        assertThat(view.get("status").asText()).isEqualTo("RESPONDED");
        assertThat(view.get("rejectionCount").asInt()).isZero();
    }

    @Test
    void aReviewDecisionIsSanctionOrNoSanction() {
        String caseId = office.openCase("A33-07", "JX-EDU").get("id").asText();
        Api supervision = office.as("jx.supervision");
        String task = supervision.taskOf(caseId, "reviewEscalation");
        supervision.post("/api/tasks/" + task + "/complete", Map.of("decision", "MAYBE", "findings", "待定"))
                .isInvalid("decision");
        supervision.post("/api/tasks/" + task + "/complete", Map.of("decision", "SANCTION")).isInvalid("findings");
    }

    @Test
    void sanctionsNeedAtLeastOneValidLine() {
        String caseId = office.openCase("A33-07", "JX-HEALTH").get("id").asText();
        Api supervision = office.as("jx.supervision");
        supervision.complete(caseId, "reviewEscalation", Map.of("decision", "SANCTION", "findings", "情节严重"));
        String task = supervision.taskOf(caseId, "recordSanctions");

        supervision.post("/api/tasks/" + task + "/complete", Map.of("sanctions", List.of())).isInvalid("sanctions");
        supervision.post("/api/tasks/" + task + "/complete", Map.of()).isInvalid("sanctions");
        supervision.post("/api/tasks/" + task + "/complete",
                Map.of("sanctions", List.of(with(sanction("王某", "JX-HEALTH"), "type", "EXECUTION"))))
                .isInvalid("sanctions[0].type");
        supervision.post("/api/tasks/" + task + "/complete",
                Map.of("sanctions", List.of(with(sanction("王某", "JX-HEALTH"), "decisionDate", "2026-13-45"))))
                .isInvalid("sanctions[0].decisionDate");
        supervision.post("/api/tasks/" + task + "/complete",
                Map.of("sanctions", List.of(with(sanction("王某", "JX-HEALTH"), "orgCode", "NOWHERE"))))
                .isInvalid("sanctions[0].orgCode");
        supervision.post("/api/tasks/" + task + "/complete", Map.of("sanctions", "王某")).isInvalid("sanctions");
        supervision.post("/api/tasks/" + task + "/complete", Map.of("sanctions", List.of(with(sanction("王某", "JX-HEALTH"),
                "decisionDate", java.time.LocalDate.now(AccessRulesApiTests.SHANGHAI).plusDays(2).toString()))))
                .isInvalid("sanctions[0].decisionDate");
        assertThat(supervision.caseView(caseId).get("sanctions")).isEmpty();
    }

    @Test
    void aFieldTheFormDoesNotDefineIsRefused() {
        String caseId = office.openCase("A33-10", "JX-EDU").get("id").asText();
        String task = office.taskOf(caseId, "issueOrder");
        office.post("/api/tasks/" + task + "/complete", Map.of("requirements", "限期整改", "approvedBy", "me"))
                .isInvalid("approvedBy");
        assertThat(office.caseView(caseId).get("status").asText()).isEqualTo("DETECTED");
    }

    // --- unknown things, conflicts -----------------------------------------------------------------

    @Test
    void anUnknownCaseIs404() {
        office.get("/api/cases/no-such-case").isProblem(404);
        office.get("/api/cases/00000000-0000-0000-0000-000000000000").isProblem(404);
        office.post("/api/cases/no-such-case/extension-request", Map.of("reason", "x", "days", 3)).isProblem(404);
    }

    @Test
    void anUnknownTaskIs404() {
        office.get("/api/tasks/no-such-task").isProblem(404);
        office.post("/api/tasks/no-such-task/complete", Map.of("requirements", "x")).isProblem(404);
    }

    @Test
    void aTaskCompletedTwiceIsAConflict() {
        String caseId = office.openCase("A33-10", "JX-EDU").get("id").asText();
        String task = office.taskOf(caseId, "issueOrder");
        assertThat(office.post("/api/tasks/" + task + "/complete", Map.of("requirements", "限期整改")).status())
                .isEqualTo(200);
        office.post("/api/tasks/" + task + "/complete", Map.of("requirements", "再来一次")).isProblem(409);
    }

    @Test
    void anExtensionIsAskedForOnlyOnce() {
        String caseId = ordered("A33-10", "JX-EDU");
        Api edu = office.as("jx.edu");
        Api.Response first = edu.post("/api/cases/" + caseId + "/extension-request", Map.of("reason", "系统改版", "days", 5));
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        edu.post("/api/cases/" + caseId + "/extension-request", Map.of("reason", "还要更久", "days", 5)).isProblem(409);
    }

    @Test
    void onlyTheRespondentAsksForAnExtension() {
        String caseId = ordered("A33-10", "JX-EDU");
        office.post("/api/cases/" + caseId + "/extension-request", Map.of("reason", "代为申请", "days", 5)).isProblem(403);
        office.as("jx.supervision").post("/api/cases/" + caseId + "/extension-request",
                Map.of("reason", "代为申请", "days", 5)).isProblem(404);
        office.as("jx.edu").post("/api/cases/" + caseId + "/extension-request", Map.of("reason", "", "days", 50))
                .isInvalid("reason").isInvalid("days");
    }

    // --- the case list and the clock -----------------------------------------------------------------

    @Test
    void thePageSizeIsOneToAHundred() {
        office.get("/api/cases?size=0").isInvalid("size");
        office.get("/api/cases?size=1000").isInvalid("size");
        office.get("/api/cases?size=ten").isInvalid("size");
        office.get("/api/cases?page=-1").isInvalid("page");
        assertThat(office.get("/api/cases?size=100").status()).isEqualTo(200);
    }

    @Test
    void pageNumbersGoAsFarAsTenThousandCasesAndTheCursorFurther() {
        assertThat(office.get("/api/cases?size=100&page=100").status()).isEqualTo(200);
        office.get("/api/cases?size=100&page=101").isInvalid("page");
        office.get("/api/cases?size=1&page=2147483647").isInvalid("page");
    }

    @Test
    void anUnknownStatusFilterIsNamed() {
        office.get("/api/cases?status=BOGUS").isInvalid("status");
        office.get("/api/cases?escalated=perhaps").isInvalid("escalated");
    }

    @Test
    void theClockNeedsADateTimeWithOffset() {
        Api admin = office.as("admin");
        admin.post("/api/admin/clock", Map.of("now", "next tuesday")).isProblem(400);
        admin.post("/api/admin/clock", Map.of("now", "2026-02-30T10:00:00+08:00")).isProblem(400);
        admin.post("/api/admin/clock", Map.of()).isInvalid("now");
        admin.postRaw("/api/admin/clock", "{\"now\": ").isProblem(400);
    }

    // --- helpers -------------------------------------------------------------------------------------

    /** A case with its order issued, waiting for the respondent. */
    private String ordered(String category, String respondent) {
        String caseId = office.openCase(category, respondent).get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "限期整改"));
        return caseId;
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(key, value);
        return copy;
    }
}
