package org.readiness.identity;

import org.readiness.persistence.Idempotency;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import jakarta.ws.rs.HeaderParam;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.readiness.identity.UserService.UserView;

import java.net.URI;
import java.util.List;

/** Users of the embedded default (readiness.security.mode=database), for admins. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.R_ADMIN)
public class UserResource {

    @Inject
    UserService users;

    @Inject
    CurrentUser user;

    @Inject
    Idempotency idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user",
            description = "Body: {\"username\", \"password\" (12-128 characters), \"roles\": [respondent | org-lead | "
                    + "analyst | auditor | admin], \"organisation\": code (respondent and org-lead only, required for them)}")
    @APIResponse(responseCode = "201", description = "Created; the body never holds the password")
    @APIResponse(responseCode = "400", description = "Every problem in the body, each with a JSON pointer")
    @APIResponse(responseCode = "409", description = "The username is taken")
    public Response create(JsonNode body, @Parameter(description = Idempotency.DESCRIPTION) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(idempotencyKey, "POST /api/v1/users", body, () -> {
            UserView created = users.create(users.readNew(body), user.stamp());
            return Response.created(URI.create("/api/v1/users/" + created.username())).entity(created).build();
        });
    }

    @GET
    @Operation(summary = "Every user, by username")
    public List<UserView> list() {
        return users.list();
    }

    @GET
    @Path("/{username}")
    @Operation(summary = "One user")
    public UserView get(@PathParam("username") String username) {
        return users.get(username);
    }

    @PUT
    @Path("/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a user's password, roles and/or organisation",
            description = "Body: any of {\"password\", \"roles\", \"organisation\" (null to remove)}; absent fields are kept")
    public UserView change(@PathParam("username") String username, JsonNode body) {
        return users.change(username, users.readChange(body), user.stamp());
    }
}
