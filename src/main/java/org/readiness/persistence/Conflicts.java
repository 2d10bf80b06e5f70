package org.readiness.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.LockAcquisitionException;
import org.readiness.problem.ProblemException;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns the ways a database refuses a write that raced with another (a stale version, a lock it could not
 * take, a unique key claimed meanwhile) into a 409 problem. Everything else stays an error: a bug must not
 * pass for a conflict.
 */
public final class Conflicts {

    /**
     * SQL states that mean "someone else got there first": unique violation (both databases), serialization
     * failure and deadlock (PostgreSQL), concurrent update and lock timeout (H2).
     */
    private static final Set<String> RACE_STATES = Set.of("23505", "40001", "40P01", "90131", "HYT00");

    private Conflicts() {
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, List.of());
    }

    /**
     * Runs {@code work} and flushes it inside the caller's transaction, so that a refused write surfaces
     * here as a 409 rather than at commit as a 500. The transaction is rolled back either way.
     */
    public static <T> T write(String conflictDetail, Supplier<T> work) {
        try {
            T result = work.get();
            Panache.getEntityManager().flush();
            return result;
        } catch (PersistenceException e) {
            if (isRace(e)) {
                throw conflict(conflictDetail);
            }
            throw e;
        }
    }

    static boolean isRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException
                    || t instanceof PessimisticLockException || t instanceof LockAcquisitionException) {
                return true;
            }
            if (t instanceof ConstraintViolationException c && RACE_STATES.contains(c.getSQLState())) {
                return true;
            }
            if (t instanceof SQLException sql && RACE_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
