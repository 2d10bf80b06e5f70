package org.readiness.ruleset;

import org.readiness.audit.ActivityLog;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import io.micrometer.core.instrument.MeterRegistry;
import org.readiness.identity.Role;
import org.readiness.scoring.engine.Ruleset;
import org.readiness.ruleset.RulesetException;
import org.readiness.ruleset.RulesetService;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The rules as an auditor reads them, the active ruleset, and a safe reload. */
@Authenticated
@Path("/api/v1")
@Tag(name = "Rules")
@Produces(MediaType.APPLICATION_JSON)
public class RuleCatalogResource {

    public record RulesetView(String version, Instant loadedAt, String origin, int rules, List<FileView> files) {
        static RulesetView of(Ruleset r) {
            return new RulesetView(r.version(), r.loadedAt(), r.origin(), r.rules().size(),
                    r.files().stream().map(f -> new FileView(f.path(), f.sha256())).toList());
        }
    }

    public record FileView(String path, String sha256) {
    }

    public record ReloadView(String previousVersion, boolean changed, long buildMillis, RulesetView active) {
    }

    @Inject
    RulesetService rulesets;

    @Inject
    RuleCatalog catalog;

    @Inject
    MeterRegistry metrics;

    @Inject
    ActivityLog activity;

    private static final String RELOAD = "ruleset.reload";

    @GET
    @Path("/rules")
    @Operation(summary = "Every rule of the active ruleset with its rationale, report source, file, line and DRL",
            description = "firedIn counts the stored results the rule fired in. Any signed-in user may read the rules.")
    public List<RuleCatalog.RuleView> rules(@Parameter(description = "Only rules about this enabler, theme, \"overall\" or \"all\"",
            example = "governance") @QueryParam("enabler") String enabler) {
        return catalog.rules(enabler);
    }

    @GET
    @Path("/rules/{id}")
    @Operation(summary = "One rule of the active ruleset", description = "The rule by its @id, with its DRL text.")
    @APIResponse(responseCode = "200", description = "The rule")
    @APIResponse(responseCode = "404", description = "No rule has this id in the active ruleset")
    public RuleCatalog.RuleView rule(@Parameter(description = "The rule's @id", example = "GATE-NO-LEAD") @PathParam("id") String id) {
        return catalog.rule(id);
    }

    @GET
    @Path("/ruleset")
    @Operation(summary = "The active ruleset: its version, when it was loaded, and its files with their sha-256",
            description = "The version is a digest of the rule files' paths and contents: two instances that load the "
                    + "same files report the same version.")
    public RulesetView ruleset() {
        return RulesetView.of(rulesets.active());
    }

    @POST
    @Path("/ruleset/reload")
    @Operation(summary = "Reload the rules folder",
            description = "Compiles the rules folder aside and swaps it in; on any fault the old ruleset stays active "
                    + "and the answer (422) names each fault with its file and line. Affects this instance only: with "
                    + "several instances, reload each (docs/operations.md). Reads only the configured rules folder "
                    + "(readiness.rules.path): nothing in the request can name another. Every reload leaves an audit "
                    + "entry, ruleset.reload.swapped, .unchanged or .refused. Admins only.")
    @APIResponse(responseCode = "200", description = "The ruleset now active, and whether it changed")
    @APIResponse(responseCode = "422", description = "The rules folder does not compile; the old ruleset is still active")
    @RolesAllowed(Role.R_ADMIN)
    public ReloadView reload() {
        String active = rulesets.active().version();
        try {
            RulesetService.Reload reload = rulesets.reload();
            String outcome = reload.previousVersion().equals(reload.active().version()) ? "unchanged" : "swapped";
            reloaded(outcome);
            activity.record(RELOAD, outcome, "ruleset/" + reload.active().version(),
                    Map.of("version", reload.previousVersion()), Map.of("version", reload.active().version()));
            return new ReloadView(reload.previousVersion(), !reload.previousVersion().equals(reload.active().version()),
                    reload.millis(), RulesetView.of(reload.active()));
        } catch (RulesetException e) {
            reloaded("refused");
            // The target is the refused files' version, so the row says which rules were refused.
            throw activity.failed(RELOAD, "ruleset/" + e.version().orElse("unreadable"), Map.of("version", active),
                    e.toProblem("The ruleset cannot be used",
                            "The rules folder does not compile; ruleset " + rulesets.active().version() + " is still active"));
        } catch (RuntimeException e) {
            throw activity.failed(RELOAD, "ruleset/" + active, null, e);
        }
    }

    /** A reload: "swapped", "unchanged" or "refused". */
    private void reloaded(String outcome) {
        metrics.counter("readiness.ruleset.reloads", "outcome", outcome).increment();
    }
}
