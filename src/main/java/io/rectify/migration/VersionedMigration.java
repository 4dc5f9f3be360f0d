package io.rectify.migration;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A migration written in Java, beside the SQL ones of {@code migrations/} (both databases) and
 * {@code migrations/postgresql/} (PostgreSQL only), for what SQL cannot say: the engine's own
 * scripts, a check constraint each database names its own way, hashes computed over existing
 * rows. {@code migrations/README.md} lists which version is where. Each names its version,
 * description and checksum once; each runs in Flyway's transaction. A migration that has run
 * keeps all three, and stays Java: Flyway refuses to start on a database whose history says
 * otherwise.
 * <p>
 * A module of its own with no dependency, so that every module may keep its migrations inside.
 */
public abstract class VersionedMigration implements JavaMigration {

    private final MigrationVersion version;
    private final String description;
    private final int checksum;

    protected VersionedMigration(String version, String description, int checksum) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
        this.checksum = checksum;
    }

    @Override
    public final MigrationVersion getVersion() {
        return version;
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return checksum;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }
}
