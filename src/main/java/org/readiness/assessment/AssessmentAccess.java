package org.readiness.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.readiness.identity.Access;
import org.readiness.identity.Access.Caller;

import java.util.UUID;

/**
 * Who may read and write which assessment (the rule is described on {@link Access}): what the caller may not read
 * is a 404, as for an id that is not one, and every write applies the read rule first.
 */
@ApplicationScoped
public class AssessmentAccess {

    @Inject
    Access access;

    /** The assessment a path names, when the caller may read it; 404 otherwise, as for an id that is not one. */
    public UUID readable(String id) {
        UUID uuid = AssessmentRequests.id(id);
        requireReadable(uuid);
        return uuid;
    }

    /** The assessment a path names, when the caller may write it; 404 otherwise, as for an id that is not one. */
    public UUID writable(String id) {
        UUID uuid = AssessmentRequests.id(id);
        requireWritable(uuid);
        return uuid;
    }

    /** Refuses (404, as for a missing assessment) an assessment the caller may not read. */
    @Transactional
    public void requireReadable(UUID id) {
        Assessment a = Assessment.<Assessment>findByIdOptional(id).orElseThrow(() -> AssessmentRequests.notFound(id));
        if (!mayRead(access.caller(), a)) {
            throw AssessmentRequests.notFound(id);
        }
    }

    /**
     * Refuses (404) an assessment the caller may not read, or of another organisation; the role itself is checked
     * by @RolesAllowed. The national roles read everything but write nothing of an organisation's.
     */
    @Transactional
    public void requireWritable(UUID id) {
        Assessment a = Assessment.<Assessment>findByIdOptional(id).orElseThrow(() -> AssessmentRequests.notFound(id));
        Caller caller = access.caller();
        if (!ownOrganisation(caller, a) || !mayRead(caller, a)) {
            throw AssessmentRequests.notFound(id);
        }
    }

    /** Whether {@code caller} may read {@code a}; for filtering lists in queries, see {@link Access#caller()}. */
    public static boolean mayRead(Caller caller, Assessment a) {
        if (caller.national()) {
            return true;
        }
        if (!ownOrganisation(caller, a)) {
            return false;
        }
        return caller.lead() || caller.name().equals(a.createdBy) || caller.name().equals(a.submittedBy);
    }

    private static boolean ownOrganisation(Caller caller, Assessment a) {
        return caller.organisation().map(o -> o.equals(a.organisation.code)).orElse(false);
    }
}
