package io.rectify.system.web;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;

/**
 * The database out of reach (restarted, failing over, or every pooled connection busy): a request
 * that fails on it is answered 503 with {@code Retry-After}, not 500; its transaction, cut off,
 * commits nothing. Once the database answers again the node serves again by itself: the pool
 * (Hikari) opens new connections as they are asked for.
 * <p>
 * Which failure this is, is Spring's classification: through Spring's transactions, JDBC and JPA
 * it arrives translated (no transaction could begin, a resource failure); the engine's MyBatis
 * hands on the driver's {@link SQLException} as it is, which Spring's translator then classifies
 * by its JDBC subclass and SQLState (08 connection, 57P01 administrator shutdown, ...). Hikari's
 * {@code connection-timeout} (application.yml) bounds every wait for a connection, so no request
 * hangs while the database is away.
 * <p>
 * The outage and the return are logged once each: the first such failure starts a probe that
 * asks the pool for a valid connection every second, logs the outage when the pool cannot reach
 * the database, and the return when it can (a pool only busy is neither).
 */
@Component
class DatabaseOutage implements DisposableBean {

    /** A PostgreSQL restart or a failover takes seconds; a client asking again sooner adds load. */
    static final int RETRY_AFTER_SECONDS = 5;
    private static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
    private static final int VALID_WITHIN_SECONDS = 2;
    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);
    private static final SQLExceptionSubclassTranslator TRANSLATOR = new SQLExceptionSubclassTranslator();

    private final DataSource dataSource;
    private final ScheduledExecutorService probe = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "database-probe");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean probing = new AtomicBoolean();
    /** when the probe found the database out of reach; null while it is not (written by the probe alone) */
    private volatile Instant outageSince;

    DatabaseOutage(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Whether this failure is the database being out of reach; if so, the probe watches for its
     * return. A database failure of no telling kind counts when the database cannot be reached
     * now: the rollback of a transaction whose connection the server has just closed reports only
     * that the connection is closed, the failure that closed it is gone.
     */
    boolean noticed(Throwable failure) {
        if (!isOutage(failure) && !(isDatabaseFailure(failure) && !reachable())) {
            return false;
        }
        if (!probe.isShutdown() && probing.compareAndSet(false, true)) {
            probe.execute(this::probe);
        }
        return true;
    }

    static boolean isOutage(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof CannotCreateTransactionException || isResourceFailure(cause)
                    || cause instanceof SQLException sql && isResourceFailure(TRANSLATOR.translate("", null, sql))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDatabaseFailure(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLException || cause instanceof DataAccessException
                    || cause instanceof TransactionException) {
                return true;
            }
        }
        return false;
    }

    private boolean reachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALID_WITHIN_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean isResourceFailure(Throwable e) {
        return e instanceof DataAccessResourceFailureException || e instanceof TransientDataAccessResourceException
                || e instanceof RecoverableDataAccessException;
    }

    private void probe() {
        Throwable unreachable = null;
        boolean reachable = false;
        try (Connection connection = dataSource.getConnection()) {
            reachable = connection.isValid(VALID_WITHIN_SECONDS);
        } catch (SQLTransientConnectionException timedOut) {
            // the pool's wait ran out: with a cause the pool could not open a connection, without one it was only busy
            unreachable = timedOut.getCause();
        } catch (SQLException | RuntimeException e) {
            unreachable = e;
        }
        if (reachable) {
            Instant since = outageSince;
            if (since != null) {
                outageSince = null;
                log.warn("The database is reachable again after {} s: requests are served again",
                        Duration.between(since, Instant.now()).toSeconds());
            }
            probing.set(false);
            return;
        }
        if (unreachable != null && outageSince == null) {
            outageSince = Instant.now();
            log.error("The database cannot be reached ({}): requests are answered 503 until it returns",
                    rootMessage(unreachable));
        }
        probe.schedule(this::probe, PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    @Override
    public void destroy() {
        probe.shutdownNow();
    }
}
