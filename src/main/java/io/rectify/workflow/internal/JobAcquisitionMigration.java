package io.rectify.workflow.internal;

import java.sql.Connection;
import java.sql.Statement;

import io.rectify.migration.VersionedMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Migration 16, with {@code ensureJobDueDateNotNull} (application.yml): the job executor's
 * acquisition then asks for {@code DUEDATE_ <= now} alone, a bounded range of the due-date index
 * read in due order. Asked "due date is null or <= now", PostgreSQL could only walk the whole
 * index in order and filter: with a million pending timers and a few due, every acquisition read
 * them all. Jobs created before this setting may have no due date and would never be acquired,
 * so each gets the time it was created: it is due at once, as it was.
 * <p>
 * On PostgreSQL the job table is also analyzed after every 1,000 changed rows instead of after
 * a tenth of the table: the job table is a queue, and deadlines fall due in bursts (at the start
 * of a working day). With statistics of a table with nothing due, PostgreSQL planned each
 * acquisition for one row and read every due job to sort them: 2 ms per acquisition with 1,000
 * due, against 0.07 ms reading the first 16 in due order.
 */
@Component
class JobAcquisitionMigration extends VersionedMigration {

    JobAcquisitionMigration() {
        super("16", "job due dates never null, job table analyzed often", 16);
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("update act_ru_job set duedate_ = coalesce(create_time_, current_timestamp)"
                    + " where duedate_ is null");
            if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                statement.execute("alter table act_ru_job set (autovacuum_analyze_scale_factor = 0,"
                        + " autovacuum_analyze_threshold = 1000)");
            }
        }
    }
}
