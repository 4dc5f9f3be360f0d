package io.rectify.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.IntegrationTest;
import io.rectify.api.Api;
import io.rectify.api.FreshBodies;
import io.rectify.api.ResponseValues;
import io.rectify.audit.AuditEntry;
import io.rectify.audit.AuditLog;
import io.rectify.monitoring.CheckFailed;
import io.rectify.monitoring.CheckResult;
import io.rectify.monitoring.CheckStatus;
import io.rectify.monitoring.Indicator;
import io.rectify.monitoring.ProbeEvidence;
import io.rectify.monitoring.internal.ProbeLog;
import io.rectify.monitoring.internal.http.Fetched;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Findings through the HTTP API: a failed check (published as the monitoring publishes it, in a
 * transaction) becomes one open finding; a supervisor confirms it into a case, which the department
 * answers, the site is re-checked, and the office closes it; or dismisses it with a reason.
 */
class FindingsApiTests extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    FakeSiteChecks siteChecks;

    @AfterEach
    void realChecksAgain() {
        siteChecks.reset();
    }

    @Autowired
    AuditLog audit;

    @Autowired
    ProbeLog probes;

    Api office;
    String department;
    Api respondent;
    long site;
    String siteUrl;

    @BeforeEach
    void aDepartmentWithASite() {
        office = new Api(rest, "jx.office");
        department = new FreshBodies(jdbc, passwords).department("JX");
        respondent = office.as(department.toLowerCase());
        siteUrl = "https://" + department.toLowerCase() + ".jiangxi.gov.cn";
        jdbc.update("insert into website (url, name, org_code) values (?, ?, ?)", siteUrl, "测试网站 " + department, department);
        site = jdbc.queryForObject("select id from website where url = ?", Long.class, siteUrl);
        siteChecks.answer(CheckStatus.PASS);
    }

    @Test
    void aFailureSeenAgainWhileOpenIsStillOneFindingWithItsEvidence() {
        fail(Indicator.UNREACHABLE);
        fail(Indicator.UNREACHABLE);

        JsonNode found = office.get("/api/findings?websiteId=" + site).body();
        assertThat(found).hasSize(1);
        JsonNode finding = found.get(0);
        assertThat(finding.get("indicator").asText()).isEqualTo("UNREACHABLE");
        assertThat(finding.get("categoryCode").asText()).isEqualTo("A33-10");
        assertThat(finding.get("status").asText()).isEqualTo("OPEN");
        assertThat(finding.get("websiteId").asLong()).isEqualTo(site);
        assertThat(finding.get("caseId").isNull()).isTrue();
        assertThat(finding.get("detail").asText()).contains("超时");
        assertThat(finding.get("evidence")).hasSize(1);
        JsonNode seen = finding.get("evidence").get(0);
        assertThat(seen.get("url").asText()).isEqualTo(siteUrl + "/");
        assertThat(seen.get("sha256").asText()).hasSize(64);
        assertThat(seen.get("fetchedAt").asText()).endsWith("+08:00");
        assertThat(office.get("/api/findings?status=OPEN&websiteId=" + site).body()).hasSize(1);
        assertThat(office.get("/api/findings?status=DISMISSED&websiteId=" + site).body()).isEmpty();
    }

    @Test
    void aConfirmedFindingBecomesAMonitorCaseWithItsEvidenceAndIsConfirmedOnlyOnce() {
        String finding = failAndFind(Indicator.UNREACHABLE);
        assertThat(office.get("/api/findings/" + finding).body().get("origin").asText()).isEqualTo("MONITORING");

        Api.Response confirmed = office.post("/api/findings/" + finding + "/confirm", null);

        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(201);
        JsonNode c = confirmed.body();
        assertThat(confirmed.entity().getHeaders().getLocation()).hasToString("/api/cases/" + c.get("id").asText());
        assertThat(c.get("source").asText()).isEqualTo("MONITOR");
        assertThat(c.get("description").asText()).startsWith("网站监测发现问题：").contains("监测情况：", "证据（访问地址");
        assertThat(c.get("categoryCode").asText()).isEqualTo("A33-10");
        assertThat(c.get("respondentOrgCode").asText()).isEqualTo(department);
        assertThat(c.get("websiteId").asLong()).isEqualTo(site);
        assertThat(c.get("websiteUrl").asText()).isEqualTo(siteUrl);
        assertThat(c.get("findingIds")).extracting(JsonNode::asText).containsExactly(finding);
        assertThat(c.get("recheck").isNull()).isTrue();
        assertThat(c.get("repeatOf").isNull()).isTrue();
        assertThat(c.get("title").asText()).contains("测试网站").contains("无法访问");
        assertThat(c.get("description").asText()).contains(siteUrl + "/").contains("SHA-256");
        assertThat(office.get("/api/findings/" + finding).body().get("caseId").asText()).isEqualTo(c.get("id").asText());
        assertThat(audit.ofCase(c.get("id").asText())).extracting(AuditEntry::action).contains("FINDING_CONFIRMED");

        office.post("/api/findings/" + finding + "/confirm", null).isProblem(409);
    }

    @Test
    void aSecondFindingOfTheSameSiteAndCategoryJoinsTheOpenCase() {
        String homepage = failAndFind(Indicator.HOMEPAGE_STALE);
        String columns = failAndFind(Indicator.COLUMNS_STALE);
        String caseId = office.post("/api/findings/" + homepage + "/confirm", null).body().get("id").asText();

        Api.Response joined = office.post("/api/findings/" + columns + "/confirm", null);

        assertThat(joined.status()).as(joined.text()).isEqualTo(200);
        assertThat(joined.body().get("id").asText()).isEqualTo(caseId);
        assertThat(joined.body().get("findingIds")).extracting(JsonNode::asText).containsExactly(homepage, columns);
        assertThat(audit.ofCase(caseId)).extracting(AuditEntry::action).contains("FINDING_ATTACHED");
    }

    @Test
    void theDepartmentsReportReChecksTheSiteAndAFailingReCheckNeedsAReasonToAccept() {
        String caseId = confirmedCase(Indicator.HOMEPAGE_STALE);
        office.complete(caseId, "issueOrder", Map.of("requirements", "两周内恢复首页更新"));
        siteChecks.answer(CheckStatus.FAIL);

        JsonNode responded = respondent.complete(caseId, "respond", ResponseValues.of("A33-04"));

        JsonNode recheck = responded.get("recheck");
        assertThat(recheck.get("passed").asBoolean()).isFalse();
        assertThat(recheck.get("checkedAt").asText()).isNotBlank();
        assertThat(recheck.get("results")).hasSize(1);
        assertThat(recheck.get("results").get(0).get("indicator").asText()).isEqualTo("HOMEPAGE_STALE");
        assertThat(recheck.get("results").get(0).get("status").asText()).isEqualTo("FAIL");
        String verify = office.taskOf(caseId, "verify");
        office.post("/api/tasks/" + verify + "/complete", Map.of("accepted", true)).isInvalid("comment");

        JsonNode closed = office.complete(caseId, "verify", Map.of("accepted", true, "comment", "已现场核实首页恢复更新，监测有延迟"));

        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(audit.ofCase(caseId)).extracting(AuditEntry::action).contains("RECHECK_OVERRIDDEN");
    }

    @Test
    void aPassingReCheckLetsTheOfficeCloseTheCase() {
        String caseId = confirmedCase(Indicator.UNREACHABLE);
        office.complete(caseId, "issueOrder", Map.of("requirements", "恢复网站访问"));
        siteChecks.answer(CheckStatus.PASS);

        JsonNode responded = respondent.complete(caseId, "respond", ResponseValues.of("A33-10"));

        assertThat(responded.get("recheck").get("passed").asBoolean()).isTrue();
        JsonNode closed = office.complete(caseId, "verify", Map.of("accepted", true));
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("outcome").asText()).isEqualTo("RECTIFIED");
    }

    @Test
    void aDismissalNeedsAReasonAndIsAudited() {
        String finding = failAndFind(Indicator.BROKEN_LINKS);

        office.post("/api/findings/" + finding + "/dismiss", Map.of()).isInvalid("reason");
        office.post("/api/findings/" + finding + "/dismiss", Map.of("reason", "  ")).isInvalid("reason");
        Api.Response dismissed = office.post("/api/findings/" + finding + "/dismiss", Map.of("reason", "链接为外站临时维护，已核实"));

        assertThat(dismissed.status()).as(dismissed.text()).isEqualTo(200);
        assertThat(dismissed.body().get("status").asText()).isEqualTo("DISMISSED");
        assertThat(audit.ofAction("FINDING_DISMISSED")).anySatisfy(e -> assertThat(e.detail()).contains(finding)
                .contains("链接为外站临时维护"));
        office.post("/api/findings/" + finding + "/dismiss", Map.of("reason", "再次核减")).isProblem(409);
        office.post("/api/findings/" + finding + "/confirm", null).isProblem(409);

        fail(Indicator.BROKEN_LINKS);
        assertThat(office.get("/api/findings?status=OPEN&websiteId=" + site).body()).hasSize(1);
    }

    @Test
    void aFailureOnASiteWhoseCaseClosedWithinAYearRepeatsItAndTheNewCaseIsSerious() {
        String first = confirmedCase(Indicator.UNREACHABLE);
        office.complete(first, "issueOrder", Map.of("requirements", "恢复网站访问"));
        respondent.complete(first, "respond", ResponseValues.of("A33-10"));
        office.complete(first, "verify", Map.of("accepted", true));

        String again = failAndFind(Indicator.UNREACHABLE);
        assertThat(office.get("/api/findings/" + again).body().get("repeatOf").asText()).isEqualTo(first);
        JsonNode repeated = office.post("/api/findings/" + again + "/confirm", null).body();

        assertThat(repeated.get("id").asText()).isNotEqualTo(first);
        assertThat(repeated.get("repeatOf").asText()).isEqualTo(first);
        assertThat(repeated.get("serious").asBoolean()).isTrue();
        assertThat(repeated.get("escalated").asBoolean()).isTrue();
    }

    @Test
    void anOfficeThatChoseItOpensACaseAtOnceAndOnlyOnce() {
        office.exchange(org.springframework.http.HttpMethod.PUT, "/api/findings/auto-open",
                Map.of("indicator", "TLS", "enabled", true));
        try {
            fail(Indicator.TLS);
            fail(Indicator.TLS);

            JsonNode found = office.get("/api/findings?websiteId=" + site).body();
            assertThat(found).hasSize(1);
            assertThat(found.get(0).get("status").asText()).isEqualTo("CONFIRMED");
            assertThat(found.get(0).get("origin").asText()).isEqualTo("MONITORING");
            JsonNode c = office.caseView(found.get(0).get("caseId").asText());
            assertThat(c.get("source").asText()).isEqualTo("MONITOR");
            assertThat(c.get("categoryCode").asText()).isEqualTo("A33-10");
            assertThat(c.get("openTasks")).extracting(t -> t.get("taskKey").asText()).containsExactly("issueOrder");
            assertThat(jdbc.queryForObject("select count(*) from rectification_case where website_url = ?", Integer.class,
                    siteUrl)).isEqualTo(1);
        } finally {
            office.exchange(org.springframework.http.HttpMethod.PUT, "/api/findings/auto-open",
                    Map.of("indicator", "TLS", "enabled", false));
        }
        JsonNode settings = office.get("/api/findings/auto-open").body();
        assertThat(settings).anySatisfy(s -> {
            assertThat(s.get("indicator").asText()).isEqualTo("TLS");
            assertThat(s.get("enabled").asBoolean()).isFalse();
        });
        office.as("nc.office").exchange(org.springframework.http.HttpMethod.PUT, "/api/findings/auto-open",
                Map.of("orgCode", "JX-GOV-OFFICE", "indicator", "TLS", "enabled", true)).isProblem(403);
        office.exchange(org.springframework.http.HttpMethod.PUT, "/api/findings/auto-open",
                Map.of("indicator", "NOPE", "enabled", true)).isInvalid("indicator");
    }

    @Test
    void onlyTheSupervisorsOfTheSitesJurisdictionSeeAndDecideFindings() {
        String finding = failAndFind(Indicator.IDENTITY_MISSING);
        Api anotherCity = office.as("gz.office");

        assertThat(anotherCity.get("/api/findings?websiteId=" + site).body()).isEmpty();
        anotherCity.get("/api/findings/" + finding).isProblem(404);
        anotherCity.post("/api/findings/" + finding + "/confirm", null).isProblem(404);
        anotherCity.post("/api/findings/" + finding + "/dismiss", Map.of("reason", "不归我管")).isProblem(404);
        assertThat(respondent.get("/api/findings?websiteId=" + site).body()).isEmpty();
        respondent.post("/api/findings/" + finding + "/confirm", null).isProblem(403);
        office.get("/api/findings?status=MAYBE").isInvalid("status");
        office.get("/api/findings?websiteId=abc").isInvalid("websiteId");
        assertThat(office.get("/api/findings/" + finding).body().get("status").asText()).isEqualTo("OPEN");
    }

    @Test
    void theStoredResponseAFindingRestsOnIsADownloadForItsReadersAndOutlivesTheRawProbes() {
        byte[] page = "<html><head><title>首页</title></head><body>2026-01-01</body></html>".getBytes(StandardCharsets.UTF_8);
        ProbeEvidence seen = probe(page, Instant.now());
        ProbeEvidence unrelated = probe("<html>另一个页面</html>".getBytes(StandardCharsets.UTF_8), Instant.now());
        transactions.executeWithoutResult(tx -> events.publishEvent(new CheckFailed(new CheckResult(site,
                Indicator.HOMEPAGE_STALE, CheckStatus.FAIL, Instant.now(), "首页 30 天未更新", List.of(seen)))));
        JsonNode finding = office.get("/api/findings?websiteId=" + site).body().get(0);
        String body = finding.get("evidence").get(0).get("body").asText();
        assertThat(body).isEqualTo("/api/findings/" + finding.get("id").asText() + "/evidence/" + seen.id());

        ResponseEntity<byte[]> download = office.download(body);
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(download.getBody()).isEqualTo(page);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
        assertThat(download.getHeaders().getContentDisposition().isAttachment()).isTrue();
        assertThat(download.getHeaders().getContentDisposition().getFilename()).endsWith(".html");
        assertThat(download.getHeaders().getFirst("X-Evidence-SHA256")).isEqualTo(seen.sha256());

        // who may not see the finding, nor yet its case, is told nothing; nor is a response the finding does not name
        assertThat(office.as("gz.office").download(body).getStatusCode().value()).isEqualTo(404);
        assertThat(respondent.download(body).getStatusCode().value()).isEqualTo(404);
        String other = "/api/findings/" + finding.get("id").asText() + "/evidence/" + unrelated.id();
        assertThat(office.download(other).getStatusCode().value()).isEqualTo(404);
        assertThat(office.download("/api/findings/" + finding.get("id").asText() + "/evidence/x").getStatusCode().value())
                .isEqualTo(404);

        // once it is a case, the department answering it is shown what the check saw
        assertThat(office.post("/api/findings/" + finding.get("id").asText() + "/confirm", null).status()).isEqualTo(201);
        assertThat(respondent.download(body).getBody()).isEqualTo(page);

        // the raw probes' retention forgets the unrelated probe, not the finding's evidence
        jdbc.update("update probe set fetched_at = ? where id in (?, ?)", Timestamp.from(Instant.now().minus(Duration.ofDays(40))),
                seen.id(), unrelated.id());
        probes.forgetBefore(Instant.now().minus(Duration.ofDays(30)));
        assertThat(jdbc.queryForObject("select count(*) from probe where id = ?", Integer.class, unrelated.id())).isZero();
        assertThat(office.download(body).getBody()).isEqualTo(page);
    }

    @Test
    void twoTransactionsThatSeeTheSameNewFailureAtOnceWriteOneFindingAndBothCommit() throws Exception {
        CountDownLatch firstWrote = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> transactions.executeWithoutResult(tx -> {
                fail(Indicator.BROKEN_LINKS);
                firstWrote.countDown();
                await(releaseFirst);
            }));
            assertThat(firstWrote.await(30, TimeUnit.SECONDS)).isTrue();
            // the second sees no open finding yet (the first has not committed) and waits on the open key
            Future<?> second = threads.submit(() -> fail(Indicator.BROKEN_LINKS));
            Thread.sleep(500);
            assertThat(second.isDone()).as("the second waits for the first").isFalse();
            releaseFirst.countDown();
            first.get(30, TimeUnit.SECONDS);
            second.get(30, TimeUnit.SECONDS);
        } finally {
            releaseFirst.countDown();
            threads.shutdownNow();
        }
        assertThat(office.get("/api/findings?websiteId=" + site).body()).hasSize(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response of the test site stored as the monitoring stores a check's evidence, with its body. */
    private ProbeEvidence probe(byte[] body, Instant at) {
        Fetched fetched = new Fetched(URI.create(siteUrl + "/"), URI.create(siteUrl + "/"), 200,
                "Content-Type: text/html; charset=utf-8\n", body, false, StandardCharsets.UTF_8, at, 120, null, false);
        return transactions.execute(tx -> probes.record(site, ProbeLog.Purpose.HOMEPAGE, fetched, true));
    }

    // ---- helpers ------------------------------------------------------------------------------

    /** Publishes a failure of the indicator on the test site, as the monitoring does: in the transaction storing it. */
    private void fail(Indicator indicator) {
        Instant now = Instant.now();
        ProbeEvidence seen = new ProbeEvidence(System.nanoTime(), siteUrl + "/", indicator == Indicator.UNREACHABLE ? null : 200,
                now, "ab".repeat(32));
        transactions.executeWithoutResult(tx -> events.publishEvent(new CheckFailed(new CheckResult(site, indicator,
                CheckStatus.FAIL, now, "连接超时 15 秒（" + indicator + "）", List.of(seen)))));
    }

    private String failAndFind(Indicator indicator) {
        fail(indicator);
        for (JsonNode f : office.get("/api/findings?status=OPEN&websiteId=" + site).body()) {
            if (f.get("indicator").asText().equals(indicator.name())) {
                return f.get("id").asText();
            }
        }
        throw new AssertionError("no open finding of " + indicator);
    }

    private String confirmedCase(Indicator indicator) {
        Api.Response confirmed = office.post("/api/findings/" + failAndFind(indicator) + "/confirm", null);
        assertThat(confirmed.status()).as(confirmed.text()).isEqualTo(201);
        return confirmed.body().get("id").asText();
    }

}
