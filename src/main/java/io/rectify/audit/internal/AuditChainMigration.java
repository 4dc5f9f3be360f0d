package io.rectify.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;

import io.rectify.audit.AuditHash;
import io.rectify.migration.VersionedMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.stereotype.Component;

/**
 * Migration 8: the audit record becomes a hash chain, and on PostgreSQL a wall around it.
 * <ul>
 * <li>every entry gets its sequence number, the previous entry's hash and its own (entries
 * written before this migration are chained here, in the order they were written), and one
 * head row says where the chain ends;</li>
 * <li>on PostgreSQL, triggers refuse UPDATE, DELETE and TRUNCATE of entries (whoever runs
 * them, the owner included, until the owner disables them) and let the head only move forward;</li>
 * <li>on PostgreSQL, when Flyway runs as the schema owner and the application as a role of its
 * own (src/docs/security.md, "Database roles"), that role gets what it needs and no more: read and write on
 * the application's and the engine's tables, now and in later migrations, but only SELECT and
 * INSERT on the audit entries, SELECT and UPDATE on the head, SELECT on Flyway's history.</li>
 * </ul>
 * The hashes are computed here in Java because H2 and PostgreSQL share no SHA-256 function.
 */
@Component
class AuditChainMigration extends VersionedMigration {

    private static final Logger log = LoggerFactory.getLogger(AuditChainMigration.class);

    private final String applicationRole;

    AuditChainMigration(JdbcConnectionDetails database) {
        super("8", "audit hash chain", 8_001);
        this.applicationRole = database.getUsername();
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        try (Statement sql = connection.createStatement()) {
            sql.execute("alter table audit_entry add column seq bigint");
            sql.execute("alter table audit_entry add column prev_hash varchar(64)");
            sql.execute("alter table audit_entry add column hash varchar(64)");
            String[] head = chainExistingEntries(connection);
            sql.execute("alter table audit_entry alter column seq set not null");
            sql.execute("alter table audit_entry alter column prev_hash set not null");
            sql.execute("alter table audit_entry alter column hash set not null");
            sql.execute("alter table audit_entry add constraint audit_entry_seq unique (seq)");
            sql.execute("create index audit_actor on audit_entry (actor, seq)");
            sql.execute("create index audit_action on audit_entry (action, seq)");
            sql.execute("create table audit_chain_head ("
                    + " id integer primary key constraint audit_chain_head_single check (id = 1),"
                    + " last_seq bigint not null,"
                    + " last_hash varchar(64) not null)");
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into audit_chain_head (id, last_seq, last_hash) values (1, ?, ?)")) {
                insert.setLong(1, Long.parseLong(head[0]));
                insert.setString(2, head[1]);
                insert.executeUpdate();
            }
            if (postgres) {
                appendOnlyTriggers(sql);
                applicationRoleGrants(connection, sql, context.getConfiguration().getTable());
            }
        }
    }

    /** Chains the entries already written, by id; returns the head's sequence and hash. */
    private static String[] chainExistingEntries(Connection connection) throws SQLException {
        long sequence = 0;
        String hash = AuditHash.GENESIS;
        try (Statement read = connection.createStatement();
             ResultSet rows = read.executeQuery(
                     "select id, occurred_at, actor, action, case_id, detail from audit_entry order by id");
             PreparedStatement update = connection.prepareStatement(
                     "update audit_entry set seq = ?, prev_hash = ?, hash = ? where id = ?")) {
            while (rows.next()) {
                sequence++;
                String previous = hash;
                hash = AuditHash.of(sequence, rows.getObject(2, OffsetDateTime.class).toInstant(), rows.getString(3),
                        rows.getString(4), rows.getString(5), rows.getString(6), previous);
                update.setLong(1, sequence);
                update.setString(2, previous);
                update.setString(3, hash);
                update.setLong(4, rows.getLong(1));
                update.addBatch();
            }
            update.executeBatch();
        }
        return new String[] {Long.toString(sequence), hash};
    }

    private static void appendOnlyTriggers(Statement sql) throws SQLException {
        sql.execute("create function audit_append_only() returns trigger language plpgsql as $$"
                + " begin raise exception 'audit records are append-only: % on % refused', tg_op, tg_table_name"
                + " using errcode = 'insufficient_privilege'; end $$");
        sql.execute("create trigger audit_entry_append_only before update or delete on audit_entry"
                + " for each row execute function audit_append_only()");
        sql.execute("create trigger audit_entry_no_truncate before truncate on audit_entry"
                + " for each statement execute function audit_append_only()");
        sql.execute("create function audit_head_forward_only() returns trigger language plpgsql as $$"
                + " begin if new.id <> old.id or new.last_seq <= old.last_seq then"
                + " raise exception 'the audit chain head only moves forward' using errcode = 'insufficient_privilege';"
                + " end if; return new; end $$");
        sql.execute("create trigger audit_chain_head_forward_only before update on audit_chain_head"
                + " for each row execute function audit_head_forward_only()");
        sql.execute("create trigger audit_chain_head_kept before delete on audit_chain_head"
                + " for each row execute function audit_append_only()");
        sql.execute("create trigger audit_chain_head_no_truncate before truncate on audit_chain_head"
                + " for each statement execute function audit_append_only()");
    }

    private void applicationRoleGrants(Connection connection, Statement sql, String flywayTable) throws SQLException {
        String owner;
        String schema;
        try (ResultSet rows = sql.executeQuery("select current_user, current_schema()")) {
            rows.next();
            owner = rows.getString(1);
            schema = quote(rows.getString(2));
        }
        if (applicationRole == null || applicationRole.equals(owner)) {
            log.warn("Flyway and the application share the database role {}: the audit record is guarded by its triggers"
                    + " only. In production let Flyway run as the schema owner (src/docs/security.md, \"Database roles\").", owner);
            return;
        }
        try (PreparedStatement role = connection.prepareStatement("select rolsuper from pg_roles where rolname = ?")) {
            role.setString(1, applicationRole);
            try (ResultSet found = role.executeQuery()) {
                if (!found.next()) {
                    throw new IllegalStateException("the application's database role " + applicationRole
                            + " does not exist: create it first (src/docs/security.md, \"Database roles\")");
                }
                if (found.getBoolean(1)) {
                    log.warn("the application's database role {} is a superuser: grants do not bind it", applicationRole);
                }
            }
        }
        String app = quote(applicationRole);
        sql.execute("grant usage on schema " + schema + " to " + app);
        sql.execute("grant select, insert, update, delete on all tables in schema " + schema + " to " + app);
        sql.execute("grant usage, select on all sequences in schema " + schema + " to " + app);
        // the tables of later migrations, created by the same owner
        sql.execute("alter default privileges in schema " + schema
                + " grant select, insert, update, delete on tables to " + app);
        sql.execute("alter default privileges in schema " + schema + " grant usage, select on sequences to " + app);
        sql.execute("revoke update, delete, truncate on audit_entry from " + app);
        sql.execute("revoke insert, delete, truncate on audit_chain_head from " + app);
        sql.execute("revoke insert, update, delete, truncate on " + quote(flywayTable) + " from " + app);
        log.info("database role {} may insert and read audit entries, never change or delete them", applicationRole);
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
