package io.rectify.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.rectify.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The case list read by one indexed query: the keyset cursor ({@code next} / {@code after})
 * returns every visible case once, newest first, the same sequence as the numbered pages; the
 * visibility rules hold on it; the inbox can be asked for its most urgent tasks only.
 */
class CaseListPagingApiTests extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    Api ncOffice;
    String body;
    Api department;
    List<String> opened = new ArrayList<>();

    @BeforeEach
    void setUp() {
        ncOffice = new Api(rest, "nc.office");
        body = new FreshBodies(jdbc, passwords).department("NC");
        department = ncOffice.as(body.toLowerCase());
        for (int i = 0; i < 7; i++) {
            opened.add(ncOffice.openCase("A33-0" + (i % 3 + 1), body).get("id").asText());
        }
    }

    @Test
    void theCursorReturnsEveryCaseOnceNewestFirstLikeTheNumberedPages() {
        List<JsonNode> byCursor = new ArrayList<>();
        JsonNode page = department.get("/api/cases?size=3").body();
        assertThat(page.get("total").asLong()).isEqualTo(7);
        assertThat(page.get("totalExact").asBoolean()).isTrue();
        while (true) {
            page.get("items").forEach(byCursor::add);
            if (page.get("next").isNull()) {
                break;
            }
            page = department.get("/api/cases?size=3&after=" + page.get("next").asText()).body();
            assertThat(page.get("total").asLong()).isEqualTo(7);
        }
        List<String> ids = byCursor.stream().map(c -> c.get("id").asText()).toList();
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(opened);
        for (int i = 1; i < byCursor.size(); i++) {
            assertThat(OffsetDateTime.parse(byCursor.get(i).get("createdAt").asText()))
                    .isBeforeOrEqualTo(OffsetDateTime.parse(byCursor.get(i - 1).get("createdAt").asText()));
        }

        List<String> byNumber = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            department.get("/api/cases?size=3&page=" + p).body().get("items").forEach(c -> byNumber.add(c.get("id").asText()));
        }
        assertThat(byNumber).isEqualTo(ids);
        assertThat(department.get("/api/cases?size=3&page=3").body().get("items")).isEmpty();
    }

    @Test
    void theCursorKeepsTheFilters() {
        List<String> seen = new ArrayList<>();
        String url = "/api/cases?size=1&categoryCode=A33-01";
        JsonNode page = department.get(url).body();
        while (true) {
            page.get("items").forEach(c -> {
                assertThat(c.get("categoryCode").asText()).isEqualTo("A33-01");
                seen.add(c.get("id").asText());
            });
            if (page.get("next").isNull()) {
                break;
            }
            page = department.get(url + "&after=" + page.get("next").asText()).body();
        }
        assertThat(seen).hasSize(3).doesNotHaveDuplicates(); // cases 0, 3 and 6
    }

    @Test
    void aDepartmentSeesOnlyItsOwnAndACityOfficeOnlyItsCity() {
        String elsewhere = new FreshBodies(jdbc, passwords).department("GZ");
        String gzCase = ncOffice.as("gz.office").openCase("A33-01", elsewhere).get("id").asText();

        for (JsonNode c : all(department)) {
            assertThat(c.get("respondentOrgCode").asText()).isEqualTo(body);
        }
        List<JsonNode> nc = all(ncOffice);
        assertThat(nc).extracting(c -> c.get("id").asText()).contains(opened.get(0)).doesNotContain(gzCase);
        for (JsonNode c : nc) {
            String region = jdbc.queryForObject("select region_code from organization where code = ?", String.class,
                    c.get("respondentOrgCode").asText());
            assertThat(region).isEqualTo("NC");
        }
        assertThat(all(ncOffice.as("gz.office"))).extracting(c -> c.get("id").asText())
                .contains(gzCase).doesNotContainAnyElementsOf(opened);
        assertThat(all(ncOffice.as(elsewhere.toLowerCase()))).extracting(c -> c.get("id").asText()).containsExactly(gzCase);
        // supervision sees escalated cases only; none of these is
        assertThat(all(ncOffice.as("nc.supervision"))).extracting(c -> c.get("id").asText())
                .doesNotContainAnyElementsOf(opened);
        assertThat(all(ncOffice.as("admin"))).isEmpty();
    }

    @Test
    void aBadCursorOrInboxSizeIsAClear400() {
        department.get("/api/cases?after=not-a-cursor").isInvalid("after");
        department.get("/api/tasks?size=0").isInvalid("size");
    }

    @Test
    void theInboxCanBeAskedForItsMostUrgentTasksOnly() {
        JsonNode every = ncOffice.get("/api/tasks").body();
        assertThat(every.size()).isGreaterThanOrEqualTo(7);
        JsonNode first = ncOffice.get("/api/tasks?size=2").body();
        assertThat(first).hasSize(2);
        assertThat(first.get(0)).isEqualTo(every.get(0));
        assertThat(first.get(1)).isEqualTo(every.get(1));
    }

    /** Every case the user may see, through the cursor. */
    private static List<JsonNode> all(Api user) {
        List<JsonNode> found = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        JsonNode page = user.get("/api/cases?size=100").body();
        for (int guard = 0; guard < 100; guard++) {
            page.get("items").forEach(c -> {
                assertThat(ids.add(c.get("id").asText())).as("each case once").isTrue();
                found.add(c);
            });
            if (page.get("next").isNull()) {
                return found;
            }
            page = user.get("/api/cases?size=100&after=" + page.get("next").asText()).body();
        }
        throw new AssertionError("more than 10,000 cases");
    }
}
