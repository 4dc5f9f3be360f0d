package io.rectify.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import javax.sql.DataSource;

import io.rectify.IntegrationTest;
import io.rectify.TestDatabase;
import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Migration 16 and the setting it goes with: every job has a due date, so acquisition reads a bounded index range. */
class JobAcquisitionMigrationTests extends IntegrationTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theEngineGivesEveryNewJobADueDate() {
        assertThat(engine.getProcessEngineConfiguration().isEnsureJobDueDateNotNull())
                .isTrue();
    }

    @Test
    void aJobWrittenWithoutADueDateIsDueFromWhenItWasCreated() throws Exception {
        Timestamp created = Timestamp.from(Instant.parse("2026-03-02T01:30:00Z").truncatedTo(ChronoUnit.MILLIS));
        // retries 0: written for this test only, the job executor must not run it
        jdbc.update("""
                insert into act_ru_job (id_, rev_, type_, exclusive_, retries_, duedate_, handler_type_, suspension_state_,
                                        priority_, sequence_counter_, create_time_)
                values ('no-due-date', 1, 'message', true, 0, null, 'async-continuation', 1, 0, 1, ?)""", created);
        try (Connection connection = dataSource.getConnection()) {
            new JobAcquisitionMigration().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        } finally {
            Timestamp due = jdbc.queryForObject("select duedate_ from act_ru_job where id_ = 'no-due-date'", Timestamp.class);
            jdbc.update("delete from act_ru_job where id_ = 'no-due-date'");
            assertThat(due).isEqualTo(created);
        }
        assertThat(jdbc.queryForObject("select count(*) from act_ru_job where duedate_ is null", Long.class)).isZero();
    }

    @Test
    @Tag(TestDatabase.POSTGRES_ONLY)
    void postgresqlAnalyzesTheJobTableAfterEveryThousandChangedRows() {
        assertThat(jdbc.queryForObject("select array_to_string(reloptions, ',') from pg_class where relname = 'act_ru_job'",
                String.class)).contains("autovacuum_analyze_scale_factor=0", "autovacuum_analyze_threshold=1000");
    }
}
