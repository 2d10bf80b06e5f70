package org.readiness.audit;

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
import org.readiness.scoring.Ruleset;
import org.readiness.scoring.RulesetException;
import org.readiness.scoring.RulesetService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a candidate ruleset would change across every stored submitted assessment, before anyone adopts it. */
@jakarta.ws.rs.Path("/api/v1/rulesets/impact")
@Tag(name = "Rules")
public class ImpactResource {

    @Inject
    RulesetService rulesets;

    @Inject
    ImpactService impact;

    @Inject
    ReadinessConfig config;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "What a candidate ruleset would change across every stored assessment",
            description = "Compiles a candidate ruleset (its files in the body, or a folder under the drafts path) and "
                    + "re-scores every stored submitted assessment with it: per assessment and in total, which bands and "
                    + "recommendations would change. Stores nothing.")
    @APIResponse(responseCode = "200", description = "The changes, per assessment and in total")
    @APIResponse(responseCode = "400", description = "Every problem in the body, each with a JSON pointer")
    @APIResponse(responseCode = "422", description = "The candidate does not compile; each fault with its file and line")
    @RolesAllowed({Role.R_AUDITOR, Role.R_ADMIN})
    public ImpactService.Impact assess(@RequestBody(required = true, description = "The candidate: its files, or a drafts folder",
            content = @Content(schema = @Schema(ref = "ImpactRequest"))) JsonNode body) {
        return impact.assess(candidate(body), rulesets.active().version());
    }

    /** Validates the body in full, then compiles the candidate it names: given files, or a drafts folder. */
    private Ruleset candidate(JsonNode body) {
        List<Violation> problems = new ArrayList<>();
        if (body == null || !body.isObject() || (body.has("files") == body.has("folder"))) {
            throw ProblemException.invalid("Give either the candidate's files or the name of a drafts folder",
                    List.of(new Violation("", "exactly one of \"files\" and \"folder\" is required")));
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!name.equals("files") && !name.equals("folder")) {
                problems.add(new Violation("/" + name, "unknown field; expected files or folder"));
            }
        });
        Map<String, String> files = new LinkedHashMap<>();
        if (body.has("files")) {
            JsonNode given = body.get("files");
            if (!given.isObject() || given.isEmpty()) {
                problems.add(new Violation("/files", "must be an object of DRL file paths to their content"));
            } else {
                given.properties().forEach(f -> {
                    String pointer = "/files/" + org.readiness.problem.RequestBody.pointerSegment(f.getKey());
                    if (!f.getKey().matches("([a-z][a-z0-9_]*/)+[a-z0-9][a-z0-9-]*\\.drl")) {
                        problems.add(new Violation(pointer, "must be a relative path such as gates/programme-gates.drl"));
                    } else if (!f.getValue().isTextual()) {
                        problems.add(new Violation(pointer, "must be the DRL text of the file"));
                    } else {
                        files.put(f.getKey(), f.getValue().asText());
                    }
                });
            }
        } else {
            JsonNode folder = body.get("folder");
            Path drafts = config.rules().draftsPath();
            if (!folder.isTextual() || !folder.asText().matches("[a-z0-9][a-z0-9-]{0,80}")) {
                problems.add(new Violation("/folder", "must be the name of a folder under " + drafts + " (lower-case letters, digits, dashes)"));
            } else if (!Files.isDirectory(drafts.resolve(folder.asText()))) {
                problems.add(new Violation("/folder", "no drafts folder " + folder.asText() + " under " + drafts));
            } else if (problems.isEmpty()) {
                return compile(() -> rulesets.compiler().compile(drafts.resolve(folder.asText())));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems.size() + " problem(s) found in the candidate", problems);
        }
        return compile(() -> rulesets.compiler().compile(files, "candidate"));
    }

    private static Ruleset compile(java.util.function.Supplier<Ruleset> build) {
        try {
            return build.get();
        } catch (RulesetException e) {
            throw e.toProblem("The candidate ruleset cannot be used", "The candidate does not compile; nothing was re-scored");
        }
    }
}
