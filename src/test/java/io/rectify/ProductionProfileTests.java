package io.rectify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.rectify.directory.AppUser;
import io.rectify.directory.AppUserRepository;
import io.rectify.directory.Role;
import org.junit.jupiter.api.Test;
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
