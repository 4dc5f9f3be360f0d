package io.rectify.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures are the database out of reach (answered 503), and which are not (a bug or a rule: not 503). */
class DatabaseOutageTests {

    @Test
    void aTransactionThatCouldNotBeginForWantOfAConnectionIsAnOutage() {
        assertThat(DatabaseOutage.isOutage(new CannotCreateTransactionException("Could not open JPA EntityManager",
                new SQLTransientConnectionException("Connection is not available, request timed out after 3000ms"))))
                .isTrue();
    }

    @Test
    void theDriversConnectionFailuresWrappedByTheEngineAreAnOutage() {
        // PostgreSQL's SQLStates: 08006 a broken connection, 57P01 a backend ended by a shutdown
        for (String state : new String[] {"08006", "08001", "57P01"}) {
            assertThat(DatabaseOutage.isOutage(new ProcessEngineException("ENGINE-03004 Exception while executing",
                    new PersistenceException(new SQLException("An I/O error occurred", state))))).as(state).isTrue();
        }
    }

    @Test
    void aRefusedRowATimedOutLockOrABugIsNoOutage() {
        assertThat(DatabaseOutage.isOutage(new ProcessEngineException("insert refused",
                new PersistenceException(new SQLException("duplicate key value", "23505"))))).isFalse();
        assertThat(DatabaseOutage.isOutage(new DataIntegrityViolationException("not null"))).isFalse();
        assertThat(DatabaseOutage.isOutage(new QueryTimeoutException("canceling statement due to statement timeout")))
                .isFalse();
        assertThat(DatabaseOutage.isOutage(new IllegalStateException("a bug"))).isFalse();
    }
}
