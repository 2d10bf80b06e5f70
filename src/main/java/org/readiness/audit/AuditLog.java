package org.readiness.audit;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.readiness.identity.Stamp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The append-only, hash-chained audit log. {@link #append} joins the caller's transaction, so that a write and
 * its audit row are committed together or not at all. Appends lock the single row of audit_head first
 * (SELECT ... FOR UPDATE, on H2 and PostgreSQL), so concurrent writers take turns and the chain never forks.
 * There is no update or delete here, by design.
 */
@ApplicationScoped
public class AuditLog {

    public static final String GENESIS = "0".repeat(64);

    /**
     * Waiting on the head's FOR UPDATE, READ COMMITTED reads the head as the previous holder committed it, and the
     * UPDATE below then changes that same version. The hash input is Digests.row's: the fields joined by U+001F
     * (chr(31)), absent digests as empty text, the time as Java prints it.
     */
    private static final String APPEND_POSTGRES = """
            WITH head AS (SELECT last_id + 1 AS id, last_hash AS prev FROM audit_head WHERE id = 1 FOR UPDATE),
            given AS (SELECT CAST(:at AS TIMESTAMP WITH TIME ZONE) AS at, CAST(:atText AS VARCHAR) AS at_text,
                             CAST(:actor AS VARCHAR) AS actor, CAST(:action AS VARCHAR) AS action,
                             CAST(:target AS VARCHAR) AS target, CAST(:before AS VARCHAR) AS before_digest,
                             CAST(:after AS VARCHAR) AS after_digest),
            entry AS (
                INSERT INTO audit_log (id, at, actor, action, target, before_digest, after_digest, prev_hash, row_hash)
                SELECT h.id, g.at, g.actor, g.action, g.target, g.before_digest, g.after_digest, h.prev,
                       encode(sha256(convert_to(concat_ws(chr(31), CAST(h.id AS TEXT), g.at_text, g.actor, g.action, g.target,
                           coalesce(g.before_digest, ''), coalesce(g.after_digest, ''), h.prev), 'UTF8')), 'hex')
                FROM head h CROSS JOIN given g
                RETURNING id, prev_hash, row_hash)
            UPDATE audit_head SET last_id = entry.id, last_hash = entry.row_hash FROM entry WHERE audit_head.id = 1
            RETURNING entry.id, entry.prev_hash, entry.row_hash""";

    /** The database kind, fixed at build: PostgreSQL appends in one statement ({@link #APPEND_POSTGRES}), H2 in Java. */
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    /** What {@code GET /api/v1/audit/verify} reports. */
    public record Verification(boolean valid, long rows, Long brokenAt, String reason) {
    }

    /** A page of entries, newest first. */
    public record Page(List<AuditEntryView> items, int page, int size, long total) {
    }

    public record AuditEntryView(long id, Instant at, String actor, String action, String target,
                                 String beforeDigest, String afterDigest, String prevHash, String rowHash) {
        static AuditEntryView of(AuditEntry e) {
            return new AuditEntryView(e.id, e.at, e.actor, e.action, e.target, e.beforeDigest, e.afterDigest,
                    e.prevHash, e.rowHash);
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
        if ("postgresql".equals(dbKind)) {
            return appendInOneStatement(em, action, target, beforeDigest, afterDigest, stamp);
        }
        Object[] head = (Object[]) em.createNativeQuery("SELECT last_id, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .setFlushMode(FlushModeType.COMMIT).getSingleResult();
        long id = ((Number) head[0]).longValue() + 1;
        String prev = (String) head[1];
        AuditEntry e = entry(id, stamp, action, target, beforeDigest, afterDigest, prev,
                Digests.row(id, stamp.at(), stamp.by(), action, target, beforeDigest, afterDigest, prev));
        // Inserted by the flush at commit, with whatever else the caller left: the head and the row go together.
        em.persist(e);
        em.createNativeQuery("UPDATE audit_head SET last_id = ?1, last_hash = ?2 WHERE id = 1")
                .setFlushMode(FlushModeType.COMMIT).setParameter(1, id).setParameter(2, e.rowHash).executeUpdate();
        return e;
    }

    /**
     * The same append on PostgreSQL as one statement: lock the head, hash the row in SQL exactly as
     * {@link Digests#row} does (which {@link #verify} recomputes in Java), insert it, move the head. Under load the
     * head lock is held from here to the commit, and every round trip under it also waits for the holder's thread
     * to be scheduled again; one statement instead of three leaves the commit as the only other one.
     */
    private static AuditEntry appendInOneStatement(EntityManager em, String action, String target, String beforeDigest,
                                                   String afterDigest, Stamp stamp) {
        Object[] row = (Object[]) em.createNativeQuery(APPEND_POSTGRES)
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("at", stamp.at()).setParameter("atText", stamp.at().toString())
                .setParameter("actor", stamp.by()).setParameter("action", action).setParameter("target", target)
                .setParameter("before", beforeDigest).setParameter("after", afterDigest)
                .getSingleResult();
        return entry(((Number) row[0]).longValue(), stamp, action, target, beforeDigest, afterDigest, (String) row[1],
                (String) row[2]);
    }

    private static AuditEntry entry(long id, Stamp stamp, String action, String target, String beforeDigest,
                                    String afterDigest, String prevHash, String rowHash) {
        AuditEntry e = new AuditEntry();
        e.id = id;
        e.at = stamp.at();
        e.actor = stamp.by();
        e.action = action;
        e.target = target;
        e.beforeDigest = beforeDigest;
        e.afterDigest = afterDigest;
        e.prevHash = prevHash;
        e.rowHash = rowHash;
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

    /**
     * Recomputes the chain from the first row: each row must be numbered one after the previous, carry the
     * previous row's hash, and hash to what it holds; the head must name the last row. Reports the first row
     * that fails and why.
     */
    @Transactional
    public Verification verify() {
        EntityManager em = Panache.getEntityManager();
        long expectedId = 1;
        String prev = GENESIS;
        long rows = 0;
        int batch = 500;
        while (true) {
            List<AuditEntry> chunk = new ArrayList<>(em.createQuery(
                            "select e from AuditEntry e where e.id >= :from order by e.id", AuditEntry.class)
                    .setParameter("from", expectedId).setMaxResults(batch).getResultList());
            for (AuditEntry e : chunk) {
                if (e.id != expectedId) {
                    return new Verification(false, rows, e.id, "row " + expectedId + " is missing: rows are numbered "
                            + "without gaps and the next one found is " + e.id);
                }
                if (!prev.equals(e.prevHash)) {
                    return new Verification(false, rows, e.id, "prev_hash does not match the hash of row " + (e.id - 1));
                }
                String computed = Digests.row(e.id, e.at, e.actor, e.action, e.target, e.beforeDigest, e.afterDigest, e.prevHash);
                if (!computed.equals(e.rowHash)) {
                    return new Verification(false, rows, e.id, "row_hash does not match the row's contents: the row was changed");
                }
                prev = e.rowHash;
                expectedId++;
                rows++;
            }
            em.clear();
            if (chunk.size() < batch) {
                break;
            }
        }
        Object[] head = (Object[]) em.createNativeQuery("SELECT last_id, last_hash FROM audit_head WHERE id = 1")
                .getSingleResult();
        long lastId = ((Number) head[0]).longValue();
        if (lastId != rows || !prev.equals(head[1])) {
            return new Verification(false, rows, lastId == rows ? rows : Math.min(lastId, rows + 1),
                    "the chain head names row " + lastId + " but the log ends at row " + rows
                            + (lastId == rows ? " with another hash: the last row was changed" : ": rows were removed"));
        }
        return new Verification(true, rows, null, null);
    }
}
