package org.readiness.scoring;

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
public class ScoreResource {

    @Inject
    ScoringService scoring;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Score answers without storing anything (what-if)",
            description = "Body: {\"questionnaire\": id, \"version\": n (optional, latest if omitted), \"answers\": "
                    + "[{\"question\": item id, \"value\": 0-4 | \"NA\" | \"DONT_KNOW\", \"evidence\": text}]}")
    @APIResponse(responseCode = "200", description = "The ratings, ranked recommendations and fired-rule trace")
    @APIResponse(responseCode = "400", description = "Every problem in the request, each with a JSON pointer")
    public ScoreResult score(JsonNode body) {
        return scoring.score(body);
    }
}
