package org.readiness.comparison;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.readiness.identity.Access;
import org.readiness.identity.Role;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.readiness.comparison.TargetService.Targets;
import org.readiness.identity.CurrentUser;

/** An organisation's targets per enabler, for the whole organisation or one scope. Its org-lead sets them. */
@Path("/api/v1/organisations/{code}/targets")
@Tag(name = "Targets and progress")
@Produces(MediaType.APPLICATION_JSON)
public class TargetResource {

    private static final String SCOPE = "A service area; left out for the whole organisation's targets";
    private static final String CODE = "The organisation's code";

    @Inject
    TargetService targets;

    @Inject
    CurrentUser user;

    @Inject
    Access access;

    @GET
    @Operation(summary = "The organisation's targets", description = "A band or a score to reach per enabler, for the "
            + "whole organisation or one service area; progress figures measure against them.")
    @APIResponse(responseCode = "200", description = "The targets")
    @APIResponse(responseCode = "404", description = "No organisation has this code")
    @RolesAllowed({Role.R_RESPONDENT, Role.R_ORG_LEAD, Role.R_ANALYST, Role.R_AUDITOR, Role.R_ADMIN})
    public Targets get(@Parameter(description = CODE, example = "S12000035") @PathParam("code") String code,
                       @Parameter(description = SCOPE, example = "Homelessness") @QueryParam("scope") String scope) {
        access.requireOrganisation(code);
        return targets.get(code, TargetService.scopeKey(scope).isEmpty() ? null : scope.strip());
    }

    @PUT
    @RolesAllowed(Role.R_ORG_LEAD)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set (replace) the organisation's targets",
            description = "Replaces every target of the "
                    + "organisation (or scope); an empty list clears them. A band counts as its lower bound "
                    + "(0, 1, 2, 3) in progress figures.")
    @APIResponse(responseCode = "200", description = "The targets as stored")
    @APIResponse(responseCode = "400", description = "Every problem in the body, each with a JSON pointer; nothing is stored")
    @APIResponse(responseCode = "404", description = "No organisation has this code")
    public Targets put(@Parameter(description = CODE, example = "S12000035") @PathParam("code") String code,
                       @Parameter(description = SCOPE, example = "Homelessness") @QueryParam("scope") String scope,
                       @RequestBody(required = true, description = "Every target, each a band or a score",
                               content = @Content(schema = @Schema(ref = "TargetsUpdate"))) JsonNode body) {
        access.requireOrganisation(code);
        String checkedScope = TargetService.scopeKey(scope).isEmpty() ? null : scope.strip();
        return targets.replace(code, checkedScope, TargetsUpdate.read(body), user.stamp());
    }
}
