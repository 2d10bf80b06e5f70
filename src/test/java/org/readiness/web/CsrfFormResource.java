package org.readiness.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test only: a form post outside the pages, to show that quarkus-rest-csrf still guards any form there. */
@Path("/csrf-probe")
@PermitAll
public class CsrfFormResource {

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_PLAIN)
    public String post(@FormParam("name") String name) {
        return "posted " + name;
    }
}
