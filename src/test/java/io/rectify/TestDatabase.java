package io.rectify;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh database for each test application context: in-memory H2 by default, or a new
 * PostgreSQL database when the build runs with {@code -Drectify.test.db=postgres}
 * (server from {@code RECTIFY_TEST_PG}, default {@code 127.0.0.1:5432}, trust auth).
 * {@code .ci/run} drops the databases of earlier runs.
 */
public final class TestDatabase {

    /**
     * The tag of tests about what only PostgreSQL has (triggers, roles, grants): the H2 run leaves
     * them out (surefire's excludedGroups, see the pom) rather than skipping them; the PostgreSQL run has them.
     */
    public static final String POSTGRES_ONLY = "postgres-only";

    private TestDatabase() {
    }

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("rectify.test.db", "h2"));
    }

    public static void register(DynamicPropertyRegistry registry) {
        fresh().forEach((key, value) -> registry.add(key, () -> value));
    }

    /** The datasource properties of a new, empty database. */
    public static Map<String, String> fresh() {
        String name = "rectify_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        if (!postgres()) {
            return Map.of("spring.datasource.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", // as application.yml
                    "spring.datasource.username", "sa", "spring.datasource.password", "");
        }
        String server = System.getenv().getOrDefault("RECTIFY_TEST_PG", "127.0.0.1:5432");
        String user = System.getenv().getOrDefault("RECTIFY_TEST_PG_USER", "postgres");
        createPostgresDatabase(server, user, name);
        return Map.of("spring.datasource.url", "jdbc:postgresql://" + server + "/" + name,
                "spring.datasource.username", user, "spring.datasource.password", "");
    }

    private static void createPostgresDatabase(String server, String user, String name) {
        String admin = "jdbc:postgresql://" + server + "/postgres";
        try (Connection connection = DriverManager.getConnection(admin, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name.toLowerCase(Locale.ROOT));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database on " + server, e);
        }
    }
}
