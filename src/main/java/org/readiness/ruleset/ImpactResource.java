package org.readiness.ruleset;

import org.readiness.audit.ActivityLog;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.readiness.config.ReadinessConfig;
import org.readiness.identity.Role;
import org.readiness.problem.ProblemException;
import org.readiness.problem.Violation;
import org.readiness.scoring.engine.Ruleset;
import org.readiness.ruleset.RulesetException;
import org.readiness.ruleset.RulesetService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a candidate ruleset would change across every stored submitted assessment, before anyone adopts it. The
 * candidate is a folder under the drafts path, never rules sent in the request: a DRL consequence is Java and runs
 * with the service's rights, so rules come only from folders that are deployed like the active ones.
 */
@jakarta.ws.rs.Path("/api/v1/rulesets/impact")
@Tag(name = "Rules")
public class ImpactResource {

    @Inject
    RulesetService rulesets;

    @Inject
    ImpactService impact;

    @Inject
    ReadinessConfig config;

    @Inject
    ActivityLog activity;

    private static final String ACTION = "ruleset.impact";

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "What a candidate ruleset would change across every stored assessment",
            description = "Compiles the candidate ruleset in a folder under the drafts path (readiness.rules.drafts-path, "
                    + "deployed and reviewed like the active rules) and re-scores every stored submitted assessment "
                    + "with it: per assessment and in total, which bands and recommendations would change. Rules are "
                    + "never taken from the request: DRL consequences are Java code. Stores nothing but its audit "
                    + "entry (ruleset.impact.<outcome>), which every request leaves, refused ones too.")
    @APIResponse(responseCode = "200", description = "The changes, per assessment and in total")
    @APIResponse(responseCode = "400", description = "Every problem in the body, each with a JSON pointer")
    @APIResponse(responseCode = "422", description = "The candidate does not compile; each fault with its file and line")
    @RolesAllowed({Role.R_AUDITOR, Role.R_ADMIN})
    public ImpactService.Impact assess(@RequestBody(required = true, description = "The drafts folder of the candidate",
            content = @Content(schema = @Schema(ref = "ImpactRequest"))) JsonNode body) {
        String target = "drafts";
        try {
            String folder = folder(body);
            target = "drafts/" + folder;
            Ruleset candidate;
            try {
                candidate = rulesets.compiler().compile(config.rules().draftsPath().resolve(folder));
            } catch (RulesetException e) {
                target = e.version().map(v -> "ruleset/" + v + " ").orElse("") + "drafts/" + folder;
                throw e.toProblem("The candidate ruleset cannot be used", "The candidate does not compile; nothing was re-scored");
            }
            target = "ruleset/" + candidate.version() + " " + target;
            ImpactService.Impact impact = this.impact.assess(candidate, rulesets.active().version());
            activity.record(ACTION, "done", target, Map.of("version", impact.activeVersion()), Map.of("version",
                    impact.candidateVersion(), "assessments", impact.assessments(), "changed", impact.changed()));
            return impact;
        } catch (RuntimeException e) {
            // The body is digested into the row, so a refused request can be matched to what was sent.
            throw activity.failed(ACTION, target, body, e);
        }
    }

    /** Validates the body in full: exactly the name of an existing folder under the drafts path. */
    private String folder(JsonNode body) {
        List<Violation> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid("Give the name of a drafts folder",
                    List.of(new Violation("", "must be an object with \"folder\"")));
        }
        Path drafts = config.rules().draftsPath();
        body.fieldNames().forEachRemaining(name -> {
            if (name.equals("files")) {
                problems.add(new Violation("/files", "not accepted: rules are code, so a candidate is read only from a "
                        + "folder under " + drafts + ", deployed and reviewed like the active rules; name it in \"folder\""));
            } else if (!name.equals("folder")) {
                problems.add(new Violation("/" + org.readiness.problem.RequestBody.pointerSegment(name),
                        "unknown field; expected folder"));
            }
        });
        JsonNode folder = body.get("folder");
        if (folder == null) {
            problems.add(new Violation("/folder", "required: the name of a folder under " + drafts));
        } else if (!folder.isTextual() || !folder.asText().matches("[a-z0-9][a-z0-9-]{0,80}")) {
            problems.add(new Violation("/folder", "must be the name of a folder under " + drafts + " (lower-case letters, digits, dashes)"));
        } else if (!Files.isDirectory(drafts.resolve(folder.asText()))) {
            problems.add(new Violation("/folder", "no drafts folder " + folder.asText() + " under " + drafts));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems.size() + " problem(s) found in the candidate", problems);
        }
        return folder.asText();
    }
}
