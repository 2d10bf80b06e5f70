package org.readiness.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.readiness.audit.AuditVerifier.Audited;
import org.readiness.audit.AuditVerifier.UserDisagreement;
import org.readiness.audit.AuditedUsers;
import org.readiness.persistence.Digests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Each user in app_user against its last audited create or change: roles, organisation or password set behind the
 * service's back, and a user added or removed in SQL, are named. Runs inside the verifier's locked transaction.
 */
@ApplicationScoped
public class UsersAgainstTheLog implements AuditedUsers {

    @Override
    public List<UserDisagreement> disagreements(EntityManager em, Map<String, Audited> audited) {
        List<UserDisagreement> found = new ArrayList<>();
        List<AppUser> users = em.createQuery("select u from AppUser u left join fetch u.organisation order by u.username",
                AppUser.class).getResultList();
        for (AppUser u : users) {
            Audited last = audited.remove(u.username);
            if (last == null) {
                found.add(new UserDisagreement(u.username, "no audit row creates this user: it was added in the database"));
            } else if (!Digests.state(UserService.auditedState(u)).equals(last.digest())) {
                found.add(new UserDisagreement(u.username, "its roles, organisation or password are not what row "
                        + last.row() + " (its last audited create or change) recorded"));
            }
        }
        audited.forEach((username, last) -> found.add(new UserDisagreement(username, "audited in row " + last.row()
                + " but missing from app_user: removed in the database")));
        return found;
    }
}
