package io.rectify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.rectify.audit.AuditVerifier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;

/**
 * The production setup on PostgreSQL: Flyway runs as the schema owner, the application as a
 * role of its own. The whole application works with the grants migration 8 gives that role,
 * and the role can add audit entries but cannot change, delete or truncate them. Runs in the
 * JVM of the tests that start applications of their own (see the pom).
 */
@Tag(TestDatabase.POSTGRES_ONLY)
class DatabaseRolesTests {

    @Test
    void theApplicationRoleAppendsToTheAuditRecordButCannotChangeOrDeleteIt() throws Exception {
        Map<String, String> database = TestDatabase.fresh();
        String url = database.get("spring.datasource.url");
        String owner = database.get("spring.datasource.username");
        String app = ("rectify_app_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        execute(url, owner, "create role " + app + " login");
        try {
            Map<String, Object> properties = new HashMap<>(database);
            properties.put("spring.datasource.username", app);
            properties.put("spring.flyway.user", owner);
            properties.put("spring.flyway.password", "");
            properties.put("server.port", "0");
            properties.put("rectify.data-dir", "target/test-data");
            properties.put("camunda.bpm.job-execution.enabled", "false");
            String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new);
            // the default profile: the demo data is seeded, and a case opened, by the application role alone
            try (ConfigurableApplicationContext running = new SpringApplicationBuilder(RectifyApplication.class).run(arguments)) {
                String base = "http://localhost:" + running.getEnvironment().getProperty("local.server.port");
                ResponseEntity<String> opened = new TestRestTemplate(new RestTemplateBuilder()
                        // the JDK's client: the HTML checker's Jetty on the test classpath would otherwise be chosen
                        .requestFactoryBuilder(ClientHttpRequestFactoryBuilder.jdk()), "jx.office", "Demo@2026").postForEntity(base + "/api/cases",
                        Map.of("categoryCode", "A33-02", "respondentOrgCode", "NC-EDU", "title", "备案",
                                "description", "未按要求备案", "source", "MANUAL"), String.class);
                assertThat(opened.getStatusCode().value()).as(opened.getBody()).isEqualTo(201);
                assertThat(running.getBean(AuditVerifier.class).verify("tester").intact()).isTrue();
            }

            execute(url, app, "insert into audit_entry (seq, occurred_at, actor, action, prev_hash, hash)"
                    + " values (1000000, now(), 'tester', 'TEST_EVENT', '" + "0".repeat(64) + "', '" + "0".repeat(64) + "')");
            assertThatThrownBy(() -> execute(url, app, "update audit_entry set detail = 'changed' where seq = 1"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> execute(url, app, "delete from audit_entry where seq = 1"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> execute(url, app, "truncate audit_entry"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> execute(url, app, "delete from audit_chain_head"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> execute(url, app, "update audit_chain_head set last_seq = 0"))
                    .hasMessageContaining("only moves forward");
            assertThatThrownBy(() -> execute(url, app, "delete from flyway_schema_history"))
                    .hasMessageContaining("permission denied");
        } finally {
            String admin = url.substring(0, url.lastIndexOf('/')) + "/postgres";
            execute(admin, owner, "drop database if exists " + url.substring(url.lastIndexOf('/') + 1) + " with (force)");
            execute(admin, owner, "drop role if exists " + app);
        }
    }

    private static void execute(String url, String user, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
