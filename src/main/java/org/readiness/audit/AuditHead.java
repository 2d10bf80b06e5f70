package org.readiness.audit;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Publishes the head of the audit chain (the last row's number and hash) where a database writer cannot rewrite
 * it: the log, at start, after every readiness.audit.publish-every rows and at shutdown, and
 * {@code GET /api/v1/audit/head} for an outside monitor. A head kept elsewhere pins the chain: verification
 * against it ({@code GET /api/v1/audit/verify?sequence=&hash=}) finds rows removed from the end, which the chain
 * alone cannot show. The hash is an HMAC; the key is never logged.
 */
@ApplicationScoped
public class AuditHead {

    private static final Logger LOG = Logger.getLogger(AuditHead.class);

    /** The last row's number (0 for an empty log) and hash. */
    public record Head(long sequence, String hash) {
    }

    @Transactional
    public Head current() {
        Object[] head = (Object[]) Panache.getEntityManager()
                .createNativeQuery("SELECT last_id, last_hash FROM audit_head WHERE id = 1").getSingleResult();
        return new Head(((Number) head[0]).longValue(), (String) head[1]);
    }

    /** Only once the row is committed: a head that was rolled back would never verify. */
    void appended(@Observes(during = TransactionPhase.AFTER_SUCCESS) Head head) {
        log(head, "after " + head.sequence() + " rows");
    }

    void onStart(@Observes StartupEvent event) {
        log(current(), "at start");
    }

    void onStop(@Observes ShutdownEvent event) {
        try {
            log(current(), "at shutdown");
        } catch (RuntimeException e) {
            // A database that is gone at shutdown must not turn a clean stop into a failed one.
            LOG.warnf("Audit chain head not read at shutdown: %s", e.getMessage());
        }
    }

    private static void log(Head head, String when) {
        LOG.infof("Audit chain head %s: sequence=%d hash=%s", when, head.sequence(), head.hash());
    }
}
