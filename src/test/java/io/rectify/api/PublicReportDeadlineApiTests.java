package io.rectify.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rectify.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The body's three working days, on the clock control of API.md with the job executor on: counted
 * over a 调休 Sunday, reminded at 09:00 of the last day, marked overdue after it; and the figures of
 * {@code GET /api/public-reports/stats} against a count by hand over a generated set.
 */
class PublicReportDeadlineApiTests extends IntegrationTest {

    /** Friday 18 September 2026; Sunday the 20th is a 调休 working day before the National Day week (holiday-cn 2026). */
    static final String FRIDAY_BEFORE_ADJUSTED_SUNDAY = "2026-09-18T10:00:00+08:00";
    static final String SITE = PublicReportApiTests.SITE;
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    Api office;
    Api body;
    Api admin;

    @BeforeEach
    void onTheDemoClock() {
        office = new Api(rest, "gz.office");
        body = office.as("gz.edu");
        admin = office.as("admin");
        setClock(FRIDAY_BEFORE_ADJUSTED_SUNDAY);
    }

    @AfterEach
    void realTime() {
        assertThat(admin.delete("/api/admin/clock").status()).isEqualTo(200);
    }

    @Test
    void forwardedOnTheFridayBeforeAWorkingSundayIsDueTuesdayRemindedThatMorningAndOverdueAfterIt() {
        String id = forwarded("栏目链接失效");
        // three working days after Friday 18 September: Sunday 20 (调休), Monday 21, Tuesday 22
        assertThat(office.get("/api/public-reports/" + id).body().get("dueDate").asText()).isEqualTo("2026-09-22");

        setClock("2026-09-22T08:59:00+08:00");
        runDueJobs();
        assertThat(reminders(id)).isZero();

        setClock("2026-09-22T09:00:01+08:00");
        runDueJobs();
        await(() -> reminders(id) == 1);
        assertThat(jdbc.queryForObject("select recipients from notification where dedup_key like ?", String.class,
                "PUBLIC_REPORT_REMINDER:" + id + "%")).isEqualTo("org:GZ-EDU");
        assertThat(office.get("/api/public-reports/" + id).body().get("overdue").asBoolean()).isFalse();

        setClock("2026-09-23T00:00:01+08:00");
        runDueJobs();
        await(() -> office.get("/api/public-reports/" + id).body().get("overdue").asBoolean());
        assertThat(reminders(id)).isEqualTo(1);

        // a late reply still counts as replied, not on time
        Api.Response replied = body.post("/api/public-reports/" + id + "/steps/replyToReport", Map.of("reply", "已修复"));
        assertThat(replied.status()).as(replied.text()).isEqualTo(200);
        JsonNode seen = office.get("/api/public-reports/" + id).body();
        assertThat(seen.get("repliedOnTime").asBoolean()).isFalse();
        assertThat(seen.get("overdue").asBoolean()).isTrue();
    }

    @Test
    void aReplyByMidnightOfTheLastWorkingDayIsOnTime() {
        String id = forwarded("办事电话空号");
        setClock("2026-09-22T23:59:00+08:00");
        Api.Response replied = body.post("/api/public-reports/" + id + "/steps/replyToReport",
                Map.of("reply", "已更正办事电话"));
        assertThat(replied.status()).as(replied.text()).isEqualTo(200);
        runDueJobs();
        JsonNode seen = office.get("/api/public-reports/" + id).body();
        assertThat(seen.get("repliedOnTime").asBoolean()).isTrue();
        assertThat(seen.get("overdue").asBoolean()).isFalse();
    }

    /** One generated report: where, when, and how far it came. */
    record Generated(String region, OffsetDateTime receivedAt, boolean forwarded, boolean replied, boolean onTime,
                     boolean overdue, boolean toCase) {
    }

    @Test
    void theFiguresEqualACountByHandOverAGeneratedSet() {
        String caseId = office.openCase("A33-01", "GZ-EDU").get("id").asText();
        Random random = new Random(2024);
        List<Generated> generated = new ArrayList<>();
        List<String> regions = List.of("GZ", "GZ", "NC", "JX");
        Map<String, String> bodies = Map.of("GZ", "GZ-EDU", "NC", "NC-EDU", "JX", "JX-EDU");
        Map<String, String> offices = Map.of("GZ", "GZ-GOV-OFFICE", "NC", "NC-GOV-OFFICE", "JX", "JX-GOV-OFFICE");
        // March 2024, far from every other test's reports, with the edges of the days in the business time zone
        for (int i = 0; i < 120; i++) {
            OffsetDateTime at = LocalDate.of(2024, 3, 1 + random.nextInt(31)).atStartOfDay(SHANGHAI)
                    .plusMinutes(random.nextInt(24 * 60)).toOffsetDateTime();
            if (i == 0) {
                at = OffsetDateTime.parse("2024-03-20T23:59:59+08:00");
            } else if (i == 1) {
                at = OffsetDateTime.parse("2024-03-21T00:00:00+08:00");
            } else if (i == 2) {
                at = OffsetDateTime.parse("2024-03-09T23:59:59+08:00");
            }
            boolean forwarded = random.nextInt(4) > 0;
            boolean replied = forwarded && random.nextBoolean();
            boolean overdue = forwarded && random.nextInt(3) == 0;
            boolean onTime = replied && !overdue && random.nextInt(4) > 0;
            boolean toCase = forwarded && random.nextInt(5) == 0;
            Generated g = new Generated(regions.get(random.nextInt(regions.size())), at, forwarded, replied, onTime,
                    overdue, toCase);
            generated.add(g);
            String status = !forwarded ? "RECEIVED" : replied ? "DONE" : "FORWARDED";
            jdbc.update("insert into public_report (id, tracking_number, channel, received_at, site_url, site_org_code,"
                            + " region_code, triage_org_code, page_url, description, status, forwarded_at, due_date, overdue,"
                            + " reply, replied_at, replied_on_time, case_id) values (?, ?, 'NATIONAL', ?, ?, ?, ?, ?, ?, ?, ?,"
                            + " ?, ?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID().toString(), "ZCGEN" + i + "X" + random.nextInt(100000), utc(at), SITE,
                    bodies.get(g.region()), g.region(), offices.get(g.region()), SITE + "/" + i, "生成的留言 " + i, status,
                    forwarded ? utc(at.plusHours(2)) : null, forwarded ? at.toLocalDate().plusDays(5) : null, overdue,
                    replied ? "答复" : null, replied ? utc(at.plusDays(1)) : null, replied ? onTime : null,
                    toCase ? caseId : null);
        }

        assertFigures("gz.office", "2024-03-01", "2024-03-31", generated, g -> g.region().equals("GZ"));
        assertFigures("jx.office", "2024-03-01", "2024-03-31", generated, g -> true);
        assertFigures("nc.office", "2024-03-10", "2024-03-20", generated, g -> g.region().equals("NC"));
        assertFigures("jx.office", "2024-03-10", "2024-03-20", generated, g -> true);

        office.get("/api/public-reports/stats?from=2024-03-31&to=2024-03-01").isInvalid("from");
        office.get("/api/public-reports/stats?to=2024-03-01").isInvalid("from");
        office.get("/api/public-reports/stats?from=2024-03-01&to=tomorrow").isProblem(400);
        body.get("/api/public-reports/stats?from=2024-03-01&to=2024-03-31").isProblem(403);
        office.as("jx.supervision").get("/api/public-reports/stats?from=2024-03-01&to=2024-03-31").isProblem(403);
    }

    private void assertFigures(String user, String from, String to, List<Generated> generated, Predicate<Generated> inJurisdiction) {
        Instant start = LocalDate.parse(from).atStartOfDay(SHANGHAI).toInstant();
        Instant end = LocalDate.parse(to).plusDays(1).atStartOfDay(SHANGHAI).toInstant();
        List<Generated> counted = generated.stream().filter(inJurisdiction)
                .filter(g -> !g.receivedAt().toInstant().isBefore(start) && g.receivedAt().toInstant().isBefore(end))
                .toList();
        Api.Response stats = office.as(user).get("/api/public-reports/stats?from=" + from + "&to=" + to);
        assertThat(stats.status()).as(stats.text()).isEqualTo(200);
        JsonNode figures = stats.body();
        assertThat(figures.size()).isEqualTo(6);
        assertThat(figures.get("received").asLong()).as(user + " received").isEqualTo(counted.size());
        assertThat(figures.get("forwarded").asLong()).isEqualTo(counted.stream().filter(Generated::forwarded).count());
        assertThat(figures.get("replied").asLong()).isEqualTo(counted.stream().filter(Generated::replied).count());
        assertThat(figures.get("repliedOnTime").asLong()).isEqualTo(counted.stream().filter(Generated::onTime).count());
        assertThat(figures.get("overdue").asLong()).isEqualTo(counted.stream().filter(Generated::overdue).count());
        assertThat(figures.get("toCases").asLong()).isEqualTo(counted.stream().filter(Generated::toCase).count());
    }

    // helpers

    private String forwarded(String description) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("X-Forwarded-For", "203.0.113." + ADDRESSES.getAndIncrement());
        ResponseEntity<String> created = rest.exchange("/public/reports", HttpMethod.POST, new HttpEntity<>(
                Map.of("siteUrl", SITE, "pageUrl", SITE + "/bsfw/index.html", "description", description), headers),
                String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        String tracking;
        try {
            tracking = new ObjectMapper().readTree(created.getBody()).get("trackingNumber").asText();
        } catch (Exception e) {
            throw new AssertionError(created.getBody(), e);
        }
        String id = jdbc.queryForObject("select id from public_report where tracking_number = ?", String.class, tracking);
        Api.Response triaged = office.post("/api/public-reports/" + id + "/steps/triageReport", Map.of("decision", "FORWARD"));
        assertThat(triaged.status()).as(triaged.text()).isEqualTo(200);
        return id;
    }

    private int reminders(String id) {
        return jdbc.queryForObject("select count(*) from notification where kind = 'PUBLIC_REPORT_REMINDER'"
                + " and dedup_key like ?", Integer.class, "PUBLIC_REPORT_REMINDER:" + id + "%");
    }

    private void setClock(String now) {
        Api.Response r = admin.post("/api/admin/clock", Map.of("now", now));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    private void runDueJobs() {
        Api.Response r = admin.post("/api/admin/jobs/run-due", null);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        Instant until = Instant.now().plus(Duration.ofSeconds(15));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("not reached within 15 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static OffsetDateTime utc(OffsetDateTime at) {
        return at.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
