package org.readiness.assessment;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.readiness.identity.Role;

/** Why a stored result is what it is, and whether it can be reproduced exactly. */
@Path("/api/v1/assessments/{id}")
@Tag(name = "Audit")
public class AuditTrailResource {

    public static final String MARKDOWN = "text/markdown";

    @Inject
    ReplayService replays;

    @Inject
    ExplanationService explanations;

    @Inject
    AssessmentAccess assessmentAccess;

    @POST
    @Path("/replay")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replay a stored result",
            description = "Re-scores the stored answers under the ruleset and questionnaire version of the stored "
                    + "result (kept in the ruleset archive): identical: true, or where they differ. Stores nothing but its "
                    + "audit entry (assessment.replay.<outcome>, with the ruleset version), which every request leaves.")
    @APIResponse(responseCode = "200", description = "Whether the replay gives the stored result")
    @APIResponse(responseCode = "404", description = "No such assessment, or it is still a draft")
    @RolesAllowed({Role.R_AUDITOR, Role.R_ADMIN})
    public ReplayService.Replay replay(@Parameter(description = "The assessment id (a UUID)", example = "5eed0035-0000-4000-8000-000000202503") @PathParam("id") String id) {
        return replays.replay(id);
    }

    @GET
    @Path("/explanation")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Why a stored result came out as it did",
            description = "For the overall rating and each enabler: what fed it, the rules that fired with their "
                    + "rationale, the gates that held it back, and which next step came from which rule. Accept: "
                    + "text/markdown gives the same in plain words.")
    @APIResponse(responseCode = "200", description = "The explanation")
    @APIResponse(responseCode = "404", description = "No such assessment, or it is still a draft")
    @RolesAllowed({Role.R_RESPONDENT, Role.R_ORG_LEAD, Role.R_ANALYST, Role.R_AUDITOR, Role.R_ADMIN})
    public Explanation explanation(@Parameter(description = "The assessment id (a UUID)", example = "5eed0035-0000-4000-8000-000000202503") @PathParam("id") String id) {
        return explanations.explain(assessmentAccess.readable(id));
    }

    @GET
    @Path("/explanation")
    @Produces({MARKDOWN, MediaType.TEXT_PLAIN})
    @Operation(summary = "The same explanation in plain words (Markdown)",
            description = "Sentences for people: answers with their label, themes with their coverage, bands in words.")
    @RolesAllowed({Role.R_RESPONDENT, Role.R_ORG_LEAD, Role.R_ANALYST, Role.R_AUDITOR, Role.R_ADMIN})
    public String explanationText(@Parameter(description = "The assessment id (a UUID)", example = "5eed0035-0000-4000-8000-000000202503") @PathParam("id") String id) {
        return explanations.markdown(explanations.explain(assessmentAccess.readable(id)));
    }
}
