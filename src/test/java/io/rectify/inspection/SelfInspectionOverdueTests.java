package io.rectify.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import io.rectify.TestDatabase;
import io.rectify.api.Api;
import io.rectify.calendar.WorkingDayCalendar;
import io.rectify.casefile.BreakableAttachmentStore;
import io.rectify.notification.RefusableChannel;
import io.rectify.security.UnreachableAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Art. 29 through the API and the clock control: a report is in by the 15th working day after
 * the period's end, or on the 16th an A34-02 case opens against the office, once. A context of
 * its own, with the overdue cases on (the other integration tests turn them off).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({RefusableChannel.Configuration.class,
        BreakableAttachmentStore.Configuration.class, UnreachableAccount.Configuration.class})
class SelfInspectionOverdueTests {

    static final String PERIOD = "2026H2";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        registry.add("rectify.data-dir", () -> "target/test-data");
        registry.add("spring.http.client.factory", () -> "jdk");
        registry.add("rectify.self-inspection.overdue-cases", () -> "true");
        registry.add("rectify.self-inspection.first-period", () -> PERIOD);
    }

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    WorkingDayCalendar calendar;

    Api admin;

    @BeforeEach
    void signIn() {
        admin = new Api(rest, "admin");
    }

    @AfterEach
    void realTime() {
        assertThat(admin.delete("/api/admin/clock").status()).isEqualTo(200);
    }

    /** An office of Ganzhou with a site and a supervisor: the province's office opens its A34 cases. */
    private String office() {
        return office("GZ");
    }

    private String office(String region) {
        String code = region + "-T-OFFICE-" + System.nanoTime() % 1000000;
        jdbc.update("insert into organization (code, name_zh, name_en, kind, region_code) values (?, ?, ?, 'OFFICE', ?)",
                code, "测试办公室" + code, "Test office " + code, region);
        jdbc.update("insert into website (url, name, org_code) values (?, ?, ?)", "https://" + code.toLowerCase() + ".gov.cn",
                "测试网站" + code, code);
        jdbc.update("insert into app_user (username, password_hash, display_name, role, org_code, enabled, created_at) "
                        + "values (?, ?, ?, 'SUPERVISOR', ?, true, ?)",
                code.toLowerCase(), passwords.encode(Api.PASSWORD), "测试用户", code, Timestamp.from(Instant.now()));
        return code;
    }

    private int casesAgainst(String org) {
        return jdbc.queryForObject("select count(*) from rectification_case where respondent_org_code = ? and category_code = 'A34-02'",
                Integer.class, org);
    }

    private void at(LocalDate day, String time) {
        Api.Response r = admin.post("/api/admin/clock", Map.of("now", day + "T" + time + "+08:00"));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        Api.Response ran = admin.post("/api/admin/jobs/run-due", Map.of());
        assertThat(ran.status()).as(ran.text()).isEqualTo(200);
    }

    @Test
    void aMissedReportOpensOneCaseOnTheSixteenthWorkingDay() {
        String missed = office();
        String reported = office();
        LocalDate periodEnd = LocalDate.of(2026, 12, 31);
        LocalDate lastDay = calendar.addWorkingDays(periodEnd, 15);
        LocalDate sixteenth = calendar.addWorkingDays(periodEnd, 16);

        at(periodEnd.plusDays(5), "10:00:00");
        Api.Response in = admin.as(reported.toLowerCase()).post("/api/self-inspections",
                Map.of("period", PERIOD, "report", "2026年下半年自查：栏目更新、互动回应均已检查，问题已整改。"));
        assertThat(in.status()).as(in.text()).isEqualTo(201);
        assertThat(in.body().get("dueBy").asText()).isEqualTo(lastDay.toString());

        at(lastDay, "23:30:00");
        assertThat(casesAgainst(missed)).isZero();

        at(sixteenth, "00:30:00");
        assertThat(casesAgainst(missed)).isEqualTo(1);
        assertThat(casesAgainst(reported)).isZero();
        assertThat(jdbc.queryForObject("select opened_by_org_code from rectification_case where respondent_org_code = ?",
                String.class, missed)).isEqualTo("JX-GOV-OFFICE");

        at(sixteenth.plusDays(3), "00:30:00");
        assertThat(casesAgainst(missed)).isEqualTo(1);
    }

    @Test
    void aReportIsForAPeriodThatHasBegunOnceWithItsText() {
        String body = office();
        Api user = admin.as(body.toLowerCase());
        at(LocalDate.of(2026, 12, 1), "10:00:00");
        user.post("/api/self-inspections", Map.of("period", "2026H3", "report", "x")).isInvalid("period");
        user.post("/api/self-inspections", Map.of("period", "2027H1", "report", "x")).isInvalid("period");
        user.post("/api/self-inspections", Map.of("period", PERIOD, "report", " ")).isInvalid("report");
        assertThat(user.post("/api/self-inspections", Map.of("period", PERIOD, "report", "自查报告")).status()).isEqualTo(201);
        user.post("/api/self-inspections", Map.of("period", PERIOD, "report", "自查报告")).isProblem(409);
        assertThat(admin.as("jx.edu").post("/api/self-inspections", Map.of("period", PERIOD, "report", "自查报告")).status())
                .isEqualTo(201);
        assertThat(admin.post("/api/self-inspections", Map.of("period", PERIOD, "report", "自查报告")).status()).isEqualTo(403);
    }

    @Test
    void theListShowsABodyItsOwnReportsAndAnOfficeThoseOfItsJurisdiction() {
        String ganzhou = office("GZ");
        String nanchang = office("NC");
        at(LocalDate.of(2026, 12, 1), "10:00:00");
        for (String body : new String[] {ganzhou, nanchang}) {
            assertThat(admin.as(body.toLowerCase()).post("/api/self-inspections", Map.of("period", PERIOD, "report", "自查报告"))
                    .status()).isEqualTo(201);
        }
        admin.as("jx.edu").post("/api/self-inspections", Map.of("period", PERIOD, "report", "自查报告")); // 201, or 409 if in
        assertThat(reportsSeenBy("jx.edu")).containsOnly("JX-EDU");
        assertThat(reportsSeenBy(ganzhou.toLowerCase())).contains(ganzhou).doesNotContain(nanchang, "JX-EDU");
        assertThat(reportsSeenBy("gz.office")).contains(ganzhou).doesNotContain(nanchang, "JX-EDU");
        assertThat(reportsSeenBy("nc.office")).contains(nanchang).doesNotContain(ganzhou, "JX-EDU");
        assertThat(reportsSeenBy("jx.office")).contains(ganzhou, nanchang, "JX-EDU");
    }

    private java.util.List<String> reportsSeenBy(String user) {
        Api.Response list = admin.as(user).get("/api/self-inspections");
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        java.util.List<String> bodies = new java.util.ArrayList<>();
        list.body().forEach(report -> bodies.add(report.get("orgCode").asText()));
        return bodies;
    }
}
