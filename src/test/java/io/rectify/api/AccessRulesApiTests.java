package io.rectify.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

/** The isolation rules of API.md, role by role: who sees which case, task, sanction and control. */
class AccessRulesApiTests extends IntegrationTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    TestRestTemplate rest;

    Api jxOffice;

    @BeforeEach
    void signIn() {
        jxOffice = new Api(rest, "jx.office");
    }

    // --- cases: who sees what -------------------------------------------------------------

    @Test
    void aCityOfficeSeesOnlyItsCitysCases() {
        String ncCase = jxOffice.as("nc.office").openCase("A33-10", "NC-EDU").get("id").asText();
        String gzCase = jxOffice.as("gz.office").openCase("A33-10", "GZ-EDU").get("id").asText();
        Api nc = jxOffice.as("nc.office");

        assertThat(nc.caseView(ncCase).get("id").asText()).isEqualTo(ncCase);
        nc.get("/api/cases/" + gzCase).isProblem(404);
        assertThat(ids(nc.get("/api/cases?size=100"))).contains(ncCase).doesNotContain(gzCase);
        assertThat(nc.get("/api/cases?respondentOrgCode=GZ-EDU").body().get("total").asLong()).isZero();
        assertThat(respondentsOf(nc.get("/api/cases?size=100"))).allMatch(code -> code.startsWith("NC-"));
        jxOffice.as("gz.office").get("/api/cases/" + ncCase).isProblem(404);
    }

    @Test
    void anOfficeListsTheCasesAgainstItselfAndThoseItOpened() {
        String againstNc = jxOffice.openCase("A34-02", "NC-GOV-OFFICE").get("id").asText();
        Api nc = jxOffice.as("nc.office");
        String openedByNc = nc.openCase("A33-10", "NC-EDU").get("id").asText();

        assertThat(nc.caseView(againstNc).get("respondentOrgCode").asText()).isEqualTo("NC-GOV-OFFICE");
        assertThat(ids(nc.get("/api/cases?size=100"))).contains(againstNc, openedByNc);
        assertThat(ids(nc.get("/api/cases?size=100&categoryCode=A34-02"))).contains(againstNc).doesNotContain(openedByNc);
        assertThat(ids(jxOffice.as("gz.office").get("/api/cases?size=100"))).doesNotContain(againstNc, openedByNc);
    }

    @Test
    void theProvinceOfficeSeesEveryCitysCases() {
        String ncCase = jxOffice.as("nc.office").openCase("A33-10", "NC-EDU").get("id").asText();
        String gzCase = jxOffice.as("gz.office").openCase("A33-10", "GZ-EDU").get("id").asText();

        assertThat(jxOffice.caseView(ncCase).get("respondentOrgCode").asText()).isEqualTo("NC-EDU");
        assertThat(jxOffice.caseView(gzCase).get("respondentOrgCode").asText()).isEqualTo("GZ-EDU");
        assertThat(ids(jxOffice.get("/api/cases?respondentOrgCode=NC-EDU&size=100"))).contains(ncCase);
        assertThat(ids(jxOffice.get("/api/cases?respondentOrgCode=GZ-EDU&size=100"))).contains(gzCase);
    }

    @Test
    void aDepartmentSeesOnlyCasesWhereItIsTheRespondent() {
        String eduCase = jxOffice.openCase("A33-10", "JX-EDU").get("id").asText();
        String healthCase = jxOffice.openCase("A33-10", "JX-HEALTH").get("id").asText();
        Api edu = jxOffice.as("jx.edu");

        assertThat(edu.caseView(eduCase).get("respondentOrgCode").asText()).isEqualTo("JX-EDU");
        edu.get("/api/cases/" + healthCase).isProblem(404);
        Api.Response list = edu.get("/api/cases?size=100");
        assertThat(ids(list)).contains(eduCase).doesNotContain(healthCase);
        assertThat(respondentsOf(list)).containsOnly("JX-EDU");
        assertThat(edu.get("/api/cases?respondentOrgCode=JX-HEALTH").body().get("total").asLong()).isZero();
        jxOffice.as("nc.edu").get("/api/cases/" + eduCase).isProblem(404);
    }

    @Test
    void supervisionSeesACaseOnlyOnceItIsEscalated() {
        JsonNode plain = jxOffice.openCase("A33-10", "JX-EDU");
        assertThat(plain.get("escalated").asBoolean()).as("precondition: not a repeat").isFalse();
        String plainCase = plain.get("id").asText();
        String escalatedCase = jxOffice.openCase("A33-07", "JX-EDU").get("id").asText();
        Api supervision = jxOffice.as("jx.supervision");

        supervision.get("/api/cases/" + plainCase).isProblem(404);
        assertThat(supervision.caseView(escalatedCase).get("escalated").asBoolean()).isTrue();
        Api.Response list = supervision.get("/api/cases?size=100");
        assertThat(ids(list)).contains(escalatedCase).doesNotContain(plainCase);
        list.body().get("items").forEach(c -> assertThat(c.get("escalated").asBoolean()).isTrue());
    }

    @Test
    void supervisionSeesOnlyEscalatedCasesOfItsRegion() {
        String provinceCase = jxOffice.openCase("A33-07", "JX-EDU").get("id").asText();
        String cityCase = jxOffice.as("nc.office").openCase("A33-07", "NC-EDU").get("id").asText();
        Api ncSupervision = jxOffice.as("nc.supervision");
        Api jxSupervision = jxOffice.as("jx.supervision");

        ncSupervision.get("/api/cases/" + provinceCase).isProblem(404);
        assertThat(ids(ncSupervision.get("/api/cases?size=100"))).contains(cityCase).doesNotContain(provinceCase);
        assertThat(ncSupervision.caseView(cityCase).get("escalated").asBoolean()).isTrue();
        assertThat(jxSupervision.caseView(cityCase).get("id").asText()).isEqualTo(cityCase);
        assertThat(jxSupervision.caseView(provinceCase).get("id").asText()).isEqualTo(provinceCase);
        // the province's supervision body lists every region's escalated cases (no region condition at all)
        assertThat(ids(jxSupervision.get("/api/cases?size=100"))).contains(cityCase, provinceCase);
        assertThat(ids(jxSupervision.get("/api/cases?size=100&categoryCode=A33-07"))).contains(cityCase, provinceCase);
    }

    @Test
    void theAdministratorSeesNoCasesAndNoSanctions() {
        String caseId = jxOffice.openCase("A33-07", "JX-HEALTH").get("id").asText();
        Api admin = jxOffice.as("admin");

        Api.Response list = admin.get("/api/cases");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("items")).isEmpty();
        assertThat(list.body().get("total").asLong()).isZero();
        admin.get("/api/cases/" + caseId).isProblem(404);
        admin.get("/api/sanctions").isProblem(403);
    }

    @Test
    void theSanctionsRegistryIsForbiddenToSupervisorsAndResponders() {
        for (String user : List.of("jx.office", "nc.office", "gz.office", "jx.edu", "jx.health", "nc.edu", "gz.edu")) {
            jxOffice.as(user).get("/api/sanctions").isProblem(403);
        }
        assertThat(jxOffice.as("jx.supervision").get("/api/sanctions").status()).isEqualTo(200);
        assertThat(jxOffice.as("nc.supervision").get("/api/sanctions").status()).isEqualTo(200);
    }

    @Test
    void sanctionsAppearInTheCaseViewOnlyForTheSupervisionOfItsRegion() {
        String person = "张" + UUID.randomUUID().toString().substring(0, 8);
        String caseId = caseWithSanction("nc.office", "NC-EDU", "nc.supervision", person);

        JsonNode seenByCitySupervision = jxOffice.as("nc.supervision").caseView(caseId);
        assertThat(seenByCitySupervision.get("sanctions")).hasSize(1);
        assertThat(seenByCitySupervision.get("sanctions").get(0).get("personName").asText()).isEqualTo(person);
        assertThat(jxOffice.as("jx.supervision").caseView(caseId).get("sanctions")).hasSize(1);
        assertThat(jxOffice.as("nc.office").caseView(caseId).get("sanctions")).isEmpty();
        assertThat(jxOffice.caseView(caseId).get("sanctions")).isEmpty();
        assertThat(jxOffice.as("nc.edu").caseView(caseId).get("sanctions")).isEmpty();

        assertThat(personNames(jxOffice.as("nc.supervision").get("/api/sanctions?personName=" + person)))
                .containsExactly(person);
        // no administrator reads the registry, not even masked (SanctionPrivacyApiTests)
        jxOffice.as("admin").get("/api/sanctions?personName=" + person).isProblem(403);
    }

    @Test
    void supervisionReadsInTheRegistryOnlyTheSanctionsOfItsRegion() {
        String person = "李" + UUID.randomUUID().toString().substring(0, 8);
        caseWithSanction("jx.office", "JX-HEALTH", "jx.supervision", person);

        assertThat(personNames(jxOffice.as("jx.supervision").get("/api/sanctions?personName=" + person)))
                .containsExactly(person);
        assertThat(personNames(jxOffice.as("nc.supervision").get("/api/sanctions?personName=" + person))).isEmpty();
    }

    // --- opening cases -------------------------------------------------------------------------

    @Test
    void onlyASupervisorOpensCases() {
        for (String user : List.of("jx.edu", "nc.edu", "jx.supervision", "nc.supervision", "admin")) {
            jxOffice.as(user).post("/api/cases", openBody("A33-10", "JX-EDU")).isProblem(403);
        }
    }

    @Test
    void aSupervisorCannotOpenACaseOutsideItsJurisdiction() {
        Api nc = jxOffice.as("nc.office");
        nc.post("/api/cases", openBody("A33-10", "GZ-EDU")).isInvalid("respondentOrgCode");
        nc.post("/api/cases", openBody("A33-10", "JX-EDU")).isInvalid("respondentOrgCode");
        jxOffice.as("gz.office").post("/api/cases", openBody("A34-02", "NC-GOV-OFFICE")).isInvalid("respondentOrgCode");
    }

    @Test
    void aSupervisorCannotOpenACaseAgainstItsOwnBody() {
        jxOffice.post("/api/cases", openBody("A34-02", "JX-GOV-OFFICE")).isInvalid("respondentOrgCode");
        jxOffice.as("nc.office").post("/api/cases", openBody("A34-02", "NC-GOV-OFFICE")).isInvalid("respondentOrgCode");
    }

    @Test
    void aSupervisionBodyIsNeverTheRespondent() {
        jxOffice.post("/api/cases", openBody("A33-10", "JX-SUPERVISION")).isInvalid("respondentOrgCode");
        jxOffice.post("/api/cases", openBody("A33-10", "NC-SUPERVISION")).isInvalid("respondentOrgCode");
        jxOffice.as("nc.office").post("/api/cases", openBody("A33-10", "NC-SUPERVISION")).isInvalid("respondentOrgCode");
    }

    @Test
    void anArticle34CaseTargetsAnOfficeNotADepartment() {
        jxOffice.post("/api/cases", openBody("A34-01", "JX-EDU")).isInvalid("respondentOrgCode");
        jxOffice.post("/api/cases", openBody("A34-02", "NC-EDU")).isInvalid("respondentOrgCode");
    }

    // --- tasks ---------------------------------------------------------------------------------

    @Test
    void aTaskOfAVisibleCaseThatBelongsToAnotherBodyIsForbidden() {
        JsonNode opened = jxOffice.openCase("A33-10", "JX-EDU");
        String issueOrder = Api.openTask(opened, "issueOrder");
        Api edu = jxOffice.as("jx.edu");

        edu.get("/api/tasks/" + issueOrder).isProblem(403);
        edu.post("/api/tasks/" + issueOrder + "/complete", Map.of("requirements", "自己给自己下通知")).isProblem(403);
        assertThat(jxOffice.caseView(opened.get("id").asText()).get("status").asText()).isEqualTo("DETECTED");

        // the city office sees a case in its city opened by the province, but the order is the province's
        JsonNode ncCase = jxOffice.openCase("A33-10", "NC-EDU");
        jxOffice.as("nc.office").post("/api/tasks/" + Api.openTask(ncCase, "issueOrder") + "/complete",
                Map.of("requirements", "越权下达")).isProblem(403);
    }

    @Test
    void aTaskOfACaseTheCallerCannotSeeIsNotFound() {
        JsonNode opened = jxOffice.openCase("A33-10", "JX-EDU");
        String issueOrder = Api.openTask(opened, "issueOrder");

        for (String user : List.of("gz.edu", "jx.health", "nc.office", "jx.supervision", "admin")) {
            Api stranger = jxOffice.as(user);
            stranger.get("/api/tasks/" + issueOrder).isProblem(404);
            stranger.post("/api/tasks/" + issueOrder + "/complete", Map.of("requirements", "x")).isProblem(404);
        }
        assertThat(jxOffice.caseView(opened.get("id").asText()).get("status").asText()).isEqualTo("DETECTED");
    }

    @Test
    void theInboxShowsOnlyTheCallersBodysTasks() {
        String caseId = jxOffice.openCase("A33-10", "JX-EDU").get("id").asText();
        assertThat(taskKeysOf(jxOffice, caseId)).containsExactly("issueOrder");
        assertThat(taskKeysOf(jxOffice.as("jx.edu"), caseId)).isEmpty();

        jxOffice.complete(caseId, "issueOrder", Map.of("requirements", "限期整改"));

        assertThat(taskKeysOf(jxOffice.as("jx.edu"), caseId)).containsExactly("respond");
        assertThat(taskKeysOf(jxOffice, caseId)).isEmpty();
        for (String user : List.of("jx.health", "nc.office", "nc.edu", "jx.supervision", "admin")) {
            assertThat(taskKeysOf(jxOffice.as(user), caseId)).as(user).isEmpty();
        }
        // everything in a respondent's inbox is its own body's work on its own cases
        for (JsonNode task : jxOffice.as("jx.edu").get("/api/tasks").body()) {
            assertThat(task.get("taskKey").asText()).isEqualTo("respond");
        }
        assertThat(jxOffice.as("admin").get("/api/tasks").body()).isEmpty();
    }

    // --- clock control -----------------------------------------------------------------------------

    @Test
    void clockControlIsForTheAdministratorOnly() {
        Map<String, Object> now = Map.of("now", OffsetDateTime.now(SHANGHAI).toString());
        for (String user : List.of("jx.office", "nc.office", "jx.edu", "jx.supervision")) {
            Api other = jxOffice.as(user);
            other.post("/api/admin/clock", now).isProblem(403);
            other.delete("/api/admin/clock").isProblem(403);
            other.post("/api/admin/jobs/run-due", null).isProblem(403);
        }
    }

    @Test
    void theAdministratorMovesTheClockAndResetsIt() {
        Api admin = jxOffice.as("admin");
        OffsetDateTime past = OffsetDateTime.now(SHANGHAI).minusDays(3).truncatedTo(ChronoUnit.SECONDS);
        try {
            Api.Response set = admin.post("/api/admin/clock", Map.of("now", past.toString()));
            assertThat(set.status()).as(set.text()).isEqualTo(200);
            JsonNode opened = jxOffice.as("gz.office").openCase("A33-10", "GZ-EDU");
            assertThat(OffsetDateTime.parse(opened.get("createdAt").asText()).toLocalDate())
                    .isEqualTo(past.toLocalDate());
            Api.Response run = admin.post("/api/admin/jobs/run-due", null);
            assertThat(run.status()).as(run.text()).isEqualTo(200);
            assertThat(run.body().get("executed").isInt()).isTrue();
        } finally {
            Api.Response reset = admin.delete("/api/admin/clock");
            assertThat(reset.status()).as(reset.text()).isEqualTo(200);
        }
        JsonNode opened = jxOffice.as("gz.office").openCase("A33-10", "GZ-EDU");
        assertThat(OffsetDateTime.parse(opened.get("createdAt").asText()).toLocalDate())
                .isEqualTo(LocalDate.now(SHANGHAI));
    }

    // --- authentication ------------------------------------------------------------------------

    @Test
    void everyApiEndpointAnswers401WithoutCredentials() {
        String caseId = jxOffice.openCase("A33-10", "JX-HEALTH").get("id").asText();
        Api nobody = jxOffice.anonymous();
        Map<HttpMethod, List<String>> endpoints = Map.of(
                HttpMethod.GET, List.of("/api/cases", "/api/cases/" + caseId, "/api/cases/" + caseId + "/attachments",
                        "/api/cases/" + caseId + "/attachments/x", "/api/tasks", "/api/tasks/x", "/api/sanctions",
                        "/api/categories", "/api/openapi", "/api/nothing-here"),
                HttpMethod.POST, List.of("/api/cases", "/api/tasks/x/complete", "/api/cases/" + caseId + "/extension-request",
                        "/api/cases/" + caseId + "/attachments", "/api/admin/clock", "/api/admin/jobs/run-due"),
                HttpMethod.DELETE, List.of("/api/admin/clock"));
        endpoints.forEach((method, paths) -> paths.forEach(path -> {
            nobody.exchange(method, path, method == HttpMethod.GET ? null : Map.of()).isProblem(401);
        }));
    }

    @Test
    void errorsBeforeAnyEndpointIsChosenAreProblemDetailsToo() {
        jxOffice.get("/api/nothing-here").isProblem(404);
        jxOffice.delete("/api/cases").isProblem(405);
        jxOffice.exchange(HttpMethod.PUT, "/api/tasks/x/complete", Map.of()).isProblem(405);
    }

    @Test
    void aWrongPasswordIs401() {
        jxOffice.withPassword("wrong-password").get("/api/cases").isProblem(401);
        jxOffice.as("nobody.at.all").get("/api/cases").isProblem(401);
        jxOffice.withPassword("wrong-password").post("/api/cases", openBody("A33-10", "JX-EDU")).isProblem(401);
        assertThat(jxOffice.withPassword("wrong-password").get("/api/cases").entity().getHeaders()
                .containsKey("WWW-Authenticate")).as("no browser dialog").isFalse();
    }

    @Test
    void basicAuthenticationIsStateless() {
        Api.Response list = jxOffice.get("/api/cases");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.entity().getHeaders().get("Set-Cookie")).as("no session for a Basic caller").isNull();
    }

    @Test
    void healthAnswersUpWithoutCredentials() {
        Api.Response health = jxOffice.anonymous().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().toString()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void theOpenApiDocumentIsForSignedInUsers() {
        Api.Response doc = jxOffice.as("jx.edu").get("/api/openapi");
        assertThat(doc.status()).as(doc.text()).isEqualTo(200);
        assertThat(doc.contentType()).contains("json");
        assertThat(doc.body().has("openapi")).as(doc.text()).isTrue();
        jxOffice.anonymous().get("/api/openapi").isProblem(401);
    }

    // --- helpers -------------------------------------------------------------------------------------

    /** An escalated case (A33-07) whose supervision review decided a sanction of this person. */
    private String caseWithSanction(String officeUser, String respondent, String supervisionUser, String person) {
        String caseId = jxOffice.as(officeUser).openCase("A33-07", respondent).get("id").asText();
        Api supervision = jxOffice.as(supervisionUser);
        supervision.complete(caseId, "reviewEscalation", Map.of("decision", "SANCTION", "findings", "未及时撤下不当信息"));
        supervision.complete(caseId, "recordSanctions", Map.of("sanctions", List.of(sanction(person, respondent))));
        return caseId;
    }

    static Map<String, Object> sanction(String person, String orgCode) {
        Map<String, Object> line = new HashMap<>();
        line.put("personName", person);
        line.put("post", "网站主管");
        line.put("orgCode", orgCode);
        line.put("responsibility", "LEADER");
        line.put("type", "WARNING");
        line.put("decisionNumber", "监决〔2026〕1号");
        // the day the case is opened: a decision cannot be older than its case
        line.put("decisionDate", LocalDate.now(SHANGHAI).toString());
        return line;
    }

    static Map<String, Object> openBody(String category, String respondent) {
        Map<String, Object> body = new HashMap<>();
        body.put("categoryCode", category);
        body.put("respondentOrgCode", respondent);
        body.put("title", "测试案件 " + category);
        body.put("description", "网站存在违规情形");
        body.put("source", "INSPECTION");
        return body;
    }

    private static List<String> ids(Api.Response list) {
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        list.body().get("items").forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

    private static List<String> respondentsOf(Api.Response list) {
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        return list.body().get("items").findValuesAsText("respondentOrgCode");
    }

    private static List<String> personNames(Api.Response registry) {
        assertThat(registry.status()).as(registry.text()).isEqualTo(200);
        return registry.body().findValuesAsText("personName");
    }

    private static List<String> taskKeysOf(Api user, String caseId) {
        Api.Response inbox = user.get("/api/tasks");
        assertThat(inbox.status()).as(inbox.text()).isEqualTo(200);
        List<String> keys = new java.util.ArrayList<>();
        inbox.body().forEach(t -> {
            if (t.get("caseId").asText().equals(caseId)) {
                keys.add(t.get("taskKey").asText());
            }
        });
        return keys;
    }
}
