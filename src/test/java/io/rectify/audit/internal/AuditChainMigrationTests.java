package io.rectify.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Map;

import io.rectify.TestDatabase;
import io.rectify.audit.AuditHash;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;

/** Migration 8 on a database that already has audit entries: they are chained in the order they were written. */
class AuditChainMigrationTests {

    @Test
    void entriesWrittenBeforeTheChainAreChainedInTheirOrder() throws Exception {
        Map<String, String> db = TestDatabase.fresh();
        String url = db.get("spring.datasource.url");
        String user = db.get("spring.datasource.username");
        String password = db.get("spring.datasource.password");
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target("6").load().migrate();
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            try (Statement s = c.createStatement()) {
                s.execute("insert into audit_entry (occurred_at, actor, action, case_id, detail) values"
                        + " (timestamp with time zone '2026-01-05 09:00:00.123456+08:00', 'jx.office', 'CASE_OPENED', 'c1', '立案'),"
                        + " (timestamp with time zone '2026-01-05 09:01:00+08:00', 'system', 'CASE_CLOSED', 'c1', null)");
            }
            JdbcConnectionDetails details = new JdbcConnectionDetails() {
                @Override
                public String getUsername() {
                    return user;
                }

                @Override
                public String getPassword() {
                    return password;
                }

                @Override
                public String getJdbcUrl() {
                    return url;
                }
            };
            Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration")
                    .javaMigrations(new AuditChainMigration(details)).target("8").load().migrate();

            String previous = AuditHash.GENESIS;
            long sequence = 0;
            try (PreparedStatement read = c.prepareStatement("select seq, occurred_at, actor, action, case_id, detail,"
                    + " prev_hash, hash from audit_entry order by id"); ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    sequence++;
                    assertThat(rows.getLong(1)).isEqualTo(sequence);
                    assertThat(rows.getString(7)).isEqualTo(previous);
                    assertThat(rows.getString(8)).isEqualTo(AuditHash.of(sequence,
                            rows.getObject(2, OffsetDateTime.class).toInstant(), rows.getString(3), rows.getString(4),
                            rows.getString(5), rows.getString(6), previous));
                    previous = rows.getString(8);
                }
            }
            assertThat(sequence).isEqualTo(2);
            try (Statement s = c.createStatement(); ResultSet head = s.executeQuery("select last_seq, last_hash from audit_chain_head")) {
                assertThat(head.next()).isTrue();
                assertThat(head.getLong(1)).isEqualTo(2);
                assertThat(head.getString(2)).isEqualTo(previous);
            }
        }
    }
}
