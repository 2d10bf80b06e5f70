package org.readiness.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Test only: a page with a form and its post, standing in for the web pages to come, to show that form posts
 * need the CSRF token quarkus-rest-csrf hands out with the page.
 */
@Path("/csrf-probe")
@PermitAll
public class CsrfFormResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String page(io.vertx.ext.web.RoutingContext rc) {
        return String.valueOf((Object) rc.get("csrf_token"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_PLAIN)
    public String post(@FormParam("name") String name) {
        return "posted " + name;
    }
}
