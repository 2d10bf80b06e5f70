package org.readiness.organisation;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.readiness.persistence.Idempotency;
import jakarta.ws.rs.HeaderParam;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.readiness.identity.Access;
import org.readiness.identity.CurrentUser;
import org.readiness.identity.Role;

import java.net.URI;
import java.time.Instant;
import java.util.List;

@Path("/api/v1/organisations")
@Tag(name = "Organisations")
@Produces(MediaType.APPLICATION_JSON)
public class OrganisationResource {

    /** An organisation as the API shows it: named by its code, never by the database id. */
    public record OrganisationView(String code, String name, OrganisationType type, String region,
                                   String createdBy, Instant createdAt) {
        public static OrganisationView of(Organisation o) {
            return new OrganisationView(o.code, o.name, o.type, o.region, o.createdBy, o.createdAt);
        }
    }

    @Inject
    OrganisationService organisations;

    @Inject
    CurrentUser user;

    @Inject
    Access access;

    @Inject
    Idempotency idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an organisation",
            description = "The code is a Scottish statistical code (S followed by 8 digits) or a Scottish charity "
                    + "number (SC followed by 6 digits); it names the organisation in every other call. Admins only.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new organisation",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationView.class)))
    @APIResponse(responseCode = "400", description = "Every problem in the body, each with a JSON pointer")
    @APIResponse(responseCode = "409", description = "An organisation with this code exists already")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    @RolesAllowed(Role.R_ADMIN)
    public Response create(@RequestBody(required = true, description = "The new organisation",
            content = @Content(schema = @Schema(ref = "NewOrganisation"))) JsonNode body,
            @Parameter(description = Idempotency.DESCRIPTION, example = Idempotency.EXAMPLE) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(idempotencyKey, "POST /api/v1/organisations", body, () -> {
            Organisation created = organisations.create(OrganisationService.read(body), user.stamp());
            return Response.created(URI.create("/api/v1/organisations/" + created.code))
                    .entity(OrganisationView.of(created)).build();
        });
    }

    @GET
    @Operation(summary = "Every organisation, by name; a respondent or org-lead sees only its own",
            description = "National roles (analyst, auditor, admin) see every organisation; a site's users see their own.")
    @RolesAllowed({Role.R_RESPONDENT, Role.R_ORG_LEAD, Role.R_ANALYST, Role.R_AUDITOR, Role.R_ADMIN})
    public List<OrganisationView> list() {
        Access.Caller caller = access.caller();
        return organisations.list().stream()
                .filter(o -> caller.national() || caller.organisation().map(o.code::equals).orElse(false))
                .map(OrganisationView::of).toList();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One organisation", description = "A site's users may read only their own; any other code is "
            + "answered 404 whether it exists or not.")
    @APIResponse(responseCode = "200", description = "The organisation")
    @APIResponse(responseCode = "404", description = "No organisation has this code")
    @RolesAllowed({Role.R_RESPONDENT, Role.R_ORG_LEAD, Role.R_ANALYST, Role.R_AUDITOR, Role.R_ADMIN})
    public OrganisationView get(@Parameter(description = "The organisation's code", example = "S12000035") @PathParam("code") String code) {
        access.requireOrganisation(code);
        return OrganisationView.of(organisations.get(code));
    }
}
