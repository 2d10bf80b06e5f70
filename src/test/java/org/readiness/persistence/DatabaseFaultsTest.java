package org.readiness.persistence;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which database failures are a moment to retry (503 with Retry-After) rather than a fault (500). */
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
}
