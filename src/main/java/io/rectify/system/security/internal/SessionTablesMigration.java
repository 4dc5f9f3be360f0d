package io.rectify.system.security.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.Locale;

import io.rectify.migration.VersionedMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Migration 9.1: the tables of Spring Session JDBC, from the schema script shipped inside the
 * spring-session-jdbc jar for this database (H2 or PostgreSQL), so that Flyway owns them like
 * every other table ({@code spring.session.jdbc.initialize-schema: never}).
 */
@Component
class SessionTablesMigration extends VersionedMigration {

    private static final String SCRIPT = "org/springframework/session/jdbc/schema-%s.sql";

    SessionTablesMigration() {
        super("9.1", "spring session tables", SCRIPT.hashCode());
    }

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        String platform = product.contains("postgres") ? "postgresql" : product.contains("h2") ? "h2" : null;
        if (platform == null) {
            throw new IllegalStateException("no Spring Session schema for the database " + product);
        }
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : script(platform).split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
    }

    private static String script(String platform) throws IOException {
        String path = String.format(SCRIPT, platform);
        try (InputStream in = SessionTablesMigration.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is not on the class path (spring-session-jdbc)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
