package io.rectify.workflow.internal;

import java.sql.Connection;
import java.util.List;

import io.rectify.migration.VersionedMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Creates the Camunda 7.24 tables with the engine's own scripts, under Flyway's control, so
 * that the engine never changes the schema by itself ({@code database.schema-update: false}).
 * A later engine release adds a migration that runs the engine's own upgrade scripts.
 */
@Component
class EngineSchemaMigration extends VersionedMigration {

    private static final List<String> PARTS = List.of(
            "engine", "history", "identity", "case.engine", "case.history",
            "decision.engine", "decision.history");

    EngineSchemaMigration() {
        super("1", "Camunda engine 7.24 schema", 724);
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String database = databaseType(connection.getMetaData().getDatabaseProductName());
        for (String part : PARTS) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource(
                    "org/camunda/bpm/engine/db/create/activiti." + database + ".create." + part + ".sql"));
        }
    }

    private static String databaseType(String productName) {
        return switch (productName) {
            case "H2" -> "h2";
            case "PostgreSQL" -> "postgres";
            default -> throw new IllegalStateException("Rectify runs on H2 or PostgreSQL, not " + productName);
        };
    }
}
