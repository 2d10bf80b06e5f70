package org.readiness.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import org.readiness.config.ReadinessConfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Ready only while the database takes writes. The datasource check only opens a connection, and in issue 15 reads
 * worked while every write failed, so readiness said UP throughout. Two signals:
 * <ul>
 * <li>a probe write: in a transaction of its own that is always rolled back, an organisation, an assessment made
 * DRAFT then SUBMITTED (the very statement that failed in the report) and an answer, through every constraint of
 * those tables. It runs when a readiness call finds its last result older than the probe interval, and at once
 * after a request met an unexpected database error;</li>
 * <li>requests answered 503 for a database error: that many within the window make readiness DOWN even when the
 * probe passes (a fault of a table the probe does not write). They age out of the window, so the instance is
 * tried again once the balancer has sent no traffic for a while.</li>
 * </ul>
 * Nothing the probe writes is ever committed; its ids (-1, a random UUID) are never given to real rows.
 */
@Readiness
@ApplicationScoped
public class DatabaseWritesCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseWritesCheck.class);
    private static final String NAME = "database-writes";
    // Given explicitly, so that a probe does not use up identity values (a rolled-back insert would).
    private static final long PROBE_ORGANISATION = -1;
    private static final long PROBE_ANSWER = -1;
    private static final int PROBE_TIMEOUT_SECONDS = 5;

    /** The result of one probe write: the SQL state and message when it failed. */
    record Probe(Instant at, String failure) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReadinessConfig config;

    private final Deque<Instant> failures = new ConcurrentLinkedDeque<>();
    private volatile boolean failedSinceProbe;
    private Probe last;

    /** A request met an unexpected database error (or found the database out of reach). Never waits for a probe. */
    public void failed(boolean unexpected) {
        failedSinceProbe = true;
        // Only errors of a database that answers fill the window: a lock wait or a full pool under a burst of load
        // would otherwise take every instance out of the balancer at once. One out of reach is the probe's to find.
        if (unexpected) {
            failures.addLast(Instant.now());
            trim(Instant.now());
        }
    }

    @Override
    public synchronized HealthCheckResponse call() {
        Instant now = Instant.now();
        if (last == null || failedSinceProbe || last.at().plus(config.databaseHealth().probeInterval()).isBefore(now)) {
            failedSinceProbe = false;
            last = probe();
        }
        trim(now);
        int threshold = config.databaseHealth().failureThreshold();
        var response = HealthCheckResponse.named(NAME)
                .withData("probedAt", last.at().toString())
                .withData("recentFailures", failures.size());
        if (last.failure() != null) {
            return response.down().withData("probe", last.failure()).build();
        }
        if (failures.size() >= threshold) {
            return response.down().withData("probe", "passed, but " + failures.size()
                    + " requests met a database error in the last " + config.databaseHealth().failureWindow()).build();
        }
        return response.up().withData("probe", "passed").build();
    }

    private void trim(Instant now) {
        Instant since = now.minus(config.databaseHealth().failureWindow());
        for (Instant first = failures.peekFirst(); first != null && first.isBefore(since); first = failures.peekFirst()) {
            failures.remove(first);
        }
    }

    private Probe probe() {
        Instant now = Instant.now();
        Timestamp at = Timestamp.from(now);
        UUID assessment = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                update(c, "INSERT INTO organisation (id, code, name, type, created_by, created_at) VALUES (?, 'PROBE', "
                        + "'Readiness probe', 'OTHER', 'readiness-probe', ?)", PROBE_ORGANISATION, at);
                update(c, "INSERT INTO assessment (id, organisation_id, questionnaire_id, questionnaire_version, period, "
                        + "status, row_version, created_by, created_at, updated_at) VALUES (?, ?, 'probe', 1, 'probe', "
                        + "'DRAFT', 0, 'readiness-probe', ?, ?)", assessment, PROBE_ORGANISATION, at, at);
                update(c, "INSERT INTO assessment_answer (id, assessment_id, question, kind, scale_value) VALUES (?, ?, "
                        + "'PROBE', 'SCORED', 1)", PROBE_ANSWER, assessment);
                update(c, "UPDATE assessment SET status = 'SUBMITTED', submitted_at = ?, submitted_by = 'readiness-probe', "
                        + "row_version = 1 WHERE id = ?", at, assessment);
                return new Probe(now, null);
            } finally {
                c.rollback();
            }
        } catch (SQLException | RuntimeException e) {
            // The health endpoint is open: it shows the SQL state only; the log has the whole error.
            String state = e instanceof SQLException sql ? "SQL state " + sql.getSQLState() : e.getClass().getSimpleName();
            LOG.warn("The database refused the readiness probe write (" + state + ")", e);
            return new Probe(now, "failed: " + state);
        }
    }

    private static void update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setQueryTimeout(PROBE_TIMEOUT_SECONDS);
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }
}
