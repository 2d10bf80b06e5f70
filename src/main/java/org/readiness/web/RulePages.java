package org.readiness.web;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.readiness.ruleset.RuleCatalog;

/** The rule catalogue for auditors: every rule with its rationale and source, and one rule with its DRL. */
@Path("/web/rules")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class RulePages {

    @Inject
    RuleCatalog catalog;

    @GET
    public TemplateInstance rules(@QueryParam("enabler") String enabler) {
        return Pages.rules(catalog.rules(enabler), enabler == null ? "" : enabler, catalog.version());
    }

    @GET
    @Path("/{id}")
    public TemplateInstance rule(@PathParam("id") String id) {
        return Pages.rule(catalog.rule(id));
    }
}
