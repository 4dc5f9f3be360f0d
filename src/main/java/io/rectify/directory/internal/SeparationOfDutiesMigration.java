package io.rectify.directory.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import io.rectify.migration.VersionedMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Migration 7: the three administrators of 三员分立 become roles of their own. The role check of
 * migration 2 was created without a name, and H2 and PostgreSQL name such a constraint
 * differently, so it is found by its clause and replaced by a named one.
 */
@Component
class SeparationOfDutiesMigration extends VersionedMigration {

    static final String ROLES = "'SUPERVISOR', 'RESPONDER', 'SUPERVISION', 'ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN'";

    SeparationOfDutiesMigration() {
        super("7", "separation of duties roles", ROLES.hashCode());
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            String oldCheck = null;
            try (ResultSet found = statement.executeQuery(
                    "select constraint_name from information_schema.check_constraints"
                            + " where check_clause like '%''RESPONDER''%'")) {
                if (found.next()) {
                    oldCheck = found.getString(1);
                }
            }
            if (oldCheck == null) {
                throw new IllegalStateException("the role check of app_user was not found");
            }
            statement.execute("alter table app_user drop constraint \"" + oldCheck + "\"");
            statement.execute("alter table app_user add constraint app_user_role check (role in (" + ROLES + "))");
        }
    }
}
