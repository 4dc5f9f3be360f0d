package io.rectify.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import io.rectify.IntegrationTest;
import io.rectify.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Flyway reads the migrations of both databases and the folder of this database alone
 * (migrations/README.md), and nothing of another database's folder.
 */
class MigrationLocationsTests extends IntegrationTest {

    @Autowired
    Flyway flyway;

    @Test
    void theMigrationsAreThoseOfBothDatabasesAndOfThisDatabasesOwnFolder() {
        String vendor = TestDatabase.postgres() ? "postgresql" : "h2";
        assertThat(Arrays.stream(flyway.getConfiguration().getLocations()).map(Location::getDescriptor))
                .containsExactly("classpath:db/migration", "classpath:db/vendor/" + vendor);
        assertThat(Arrays.stream(flyway.info().applied()).map(MigrationInfo::getScript))
                .as("no migration of one database among those read for all")
                .noneMatch(script -> script.contains("/") || script.contains("postgresql"));
        assertThat(flyway.info().pending()).isEmpty();
    }
}
