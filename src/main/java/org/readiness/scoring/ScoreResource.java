package org.readiness.scoring;

import org.readiness.scoring.engine.ScoreResult;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.quarkus.security.Authenticated;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Authenticated
@Path("/api/v1/score")
@Tag(name = "Scoring")
public class ScoreResource {

    @Inject
    ScoringService scoring;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Score answers without storing anything (what-if)",
            description = "Scores a set of answers with the active ruleset and returns the ratings per enabler, theme "
                    + "and overall, the ranked next steps (each with its usual owner, whether it is a quick win, and what "
                    + "would show it is done) and the fired-rule trace. \"Not applicable\" is left out of every mean; "
                    + "\"don't know\" and unanswered items are left out of the score shown but never rate better than 0 "
                    + "would (each rating is held to the band of its floor), and each brings a step to find out. An enabler "
                    + "with under the ruleset's minimum share of its applicable items answered (coverage in "
                    + "rules/scoring/bands.yaml) is rated INSUFFICIENT_EVIDENCE. Any signed-in user may call it.")
    @APIResponse(responseCode = "200", description = "The ratings, ranked recommendations and fired-rule trace")
    @APIResponse(responseCode = "400", description = "Every problem in the request, each with a JSON pointer")
    public ScoreResult score(@RequestBody(required = true, description = "The questionnaire and the answers to score",
            content = @Content(schema = @Schema(ref = "ScoreRequest"))) JsonNode body) {
        return scoring.score(ScoreRequest.read(body));
    }
}
