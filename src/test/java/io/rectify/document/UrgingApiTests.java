package io.rectify.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.IntegrationTest;
import io.rectify.api.Api;
import io.rectify.api.FreshBodies;
import io.rectify.api.ResponseValues;
import io.rectify.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** API.md "Urging": who urges, on what, how often, and what it leaves behind. */
class UrgingApiTests extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    WorkingDayCalendar calendar;

    Api office;
    String body;
    Api respondent;

    @BeforeEach
    void signIn() {
        office = new Api(rest, "nc.office");
        body = new FreshBodies(jdbc, passwords).department("NC");
        respondent = office.as(body.toLowerCase());
    }

    @Test
    void anOfficeUrgesAnOpenOrderOncePerWorkingDay() {
        String caseId = office.openCase("A33-04", body).get("id").asText();
        String urge = "/api/cases/" + caseId + "/urge";
        office.post(urge, Map.of("message", "请抓紧")).isProblem(409); // no order yet

        office.complete(caseId, "issueOrder", Map.of("requirements", "限期整改"));
        Api.Response urged = office.post(urge, Map.of("message", "请于本周内报送整改报告。"));
        assertThat(urged.status()).as(urged.text()).isEqualTo(201);
        assertThat(urged.entity().getHeaders().getLocation()).isNotNull();
        assertThat(urged.body().get("kind").asText()).isEqualTo("URGING");
        assertThat(urged.body().get("number").asText()).contains("催办");

        // the record (counted by the statistics), the notification to the respondent's users, the audit entry
        assertThat(jdbc.queryForObject("select count(*) from case_record where case_id = ? and kind = 'URGED'",
                Integer.class, caseId)).isEqualTo(1);
        assertThat(jdbc.queryForList("select recipients from notification where case_id = ? and kind = 'URGED'",
                String.class, caseId)).singleElement().asString().contains(body);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where case_id = ? and action = 'CASE_URGED'",
                Integer.class, caseId)).isEqualTo(1);
        String text = Poppler.text(respondent.get("/api/cases/" + caseId + "/documents").body().isEmpty() ? new byte[0]
                : documentBytes(caseId, urged.body().get("id").asText()));
        assertThat(text).contains("请于本周内报送整改报告。", "南昌市人民政府办公室", "特此催办");

        office.post(urge, Map.of("message", "再次催办")).isProblem(409);
        // an office above the opener urges too, but the case was urged on this working day already
        office.as("jx.office").post(urge, Map.of("message", "省办催办")).isProblem(409);
    }

    @Test
    void onlyASupervisorOfTheOpenerOrAboveUrges() {
        String caseId = office.openCase("A33-04", body).get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "限期整改"));
        String urge = "/api/cases/" + caseId + "/urge";
        respondent.post(urge, Map.of("message", "自己催自己")).isProblem(403);
        office.as("gz.office").post(urge, Map.of("message", "别处的办公室")).isProblem(404);
        office.as("nc.supervision").post(urge, Map.of("message", "监察")).isProblem(404);
        Api.Response above = office.as("jx.office").post(urge, Map.of("message", "省办公厅催办"));
        assertThat(above.status()).as(above.text()).isEqualTo(201);
    }

    @Test
    void anEmptyOrOverLongMessageIsRefusedNamingTheField() {
        String caseId = office.openCase("A33-04", body).get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "限期整改"));
        String urge = "/api/cases/" + caseId + "/urge";
        office.post(urge, Map.of("message", "  ")).isInvalid("message");
        office.post(urge, Map.of()).isInvalid("message");
        office.post(urge, Map.of("message", "催".repeat(2001))).isInvalid("message");
        assertThat(jdbc.queryForObject("select count(*) from case_record where case_id = ? and kind = 'URGED'",
                Integer.class, caseId)).isZero();
    }

    @Test
    void aClosedCaseOrAnAnsweredOrderIsNotUrged() {
        String caseId = office.openCase("A33-04", body).get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "限期整改"));
        respondent.complete(caseId, "respond", ResponseValues.of("A33-04"));
        office.post("/api/cases/" + caseId + "/urge", Map.of("message", "已答复")).isProblem(409);
        JsonNode closed = office.complete(caseId, "verify", Map.of("accepted", true));
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        office.post("/api/cases/" + caseId + "/urge", Map.of("message", "已结案")).isProblem(409);
    }

    @Test
    void theNextWorkingDayMayBeUrgedAgain() {
        String caseId = office.openCase("A33-09", body).get("id").asText();
        office.complete(caseId, "issueOrder", Map.of("requirements", "限期整改"));
        String urge = "/api/cases/" + caseId + "/urge";
        assertThat(office.post(urge, Map.of("message", "第一次")).status()).isEqualTo(201);
        Api admin = office.as("admin");
        // the working day the first urge counted for (today, or the next one after a day off), then the one after
        LocalDate next = LocalDate.now(WorkingDayCalendar.ZONE);
        while (!calendar.isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        next = next.plusDays(1);
        while (!calendar.isWorkingDay(next)) {
            next = next.plusDays(1);
        }
        try {
            Api.Response moved = admin.post("/api/admin/clock", Map.of("now", ZonedDateTime.of(next.atTime(9, 0),
                    ZoneId.of("Asia/Shanghai")).toOffsetDateTime().toString()));
            assertThat(moved.status()).as(moved.text()).isEqualTo(200);
            Api.Response again = office.post(urge, Map.of("message", "第二次"));
            assertThat(again.status()).as(again.text()).isEqualTo(201);
            assertThat(again.body().get("number").asText()).endsWith("之二");
        } finally {
            admin.delete("/api/admin/clock");
        }
    }

    private byte[] documentBytes(String caseId, String documentId) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setBasicAuth("nc.office", Api.PASSWORD);
        return rest.exchange("/api/cases/" + caseId + "/documents/" + documentId, org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(headers), byte[].class).getBody();
    }
}
