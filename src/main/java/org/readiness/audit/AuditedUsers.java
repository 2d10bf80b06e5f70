package org.readiness.audit;

import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Map;

/**
 * The users held to the audit log: the verifier hands over each user's last audited state (the rows whose action
 * starts {@link #ACTION_PREFIX} and target {@link #TARGET_PREFIX}); the user store, which sits above the log, says
 * who differs from it. The log itself knows nothing of users.
 */
public interface AuditedUsers {

    String ACTION_PREFIX = "user.";
    String TARGET_PREFIX = "user/";

    /** Every user whose row is not its last audited state, or who has no audited row, or only an audited one. */
    List<AuditVerifier.UserDisagreement> disagreements(EntityManager em, Map<String, AuditVerifier.Audited> lastAudited);
}
