package org.readiness.web;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.readiness.identity.Role;
import org.readiness.account.WebSessions;
import org.readiness.organisation.OrganisationService;
import org.readiness.problem.ProblemException;

import java.net.URI;

/**
 * Sign in and out, and the landing page: an organisation's people go straight to their organisation; national
 * roles get the list of organisations. The sign-in form posts to Quarkus' form login (j_security_check).
 */
@Path("/web")
@Produces(MediaType.TEXT_HTML)
public class HomePages {

    /** The form login's session cookie (quarkus.http.auth.form.cookie-name, default). */
    static final String SESSION_COOKIE = "quarkus-credential";

    @Inject
    CurrentVertxRequest currentRequest;

    @Inject
    Viewer viewer;

    @Inject
    OrganisationService organisations;

    @Inject
    WebSessions sessions;

    @GET
    @Path("/login")
    @PermitAll
    public TemplateInstance login(@QueryParam("error") String error, @QueryParam("signedOut") String signedOut,
                                  @QueryParam("wait") String wait) {
        return Pages.login(error != null, signedOut != null, minutes(wait));
    }

    /** The minutes to wait after too many failed sign-ins (ProblemMappers sends them here); 0 for none. */
    static int minutes(String wait) {
        try {
            return wait == null ? 0 : Math.max(0, Math.min(24 * 60, Integer.parseInt(wait)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @GET
    @Path("/")
    @Authenticated
    public Object home() {
        if (!viewer.national()) {
            if (viewer.organisation().isEmpty()) {
                throw ProblemException.notFound("Your user belongs to no organisation; ask an administrator");
            }
            return Response.seeOther(URI.create("/web/organisations/" + viewer.organisation())).build();
        }
        return Pages.organisations(organisations.list());
    }

    /** The navigation's "Progress" for an organisation lead: its own organisation's. */
    @GET
    @Path("/progress")
    @RolesAllowed(Role.R_ORG_LEAD)
    public Response progress() {
        return Response.seeOther(URI.create("/web/organisations/" + viewer.organisation() + "/progress")).build();
    }

    /**
     * Signing out ends the session on the server (a copy of its cookies is refused from then on, by every instance)
     * and has the browser forget its cookies; the post carries the session's CSRF token (SessionCsrf).
     */
    @POST
    @Path("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermitAll
    public Response logout() {
        // Taken from the request rather than as a parameter, which the OpenAPI scan would describe as a body schema.
        RoutingContext rc = currentRequest.getCurrent();
        String sessionId = rc.get(WebSessions.SESSION_ID);
        if (sessionId != null) {
            sessions.end(sessionId);
        }
        WebSessions.forgetCookie(rc);
        NewCookie gone = new NewCookie.Builder(SESSION_COOKIE).value("").path("/").maxAge(0).httpOnly(true).build();
        return Response.seeOther(URI.create("/web/login?signedOut=true")).cookie(gone).build();
    }

    /** Any other address under /web: the "page not found" page rather than the server's bare 404. */
    @GET
    @Path("/{rest: .+}")
    @Authenticated
    public TemplateInstance notFound(@PathParam("rest") String rest) {
        throw ProblemException.notFound("No page at /web/" + rest);
    }
}
