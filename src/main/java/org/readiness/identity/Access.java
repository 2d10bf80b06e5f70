package org.readiness.identity;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.readiness.problem.ProblemException;
import org.readiness.problem.RequestBody;

import java.util.Optional;

/**
 * The organisation-scope check, and the caller it is made for (assessments add theirs in AssessmentAccess). Roles are declared on each endpoint with {@code @RolesAllowed} (a missing
 * role is 403); this service then decides whether the caller may see the organisation or assessment named in
 * the request. What the caller may not see is answered exactly as if it did not exist (404), so that nobody
 * learns which other organisations or assessments exist.
 * <ul>
 * <li>analyst, auditor, admin: every organisation and assessment;</li>
 * <li>org-lead: its own organisation and all of its assessments;</li>
 * <li>respondent: its own organisation, and the assessments of it that it created or submitted.</li>
 * </ul>
 * Writes to assessments are for respondent and org-lead (by role), and only to an assessment the caller may read:
 * every write applies the read rule first, so a respondent writes only to the drafts it created (another
 * respondent's or the lead's draft is a 404, as for a missing one) and never sees, in a write's answer, what a
 * read would not show it.
 */
@ApplicationScoped
public class Access {

    /**
     * Identity attribute holding the caller's organisation code when the identity carries it (OIDC tokens, see
     * {@link TokenClaimsAugmentor}); otherwise it is read from the caller's row in app_user.
     */
    public static final String ORGANISATION = "readiness.organisation";

    @Inject
    SecurityIdentity identity;

    /** The caller's name, roles and organisation, as the checks see them. */
    public record Caller(String name, boolean national, boolean lead, Optional<String> organisation) {
    }

    @Transactional
    public Caller caller() {
        boolean national = identity.hasRole(Role.R_ANALYST) || identity.hasRole(Role.R_AUDITOR)
                || identity.hasRole(Role.R_ADMIN);
        boolean lead = identity.hasRole(Role.R_ORG_LEAD);
        return new Caller(identity.isAnonymous() ? CurrentUser.ANONYMOUS : identity.getPrincipal().getName(),
                national, lead, organisation());
    }

    /** The caller's organisation code, if it has one. */
    @Transactional
    public Optional<String> organisation() {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        String claimed = identity.getAttribute(ORGANISATION);
        if (claimed != null) {
            return Optional.of(claimed);
        }
        return Panache.getEntityManager()
                .createQuery("select u.organisation.code from AppUser u where u.username = :name", String.class)
                .setParameter("name", identity.getPrincipal().getName())
                .getResultStream().findFirst();
    }

    /** True when the caller may see every organisation's things (analyst, auditor, admin). */
    public boolean national() {
        return caller().national();
    }

    /**
     * Refuses (404, as for a missing organisation) an organisation code the caller may not see. Use it on every
     * endpoint that names an organisation in its path, query or body.
     */
    public void requireOrganisation(String code) {
        Caller caller = caller();
        if (!caller.national() && !caller.organisation().map(o -> o.equals(code)).orElse(false)) {
            throw organisationNotFound(code);
        }
    }

    /** The 404 for an organisation that does not exist, or that the caller may not see: the same words. */
    public static ProblemException organisationNotFound(String code) {
        return ProblemException.notFound("No organisation " + RequestBody.abbreviate(code));
    }
}
