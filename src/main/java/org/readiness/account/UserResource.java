package org.readiness.account;

import org.readiness.identity.CurrentUser;
import org.readiness.identity.Role;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.readiness.account.UserService.UserView;

import java.net.URI;
import java.util.List;

/** Users of the embedded default (readiness.security.mode=database), for admins. */
@Path("/api/v1/users")
@Tag(name = "Users")
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
            description = "A user of the database security mode with a bcrypt-hashed password (12+ characters, not all white space, at most 72 bytes in UTF-8). "
                    + "respondent and org-lead belong to one organisation; the national roles to none.")
    @APIResponse(responseCode = "201", description = "Created; the body never holds the password",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserView.class)))
    @APIResponse(responseCode = "400", description = "Every problem in the body, each with a JSON pointer")
    @APIResponse(responseCode = "409", description = "The username is taken")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public Response create(@RequestBody(required = true, description = "The new user",
            content = @Content(schema = @Schema(ref = "NewUser"))) JsonNode body,
            @Parameter(description = Idempotency.DESCRIPTION, example = Idempotency.EXAMPLE) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        return idempotency.once(idempotencyKey, "POST /api/v1/users", body, () -> {
            UserView created = users.create(UserService.readNew(body), user.stamp());
            return Response.created(URI.create("/api/v1/users/" + created.username())).entity(created).build();
        });
    }

    @GET
    @Operation(summary = "Every user, by username", description = "Usernames, roles and organisations; never a password.")
    public List<UserView> list() {
        return users.list();
    }

    @GET
    @Path("/{username}")
    @Operation(summary = "One user", description = "The user's roles and organisation; never its password.")
    @APIResponse(responseCode = "200", description = "The user")
    @APIResponse(responseCode = "404", description = "No user has this name")
    public UserView get(@Parameter(description = "The username", example = "lead-s12000035") @PathParam("username") String username) {
        return users.get(username);
    }

    @PUT
    @Path("/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a user's password, roles and/or organisation",
            description = "Any of password, roles and organisation (null to remove it); absent fields are kept.")
    @APIResponse(responseCode = "200", description = "The user as changed")
    @APIResponse(responseCode = "400", description = "Every problem in the body, each with a JSON pointer")
    @APIResponse(responseCode = "404", description = "No user has this name")
    @APIResponse(responseCode = "409", description = "The change would leave no admin: the last admin keeps the admin role")
    public UserView change(@Parameter(description = "The username", example = "lead-s12000036") @PathParam("username") String username,
                           @RequestBody(required = true, description = "What to change",
                                   content = @Content(schema = @Schema(ref = "UserChange"))) JsonNode body) {
        return users.change(username, UserService.readChange(body), user.stamp());
    }
}
