package org.readiness.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.readiness.problem.Refusal;
import org.readiness.identity.CurrentUser;
import org.readiness.identity.Stamp;
import org.readiness.problem.ProblemException;

/**
 * Audit rows and log lines for what changes no table but must still be accounted for: impact analyses, replays,
 * ruleset reloads and exports. The outcome is the last part of the action (ruleset.impact.done,
 * ruleset.impact.refused, assessment.replay.identical...), so a failed attempt leaves its row too. Each row is a
 * transaction of its own: there is no write for it to join.
 */
@ApplicationScoped
public class ActivityLog {

    private static final Logger LOG = Logger.getLogger(ActivityLog.class);
    private static final int MAX_TARGET = 200;

    @Inject
    AuditLog audit;

    @Inject
    CurrentUser user;

    /** Appends {@code action.outcome} on {@code target} and logs it; {@code before}/{@code after} are digested. */
    public void record(String action, String outcome, String target, Object before, Object after) {
        Stamp stamp = user.stamp();
        String entry = action + "." + outcome;
        String bounded = target.length() > MAX_TARGET ? target.substring(0, MAX_TARGET) : target;
        QuarkusTransaction.requiringNew().run(() -> audit.append(entry, bounded, before, after, stamp));
        LOG.infof("%s on %s by %s", entry, bounded, stamp.by());
    }

    /**
     * Records a failed attempt with the outcome its exception stands for, and hands the exception back to be
     * thrown. A failure to record is added to it rather than hiding it.
     */
    public RuntimeException failed(String action, String target, Object details, RuntimeException e) {
        try {
            record(action, outcome(e), target, null, details);
        } catch (RuntimeException notRecorded) {
            e.addSuppressed(notRecorded);
        }
        return e;
    }

    /** invalid (400), not-found (404), refused (a ruleset that cannot be used, 422), or failed. */
    static String outcome(RuntimeException e) {
        if (e instanceof Refusal) {
            return "refused";
        }
        if (e instanceof ProblemException p) {
            return switch (p.status()) {
                case 400 -> "invalid";
                case 404 -> "not-found";
                case 422 -> "refused";
                default -> "failed";
            };
        }
        return "failed";
    }
}
