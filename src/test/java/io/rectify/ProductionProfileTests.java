package io.rectify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.rectify.audit.AuditVerifyCommand;
import io.rectify.directory.AppUser;
import io.rectify.directory.AppUserRepository;
import io.rectify.directory.Role;
import io.rectify.system.security.InstallCommand;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The prod profile: nothing seeded, no clock control, and no start while a demo password remains.
 * These start applications of their own, so they run in a JVM of their own (see the pom): the
 * engine and the process application are registered once per JVM.
 */
class ProductionProfileTests {

    @Test
    void productionSeedsNothingAndHasNoClockControl() {
        Map<String, Object> database = new HashMap<>(TestDatabase.fresh());
        try (ConfigurableApplicationContext app = start("prod", database)) {
            AppUserRepository users = app.getBean(AppUserRepository.class);
            assertThat(users.count()).isZero();

            String password = "Cl0ck-Check!" + System.nanoTime();
            users.save(new AppUser("operator", app.getBean(PasswordEncoder.class).encode(password), "运维", Role.ADMIN,
                    null, Instant.now()));
            // the JDK's client: the HTML checker puts Jetty's on the test classpath, which would be chosen otherwise
            TestRestTemplate rest = new TestRestTemplate(new RestTemplateBuilder()
                    .requestFactoryBuilder(ClientHttpRequestFactoryBuilder.jdk()), "operator", password);
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            ResponseEntity<String> clock = rest.postForEntity(base + "/api/admin/clock",
                    Map.of("now", "2026-09-18T10:00:00+08:00"), String.class);
            assertThat(clock.getStatusCode().value()).isEqualTo(404);
            assertThat(rest.getForEntity(base + "/api/categories", String.class).getStatusCode().value()).isEqualTo(200);
        }
    }

    @Test
    void productionRefusesToStartWhileAnAccountHasTheDemoPassword() {
        Map<String, Object> database = new HashMap<>(TestDatabase.fresh());
        start("default", database).close();

        assertThatThrownBy(() -> start("prod", database).close())
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage())
                        .contains("demo password"));
    }

    @Test
    void installationCreatesTheRegionsAndTheThreeAdministratorsOnceWithOneTimePasswords() {
        Map<String, Object> database = new HashMap<>(TestDatabase.fresh());
        Installed first = install(database);

        assertThat(first.exitCode()).as(first.output()).isZero();
        Map<String, String> passwords = new HashMap<>();
        first.output().lines().map(String::strip).map(line -> line.split("\\s+"))
                .filter(words -> words.length == 2 && List.of("admin", "security", "auditor").contains(words[0]))
                .forEach(words -> passwords.put(words[0], words[1]));
        assertThat(passwords).containsOnlyKeys("admin", "security", "auditor");
        assertThat(first.output()).contains("12 region(s) added");

        Installed verified = command(database, AuditVerifyCommand.PROPERTY);
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("audit record");

        Installed again = install(database);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.output()).contains("already installed").doesNotContain(passwords.get("admin"));

        try (ConfigurableApplicationContext app = start("prod", database)) {
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            TestRestTemplate admin = client("admin", passwords.get("admin"));
            // a one-time password opens nothing but its own change
            assertThat(admin.getForEntity(base + "/api/admin/bodies", String.class).getStatusCode().value()).isEqualTo(403);
            String chosen = "Jiangxi-Ops-" + System.nanoTime();
            ResponseEntity<String> changed = admin.postForEntity(base + "/api/account/password",
                    Map.of("currentPassword", passwords.get("admin"), "newPassword", chosen), String.class);
            assertThat(changed.getStatusCode().is2xxSuccessful()).as(changed.getBody()).isTrue();
            ResponseEntity<String> created = client("admin", chosen).postForEntity(base + "/api/admin/bodies",
                    Map.of("code", "JJ-GOV-OFFICE", "nameZh", "九江市人民政府办公室", "nameEn", "General Office of Jiujiang",
                            "kind", "OFFICE", "regionCode", "JJ", "casePrefix", "九府办整改"), String.class);
            assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
            assertThat(client("security", passwords.get("security")).getForEntity(base + "/api/security/accounts",
                    String.class).getStatusCode().value()).isEqualTo(403);
        }
    }

    record Installed(int exitCode, String output) {
    }

    private static Installed install(Map<String, Object> database) {
        return command(database, InstallCommand.PROPERTY);
    }

    /** Runs a command of the jar as main would, on the prod profile, capturing what it prints. */
    private static Installed command(Map<String, Object> database, String property) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            Map<String, Object> properties = new HashMap<>(database);
            properties.put(property, "true");
            properties.put("rectify.data-dir", "target/test-data");
            String[] arguments = RectifyApplication.commandArguments(properties.entrySet().stream()
                    .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
            int exitCode = SpringApplication.exit(new SpringApplicationBuilder(RectifyApplication.class).profiles("prod")
                    .run(arguments));
            return new Installed(exitCode, printed.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static TestRestTemplate client(String username, String password) {
        return new TestRestTemplate(new RestTemplateBuilder()
                .requestFactoryBuilder(ClientHttpRequestFactoryBuilder.jdk()), username, password);
    }

    private static ConfigurableApplicationContext start(String profile, Map<String, Object> database) {
        Map<String, Object> properties = new HashMap<>(database);
        properties.put("server.port", "0");
        properties.put("rectify.data-dir", "target/test-data");
        properties.put("camunda.bpm.job-execution.enabled", "false");
        // as arguments, which outrank the profile's own settings (the prod datasource from the environment)
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(RectifyApplication.class).profiles(profile).run(arguments);
    }
}
