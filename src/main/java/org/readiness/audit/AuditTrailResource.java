package org.readiness.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.readiness.assessment.AssessmentRequests;
import org.readiness.identity.Access;
import org.readiness.identity.Role;

import java.util.UUID;

/** Why a stored result is what it is, and whether it can be reproduced exactly. */
@Path("/api/v1/assessments/{id}")
public class AuditTrailResource {

    public static final String MARKDOWN = "text/markdown";

    @Inject
    ReplayService replays;

    @Inject
    ExplanationService explanations;

    @Inject
    Access access;

    @POST
    @Path("/replay")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-score the stored answers under the ruleset and questionnaire version of the stored result; "
            + "identical: true, or where they differ. Stores nothing.")
    @RolesAllowed({Role.R_AUDITOR, Role.R_ADMIN})
    public ReplayService.Replay replay(@PathParam("id") String id) {
        return replays.replay(AssessmentRequests.id(id));
    }

    @GET
    @Path("/explanation")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "For the overall rating and each enabler: what fed it, the rules that fired with their rationale, "
            + "the gates that held it back, and which next step came from which rule")
    @RolesAllowed({Role.R_RESPONDENT, Role.R_ORG_LEAD, Role.R_ANALYST, Role.R_AUDITOR, Role.R_ADMIN})
    public Explanation explanation(@PathParam("id") String id) {
        return explanations.explain(readable(id));
    }

    @GET
    @Path("/explanation")
    @Produces({MARKDOWN, MediaType.TEXT_PLAIN})
    @Operation(summary = "The same explanation in plain words (Markdown)")
    @RolesAllowed({Role.R_RESPONDENT, Role.R_ORG_LEAD, Role.R_ANALYST, Role.R_AUDITOR, Role.R_ADMIN})
    public String explanationText(@PathParam("id") String id) {
        return explanations.markdown(explanations.explain(readable(id)));
    }

    /** A site reads the explanation of what it may read; national roles read every one. */
    private UUID readable(String id) {
        UUID uuid = AssessmentRequests.id(id);
        access.requireReadable(uuid);
        return uuid;
    }
}
