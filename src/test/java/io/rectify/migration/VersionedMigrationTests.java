package io.rectify.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import io.rectify.IntegrationTest;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Java migrations keep the version, description and checksum they ran with: a database that
 * ran them refuses to start with any other (Flyway's validation), so these are fixed once landed.
 */
class VersionedMigrationTests extends IntegrationTest {

    @Autowired
    Flyway flyway;

    @Test
    void theJavaMigrationsKeepWhatTheyRanWith() {
        assertThat(Arrays.stream(flyway.info().applied())
                .filter(migration -> migration.getType().name().equals("JDBC")) // written in Java
                .map(VersionedMigrationTests::identity))
                .containsExactly(
                        "1 | Camunda engine 7.24 schema | 724",
                        "7 | separation of duties roles | 1694692407",
                        "8 | audit hash chain | 8001",
                        "9.1 | spring session tables | -1138502456",
                        "16 | job due dates never null, job table analyzed often | 16");
    }

    private static String identity(MigrationInfo migration) {
        return migration.getVersion() + " | " + migration.getDescription() + " | " + migration.getChecksum();
    }
}
