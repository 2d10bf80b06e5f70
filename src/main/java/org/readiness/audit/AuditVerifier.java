package org.readiness.audit;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recomputes the audit chain and holds the users to it. Each row must be numbered one after the previous, carry
 * the previous row's hash, and hash to what it holds under the key it names (rows from before V7: plain sha-256,
 * and only before the first keyed row, so that keyed rows cannot be rewritten as unkeyed ones); the head must name
 * the last row; a published head, when given, must be in the chain. Then every user in app_user must be as its
 * last audited create or change left it: roles (or organisation, or password) set behind the service's back, a
 * user added or removed in SQL, are reported by name.
 */
@ApplicationScoped
public class AuditVerifier {

    private static final int BATCH = 500;

    @Inject
    AuditKeys keys;

    @Inject
    AuditedUsers users;

    /** What {@code GET /api/v1/audit/verify} reports. {@code unkeyedRows}: rows from before V7 at the start. */
    public record Verification(boolean valid, long rows, Long brokenAt, String reason, long unkeyedRows,
                               List<UserDisagreement> users) {
    }

    /** A user whose row in app_user is not what the audited history says. */
    public record UserDisagreement(String username, String reason) {
    }

    /** A record's last audited state: the digest and the row it is in. */
    public record Audited(String digest, long row) {
    }

    @Transactional
    public Verification verify(Optional<AuditHead.Head> published) {
        EntityManager em = Panache.getEntityManager();
        long expected = 1;
        String prev = AuditLog.GENESIS;
        long unkeyed = 0;
        boolean locked = false;
        Map<String, Audited> lastAudited = new LinkedHashMap<>();
        while (true) {
            List<AuditEntry> chunk = em.createQuery("select e from AuditEntry e where e.id >= :from order by e.id",
                    AuditEntry.class).setParameter("from", expected).setMaxResults(BATCH).getResultList();
            for (AuditEntry e : chunk) {
                long rows = expected - 1;
                String problem = problem(e, expected, prev, unkeyed < rows, published);
                if (problem != null) {
                    return broken(rows, e.id, problem, unkeyed);
                }
                if (e.keyId == null) {
                    unkeyed++;
                }
                if (e.action.startsWith(AuditedUsers.ACTION_PREFIX) && e.target.startsWith(AuditedUsers.TARGET_PREFIX)) {
                    lastAudited.put(e.target.substring(AuditedUsers.TARGET_PREFIX.length()), new Audited(e.afterDigest, e.id));
                }
                prev = e.rowHash;
                expected++;
            }
            em.clear();
            if (chunk.size() == BATCH) {
                continue;
            }
            if (locked) {
                break;
            }
            // At the end, the head is locked and the rest read again: no write can then land between the last row
            // read, the head and the users, which would otherwise show as rows removed or users changed.
            em.createNativeQuery("SELECT last_id FROM audit_head WHERE id = 1 FOR UPDATE").getSingleResult();
            locked = true;
        }
        long rows = expected - 1;
        if (published.isPresent() && published.get().sequence() > rows) {
            return broken(rows, rows + 1, "the log ends at row " + rows + " but the published head is row "
                    + published.get().sequence() + ": rows were removed", unkeyed);
        }
        if (published.isPresent() && published.get().sequence() == 0 && !AuditLog.GENESIS.equals(published.get().hash())) {
            return broken(rows, 0L, "the hash of head 0 is 64 zeros", unkeyed);
        }
        Object[] head = (Object[]) em.createNativeQuery("SELECT last_id, last_hash FROM audit_head WHERE id = 1")
                .getSingleResult();
        long lastId = ((Number) head[0]).longValue();
        if (lastId != rows || !prev.equals(head[1])) {
            return broken(rows, lastId == rows ? rows : Math.min(lastId, rows + 1), "the chain head names row " + lastId
                    + " but the log ends at row " + rows
                    + (lastId == rows ? " with another hash: the last row was changed" : ": rows were removed"), unkeyed);
        }
        List<UserDisagreement> disagreements = users.disagreements(em, lastAudited);
        if (!disagreements.isEmpty()) {
            return new Verification(false, rows, null, disagreements.size() + " user(s) disagree with the audited "
                    + "history: changed in the database behind the service's back", unkeyed, disagreements);
        }
        return new Verification(true, rows, null, null, unkeyed, List.of());
    }

    /** Why row {@code e} does not hold, or null. {@code keyedBefore}: a keyed row came before it. */
    private String problem(AuditEntry e, long expected, String prev, boolean keyedBefore,
                           Optional<AuditHead.Head> published) {
        if (e.id != expected) {
            return "row " + expected + " is missing: rows are numbered without gaps and the next one found is " + e.id;
        }
        if (!prev.equals(e.prevHash)) {
            return "prev_hash does not match the hash of row " + (e.id - 1);
        }
        if (e.keyId == null && keyedBefore) {
            return "the row has no key id but follows keyed rows: only rows made before keys came in (V7) may have "
                    + "none, and they all come first";
        }
        if (e.keyId != null && !keys.knows(e.keyId)) {
            return "the row was made with key " + e.keyId + ", which is neither readiness.audit.key nor one of "
                    + "readiness.audit.old-keys";
        }
        if (!keys.rowHash(e).equals(e.rowHash)) {
            return "row_hash does not match the row's contents: the row was changed";
        }
        if (published.isPresent() && published.get().sequence() == e.id && !published.get().hash().equals(e.rowHash)) {
            return "the row's hash is not the published head's: the chain was rewritten up to it";
        }
        return null;
    }

    private static Verification broken(long rows, Long at, String reason, long unkeyed) {
        return new Verification(false, rows, at, reason, unkeyed, List.of());
    }
}
