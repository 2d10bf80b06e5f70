package org.readiness.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.exception.JDBCConnectionException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tells a failure caused by the database being out of reach (stopped, restarting, connections cut, pool
 * exhausted) from a fault of the service. The first is answered 503 with Retry-After and clears by itself;
 * the second stays a 500 that someone must look at.
 */
@ApplicationScoped
public class DatabaseFaults {

    /**
     * SQL states of a lost or refused connection: class 08 (connection exception) is matched by prefix; then
     * PostgreSQL's admin/crash shutdown and "cannot connect now", too many connections, a database not accepting
     * connections; H2's broken connection and closed database. Also a lock not granted in time (H2's HYT00,
     * PostgreSQL's 55P03 where lock_timeout is set): every write queues on the audit chain's head row, and a queue
     * too long for the wait is a moment to retry, not a fault of the request.
     */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300", "55000", "90067", "90098",
            "HYT00", "55P03");

    @Inject
    AgroalDataSource dataSource;

    /** True when {@code failure} came from the database and the database cannot be reached now. */
    public boolean unavailable(Throwable failure) {
        boolean fromDatabase = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
                    return true;
                }
            }
            fromDatabase |= isDatabaseLayer(t);
        }
        // Not a connection error by its code (a pool time-out, a rollback at commit): ask the database itself.
        return fromDatabase && !reachable();
    }

    private static boolean isDatabaseLayer(Throwable t) {
        String name = t.getClass().getName();
        return t instanceof SQLException || name.startsWith("jakarta.persistence.") || name.startsWith("org.hibernate.")
                || name.startsWith("jakarta.transaction.") || name.startsWith("io.agroal.")
                || name.startsWith("io.quarkus.narayana.");
    }

    boolean reachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }
}
