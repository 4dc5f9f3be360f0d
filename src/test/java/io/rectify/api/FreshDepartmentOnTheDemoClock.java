package io.rectify.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.rectify.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Deadline tests through the API: the Ganzhou office against a department of its own with no earlier
 * case, on the demo clock set to {@link #startsAt()} and given back to real time after each test.
 */
abstract class FreshDepartmentOnTheDemoClock extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    Api office;
    Api admin;
    /** a Ganzhou department with no earlier case, and its user */
    String body;
    Api respondent;

    /** The moment each test starts at, as the clock API takes it. */
    abstract String startsAt();

    @BeforeEach
    void freshDepartmentAtTheStart() {
        office = new Api(rest, "gz.office");
        admin = office.as("admin");
        body = new FreshBodies(jdbc, passwords).department("GZ");
        respondent = office.as(body.toLowerCase());
        setClock(startsAt());
    }

    @AfterEach
    void realTime() {
        assertThat(admin.delete("/api/admin/clock").status()).isEqualTo(200);
    }

    void setClock(String now) {
        Api.Response r = admin.post("/api/admin/clock", Map.of("now", now));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }
}
