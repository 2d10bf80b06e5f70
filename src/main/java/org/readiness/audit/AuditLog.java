package org.readiness.audit;

import org.readiness.persistence.Digests;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.readiness.config.ReadinessConfig;
import org.readiness.identity.Stamp;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The append-only, hash-chained audit log. {@link #append} joins the caller's transaction, so that a write and
 * its audit row are committed together or not at all. Appends lock the single row of audit_head first
 * (SELECT ... FOR UPDATE, on H2 and PostgreSQL), so concurrent writers take turns and the chain never forks.
 * Each row's hash is an HMAC under a key held outside the database ({@link AuditKeys}), so a database writer
 * cannot recompute the chain; {@link AuditVerifier} checks it. There is no update or delete here, by design.
 */
@ApplicationScoped
public class AuditLog {

    public static final String GENESIS = "0".repeat(64);

    /**
     * On PostgreSQL the row and the head's move are one statement (a round trip less under the head lock): the row
     * is inserted and the head names it. The hash was computed in Java, under the lock taken just before.
     */
    private static final String APPEND_POSTGRES = """
            WITH entry AS (
                INSERT INTO audit_log (id, at, actor, action, target, before_digest, after_digest, prev_hash, row_hash, key_id)
                VALUES (:id, CAST(:at AS TIMESTAMP WITH TIME ZONE), :actor, :action, :target, CAST(:before AS VARCHAR),
                        CAST(:after AS VARCHAR), :prev, :hash, :keyId))
            UPDATE audit_head SET last_id = :id, last_hash = :hash WHERE id = 1""";

    @Inject
    AuditKeys keys;

    @Inject
    ReadinessConfig config;

    /** Fired for every readiness.audit.publish-every-th row; AuditHead logs it once the row is committed. */
    @Inject
    Event<AuditHead.Head> published;

    /** The database kind, fixed at build: PostgreSQL appends in one statement ({@link #APPEND_POSTGRES}), H2 in Java. */
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    /** A page of entries, newest first. */
    public record Page(List<AuditEntryView> items, int page, int size, long total) {
    }

    public record AuditEntryView(long id, Instant at, String actor, String action, String target,
                                 String beforeDigest, String afterDigest, String prevHash, String rowHash, String keyId) {
        static AuditEntryView of(AuditEntry e) {
            return new AuditEntryView(e.id, e.at, e.actor, e.action, e.target, e.beforeDigest, e.afterDigest,
                    e.prevHash, e.rowHash, e.keyId);
        }
    }

    /**
     * Appends one row for a write, in the caller's transaction. {@code before} and {@code after} are the states
     * (any JSON-able object, null for none); only their sha-256 digests are stored.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry append(String action, String target, Object before, Object after, Stamp stamp) {
        // The digests first: the head row stays locked until commit, so every write of the service queues on it,
        // and only the chaining itself (numbering, previous hash, row hash) should happen while it is held.
        String beforeDigest = Digests.state(before);
        String afterDigest = Digests.state(after);
        EntityManager em = Panache.getEntityManager();
        // The caller's pending writes too, once: the statements below would otherwise each flush the whole
        // persistence context first (Hibernate does for native SQL), the later ones under the lock.
        em.flush();
        Object[] head = (Object[]) em.createNativeQuery("SELECT last_id, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .setFlushMode(FlushModeType.COMMIT).getSingleResult();
        long id = ((Number) head[0]).longValue() + 1;
        AuditEntry e = entry(id, stamp, action, target, beforeDigest, afterDigest, (String) head[1], keys.currentId());
        e.rowHash = keys.rowHash(e);
        if ("postgresql".equals(dbKind)) {
            em.createNativeQuery(APPEND_POSTGRES).setFlushMode(FlushModeType.COMMIT)
                    .setParameter("id", id).setParameter("at", stamp.at()).setParameter("actor", stamp.by())
                    .setParameter("action", action).setParameter("target", target).setParameter("before", beforeDigest)
                    .setParameter("after", afterDigest).setParameter("prev", e.prevHash).setParameter("hash", e.rowHash)
                    .setParameter("keyId", e.keyId).executeUpdate();
        } else {
            // Inserted by the flush at commit, with whatever else the caller left: the head and the row go together.
            em.persist(e);
            em.createNativeQuery("UPDATE audit_head SET last_id = ?1, last_hash = ?2 WHERE id = 1")
                    .setFlushMode(FlushModeType.COMMIT).setParameter(1, id).setParameter(2, e.rowHash).executeUpdate();
        }
        if (id % config.audit().publishEvery() == 0) {
            published.fire(new AuditHead.Head(id, e.rowHash));
        }
        return e;
    }

    private static AuditEntry entry(long id, Stamp stamp, String action, String target, String beforeDigest,
                                    String afterDigest, String prevHash, String keyId) {
        AuditEntry e = new AuditEntry();
        e.id = id;
        e.at = stamp.at();
        e.actor = stamp.by();
        e.action = action;
        e.target = target;
        e.beforeDigest = beforeDigest;
        e.afterDigest = afterDigest;
        e.prevHash = prevHash;
        e.keyId = keyId;
        return e;
    }

    /** Entries newest first, optionally from/to a time (inclusive/exclusive) and by one actor. */
    @Transactional
    public Page list(Instant from, Instant to, String actor, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (from != null) {
            where.append(" and e.at >= :from");
            parameters.put("from", from);
        }
        if (to != null) {
            where.append(" and e.at < :to");
            parameters.put("to", to);
        }
        if (actor != null) {
            where.append(" and e.actor = :actor");
            parameters.put("actor", actor);
        }
        EntityManager em = Panache.getEntityManager();
        var select = em.createQuery("select e from AuditEntry e" + where + " order by e.id desc", AuditEntry.class);
        var count = em.createQuery("select count(e) from AuditEntry e" + where, Long.class);
        parameters.forEach((k, v) -> {
            select.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<AuditEntryView> items = select.setFirstResult(page * size).setMaxResults(size).getResultStream()
                .map(AuditEntryView::of).toList();
        return new Page(items, page, size, count.getSingleResult());
    }
}
