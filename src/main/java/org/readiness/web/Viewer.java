package org.readiness.web;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.readiness.identity.Access;
import org.readiness.identity.Role;

import java.util.Optional;

/**
 * Who is looking at a page, for the layout's navigation: each role sees links only to what it may open. The
 * pages themselves are guarded by @RolesAllowed and {@link Access}, as the API is; this only decides what to show.
 * The layout reads only roles, never the database: it is also rendered for error pages, on the I/O thread.
 */
@Named("viewer")
@RequestScoped
public class Viewer {

    @Inject
    SecurityIdentity identity;

    @Inject
    Access access;

    private Optional<String> organisation;

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String name() {
        return signedIn() ? identity.getPrincipal().getName() : "";
    }

    /** The caller's own organisation code, or "" for national roles (reads the database: not for the layout). */
    public String organisation() {
        if (organisation == null) {
            organisation = signedIn() ? access.organisation() : Optional.empty();
        }
        return organisation.orElse("");
    }

    /** Analysts, auditors and admins read every organisation. */
    public boolean national() {
        return identity.hasRole(Role.R_ANALYST) || identity.hasRole(Role.R_AUDITOR) || identity.hasRole(Role.R_ADMIN);
    }

    /** Respondents and organisation leads start, answer and submit their organisation's assessments. */
    public boolean writer() {
        return identity.hasRole(Role.R_RESPONDENT) || identity.hasRole(Role.R_ORG_LEAD);
    }

    /** Progress over time: organisation leads (their own) and national roles (as the progress API). */
    public boolean progress() {
        return identity.hasRole(Role.R_ORG_LEAD) || national();
    }

    /** The rule catalogue in the navigation: the national roles, auditors above all. */
    public boolean rules() {
        return national();
    }
}
