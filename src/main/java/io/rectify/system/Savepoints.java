package io.rectify.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A row that another transaction may be writing at the same moment (two nodes, the schedule and
 * a person): its unique key lets one in. On PostgreSQL a failed statement spoils the whole
 * transaction it is in, so within a transaction the write is tried behind a savepoint and only it
 * is undone; the transaction goes on as if it had come a moment later.
 */
public final class Savepoints {

    private Savepoints() {
    }

    /** Runs the write; false when a unique key refused it (the row is there already), the transaction intact. */
    public static boolean writeOnce(DataSource dataSource, Runnable write) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            try {
                write.run();
                return true;
            } catch (DuplicateKeyException there) {
                return false;
            }
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint before = connection.setSavepoint();
            try {
                write.run();
            } catch (DuplicateKeyException there) {
                connection.rollback(before);
                return false;
            }
            connection.releaseSavepoint(before);
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set or undo a savepoint: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
