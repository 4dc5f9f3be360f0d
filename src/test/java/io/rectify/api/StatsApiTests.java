package io.rectify.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The figures of API.md ("Figures") through the API, on the demo clock across the National Day
 * week of 2026 (1–7 October off): a report on the deadline day is on time, one on the next
 * working day is not, and the working days between skip the holiday week.
 */
class StatsApiTests extends FreshDepartmentOnTheDemoClock {

    /** Monday 28 September 2026: two working days end on Wednesday the 30th, the next working day is 8 October. */
    @Override
    String startsAt() {
        return "2026-09-28T10:00:00+08:00";
    }

    @Test
    void aReportOnTheDeadlineDayIsOnTimeAndOneOnTheNextWorkingDayAfterTheHolidayWeekIsNot() {
        String onTime = office.openCase("A33-04", body).get("id").asText();
        String late = office.openCase("A33-05", body).get("id").asText();
        assertThat(office.complete(onTime, "issueOrder", Map.of("requirements", "发布预算信息", "periodWorkingDays", 2))
                .get("deadline").asText()).isEqualTo("2026-09-30");
        assertThat(office.complete(late, "issueOrder", Map.of("requirements", "更新栏目", "periodWorkingDays", 2))
                .get("deadline").asText()).isEqualTo("2026-09-30");

        setClock("2026-09-30T23:00:00+08:00"); // the last hour of the deadline day
        respondent.complete(onTime, "respond", ResponseValues.of("A33-04"));
        assertThat(office.complete(onTime, "verify", Map.of("accepted", true)).get("status").asText()).isEqualTo("CLOSED");

        setClock("2026-10-08T10:00:00+08:00"); // the next working day: the deadline timer escalates the other
        admin.post("/api/admin/jobs/run-due", null);
        respondent.complete(late, "respond", ResponseValues.of("A33-05"));
        office.complete(late, "verify", Map.of("accepted", true));
        office.as("jx.supervision").complete(late, "reviewEscalation", Map.of("decision", "NO_SANCTION", "findings", "已整改"));
        assertThat(office.get("/api/cases/" + late).body().get("status").asText()).isEqualTo("CLOSED");

        JsonNode figures = bodyFigures(office, "2026-09-01", "2026-10-31");
        assertThat(figures.get("opened").asLong()).isEqualTo(2);
        assertThat(figures.get("closed").asLong()).isEqualTo(2);
        assertThat(figures.get("onTimeRate").asDouble()).isEqualTo(0.5);
        // on time: Tue 29, Wed 30 (2); late: Tue 29, Wed 30, Thu 8 October (3), the holiday week not counted
        assertThat(figures.get("medianWorkingDays").asDouble()).isEqualTo(2.5);
        assertThat(figures.get("overdue").asLong()).isZero();
        assertThat(figures.get("escalated").asLong()).isEqualTo(1);
        assertThat(figures.get("repeats").asLong()).isZero();
        assertThat(figures.size()).as("exactly the fields of API.md").isEqualTo(8);

        // a period before the cases: nothing opened or closed in it
        JsonNode before = bodyFigures(office, "2026-01-01", "2026-08-31");
        assertThat(before.get("opened").asLong()).isZero();
        assertThat(before.get("onTimeRate").isNull()).isTrue();

        // the department sees itself alone, the same figures
        JsonNode own = respondent.get("/api/stats/bodies?from=2026-09-01&to=2026-10-31").body();
        assertThat(own).hasSize(1);
        assertThat(own.get(0)).isEqualTo(figures);
        // another city's office does not see the body at all
        assertThat(office.as("nc.office").get("/api/stats/bodies?from=2026-09-01&to=2026-10-31").body())
                .noneSatisfy(row -> assertThat(row.get("orgCode").asText()).isEqualTo(body));
        // the province's supervision: the escalated case only, and the sanctions (none) it may read
        JsonNode supervision = bodyFigures(office.as("jx.supervision"), "2026-09-01", "2026-10-31");
        assertThat(supervision.get("opened").asLong()).isEqualTo(1);
        assertThat(supervision.get("onTimeRate").asDouble()).isZero();
    }

    @Test
    void aCaseOverdueNowCountsAtOnceAndAnOrderAnsweredInTimeDoesNot() {
        String c = office.openCase("A33-04", body).get("id").asText();
        office.complete(c, "issueOrder", Map.of("requirements", "发布预算信息", "periodWorkingDays", 2));
        assertThat(bodyFigures(office, "2026-09-01", "2026-09-30").get("overdue").asLong()).isZero();
        setClock("2026-10-08T10:00:00+08:00");
        JsonNode figures = bodyFigures(office, "2026-09-01", "2026-09-30");
        assertThat(figures.get("overdue").asLong()).isEqualTo(1);
        assertThat(figures.get("closed").asLong()).isZero();
    }

    @Test
    void badPeriodsAreRefusedNamingTheField() {
        office.get("/api/stats/bodies?from=2026-10-01&to=2026-09-01").isInvalid("from");
        office.get("/api/stats/bodies?from=yesterday&to=2026-09-01").isInvalid("from");
        office.get("/api/stats/bodies?from=2026-01-01&to=2026-13-01").isInvalid("to");
        assertThat(admin.get("/api/stats/bodies").status()).isEqualTo(403);
        assertThat(office.anonymous().get("/api/stats/bodies").status()).isEqualTo(401);
    }

    @Test
    void theAdministratorsWeightsAreANewVersionEachTimeAndTheRankingNamesThem() {
        Api.Response set = admin.exchange(org.springframework.http.HttpMethod.PUT, "/api/admin/ranking-weights",
                Map.of("ON_TIME", 50, "OVERDUE", 20, "SPEED", 10, "REPEATS", 10, "ESCALATIONS", 10));
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        int version = set.body().get("version").asInt();
        assertThat(version).isGreaterThan(1);
        assertThat(set.body().get("onTime").asInt()).isEqualTo(50);
        admin.exchange(org.springframework.http.HttpMethod.PUT, "/api/admin/ranking-weights",
                Map.of("ON_TIME", 101, "OVERDUE", 20, "SPEED", 10, "REPEATS", 10, "ESCALATIONS", 10)).isInvalid("onTime");
        assertThat(office.exchange(org.springframework.http.HttpMethod.PUT, "/api/admin/ranking-weights",
                Map.of("ON_TIME", 1, "OVERDUE", 1, "SPEED", 1, "REPEATS", 1, "ESCALATIONS", 1)).status()).isEqualTo(403);

        office.openCase("A33-04", body);
        JsonNode ranking = office.get("/api/stats/ranking?year=2026").body();
        assertThat(ranking.get("weights").get("version").asInt()).isEqualTo(version);
        JsonNode place = null;
        for (JsonNode p : ranking.get("bodies")) {
            if (p.get("orgCode").asText().equals(body)) {
                place = p;
            }
        }
        assertThat(place).isNotNull();
        // one case opened, nothing closed or overdue: every component full
        assertThat(place.get("components").get("ON_TIME").asDouble()).isEqualTo(100.0);
        assertThat(place.get("score").asDouble()).isEqualTo(100.0);
        assertThat(respondent.get("/api/stats/ranking?year=2026").status()).isEqualTo(403);
    }

    private JsonNode bodyFigures(Api reader, String from, String to) {
        Api.Response r = reader.get("/api/stats/bodies?from=" + from + "&to=" + to);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        for (JsonNode row : r.body()) {
            if (row.get("orgCode").asText().equals(body)) {
                return row;
            }
        }
        throw new AssertionError("no figures of " + body + " in " + r.text());
    }
}
