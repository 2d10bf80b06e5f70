package org.readiness.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.exception.JDBCConnectionException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * Sorts a failure by what it says of the database: out of reach (stopped, restarting, connections cut, pool
 * exhausted), which clears by itself; an unexpected error of a database that answers (a check it cannot evaluate,
 * a read-only or full database, an error raised by a trigger), which is the database's state and not the request's;
 * or neither, a fault of the service (a refusal of data the service should have checked first, a wrong
 * statement, a bug outside the database). The first two are answered 503 with Retry-After and count against the
 * database-writes readiness check; the last stays a 500 that someone must look at.
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

    /**
     * H2's "Check constraint invalid": evaluating a check threw (in issue 15 a check compiled by a session since
     * closed, so it carried H2's "database closed" as its cause although the database was open). PostgreSQL
     * uses SQL state 23514 for a check that is merely false, so H2's is told by its vendor code.
     */
    private static final int H2_CHECK_CONSTRAINT_INVALID = 23514;

    /** What a failure says of the database. */
    public enum Failure {
        /** The database cannot be reached now. */
        UNAVAILABLE,
        /** The database answers but failed the statement for a reason of its own. */
        UNEXPECTED,
        /** Not the database's state: the service's own fault. */
        NONE
    }

    @Inject
    AgroalDataSource dataSource;

    /** True when {@code failure} came from the database and the database cannot be reached now. */
    public boolean unavailable(Throwable failure) {
        return classify(failure) == Failure.UNAVAILABLE;
    }

    public Failure classify(Throwable failure) {
        SQLException first = null;
        boolean fromDatabase = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof JDBCConnectionException) {
                return Failure.UNAVAILABLE;
            }
            if (t instanceof SQLException sql) {
                first = first == null ? sql : first;
                String state = sql.getSQLState();
                boolean connectionState = state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state));
                if (connectionState && !h2CheckInvalid(first)) {
                    return Failure.UNAVAILABLE;
                }
            }
            fromDatabase |= isDatabaseLayer(t);
        }
        if (!fromDatabase) {
            return Failure.NONE;
        }
        // Not a connection error by its code (a pool time-out, a rollback at commit): ask the database itself.
        if (!reachable()) {
            return Failure.UNAVAILABLE;
        }
        // A database-layer failure with no SQL error (mapping, lazy loading) is the service's own.
        return first == null || refusesTheData(first) ? Failure.NONE : Failure.UNEXPECTED;
    }

    /**
     * The database refused what the service sent: data it should have checked first (class 22 data exception,
     * class 23 integrity constraint but H2's check-invalid), a statement it cannot run (42 syntax or access rule,
     * 0A not supported). A conflict between racing writes never gets here: Conflicts makes it a 409.
     */
    private static boolean refusesTheData(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null || h2CheckInvalid(sql)) {
            return false;
        }
        return state.startsWith("22") || state.startsWith("23") || state.startsWith("42") || state.startsWith("0A");
    }

    private static boolean h2CheckInvalid(SQLException sql) {
        return sql.getErrorCode() == H2_CHECK_CONSTRAINT_INVALID && sql.getClass().getName().startsWith("org.h2.");
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
