package io.rectify.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.rectify.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/**
 * A list longer than one file may hold is refused with a 400 that says so, before anything is
 * written, never cut off; the limit is a setting (here 2 rows) and the refusal is in the caller's
 * language. (A context of its own: the limit of every other test is the default.)
 */
@TestPropertySource(properties = "rectify.export.max-rows=2")
class CaseExportLimitApiTests extends IntegrationTest {

    @Autowired
    TestRestTemplate rest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void moreRowsThanOneFileHoldsIsA400SayingSoNotATruncatedFile() {
        FreshBodies fresh = new FreshBodies(jdbc, passwords);
        String department = fresh.department("GZ");
        Api office = new Api(rest, fresh.user("SUPERVISOR", "GZ-GOV-OFFICE"));
        Api gz = new Api(rest, "gz.office");
        for (String category : new String[] {"A33-02", "A33-05", "A33-09"}) {
            gz.openCase(category, department);
        }

        for (String format : new String[] {"xlsx", "csv"}) {
            Api.Response refused = office.get("/api/cases/export?format=" + format + "&respondentOrgCode=" + department)
                    .isInvalid("rows");
            assertThat(refused.body().get("errors").get(0).get("message").asText())
                    .contains("超过单个文件的上限", "2").contains("缩小范围");
        }
        assertThat(office.get("/api/cases/export?format=csv&respondentOrgCode=" + department + "&categoryCode=A33-05")
                .status()).as("two rows fit").isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'CASES_EXPORTED' and detail like ?",
                Long.class, "%respondentOrgCode=" + department + "%")).as("the export that happened, not the refused ones").isEqualTo(1);
    }
}
