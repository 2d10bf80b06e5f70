package org.readiness.persistence;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PersistenceException;
import org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException;
import org.h2.jdbc.JdbcSQLNonTransientConnectionException;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.readiness.persistence.DatabaseFaults.Failure;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which failures are the database's (503 with Retry-After: out of reach, or an unexpected error) and which the service's (500). */
class DatabaseFaultsTest {

    /** A database that answers, so that only the failure's own code decides. */
    private final DatabaseFaults faults = new DatabaseFaults() {
        @Override
        boolean reachable() {
            return true;
        }
    };

    @Test
    void aLockNotGrantedInTimeIsARetry() {
        // H2 under a burst of writes queued on the audit chain's head row (seen in ShutdownIT before LOCK_TIMEOUT)
        assertTrue(faults.unavailable(new LockTimeoutException("could not lock",
                new SQLException("Timeout trying to lock table \"AUDIT_HEAD\"", "HYT00", 50200))));
        assertTrue(faults.unavailable(new PersistenceException(new SQLException("canceling statement due to lock timeout", "55P03"))));
    }

    @Test
    void aLostConnectionIsARetry() {
        assertTrue(faults.unavailable(new PersistenceException(new SQLException("connection refused", "08001"))));
    }

    @Test
    void aConstraintViolationOnAReachableDatabaseIsNot() {
        assertFalse(faults.unavailable(new PersistenceException(new SQLException("duplicate key", "23505"))));
        assertFalse(faults.unavailable(new IllegalStateException("not from the database")));
    }

    /** Issue 15: H2's check-invalid carried "database closed" (of the session that compiled the check) as its cause. */
    @Test
    void h2FailingToEvaluateACheckIsAnUnexpectedErrorNotAnOutage() {
        var closed = new JdbcSQLNonTransientConnectionException("The database has been closed", null, "90098", 90098, null, null);
        var invalid = new JdbcSQLIntegrityConstraintViolationException("Check constraint invalid: \"ASSESSMENT_STATUS_CK: \"",
                "update assessment set status=?", "23514", 23514, closed, null);
        assertEquals(Failure.UNEXPECTED, faults.classify(new ConstraintViolationException("could not execute statement",
                invalid, "update assessment set status=?")));
    }

    @Test
    void errorsOfADatabaseThatAnswersAreUnexpected() {
        // a trigger raising (PostgreSQL), a read-only transaction, a full disk, H2's general error
        for (String state : new String[]{"P0001", "25006", "53100", "HY000", "XX000"}) {
            assertEquals(Failure.UNEXPECTED, faults.classify(new PersistenceException(new SQLException("x", state))), state);
        }
    }

    @Test
    void refusalsOfWhatTheServiceSentStayItsOwnFault() {
        // PostgreSQL's 23514 is a check that is false, unlike H2's; a value too long; an unknown table; a bug
        for (String state : new String[]{"23514", "23502", "23503", "22001", "42P01", "0A000"}) {
            assertEquals(Failure.NONE, faults.classify(new PersistenceException(new SQLException("x", state))), state);
        }
        assertEquals(Failure.NONE, faults.classify(new IllegalStateException("not from the database")));
        assertEquals(Failure.NONE, faults.classify(new org.hibernate.LazyInitializationException("no session")));
    }
}
