package org.readiness.questionnaire;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.readiness.problem.ProblemException;
import org.readiness.problem.Violation;

import java.util.List;

@Authenticated
@Path("/api/v1/questionnaires")
@Tag(name = "Questionnaires")
@Produces(MediaType.APPLICATION_JSON)
public class QuestionnaireResource {

    /** What a list shows of each version: enough to choose one. */
    public record Summary(String id, int version, String title, int themes, int enablers, int items) {
        static Summary of(Questionnaire q) {
            return new Summary(q.id(), q.version(), q.title(), q.themes().size(),
                    (int) q.enablers().count(), (int) q.placements().count());
        }
    }

    @Inject
    QuestionnaireCatalog catalog;

    @GET
    @Operation(summary = "List every questionnaire version the service can score",
            description = "One entry per questionnaire id and version, with the number of its themes, enablers and items.")
    public List<Summary> list() {
        return catalog.all().stream().map(Summary::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One questionnaire: themes, enablers and items with their answer scales and anchors",
            description = "The whole definition as the service scores it, with the report sources of each item and the "
                    + "completeness rule (the critical items a submission must answer).")
    @APIResponse(responseCode = "200", description = "The questionnaire")
    @APIResponse(responseCode = "400", description = "A version that is not a whole number of 1 or more")
    @APIResponse(responseCode = "404", description = "No questionnaire has this id (and version)")
    public Questionnaire get(@Parameter(description = "The questionnaire id", example = "nttp-readiness") @PathParam("id") String id,
                             @Parameter(description = "Version; the latest when omitted", example = "1") @QueryParam("version") String version) {
        if (version == null || version.isBlank()) {
            return catalog.latest(id).orElseThrow(() -> ProblemException.notFound("No questionnaire " + id));
        }
        if (!version.matches("[1-9][0-9]{0,8}")) {
            throw ProblemException.invalid("version must be a whole number of 1 or more",
                    List.of(new Violation("version", "not a whole number of 1 or more: " + version)));
        }
        int v = Integer.parseInt(version);
        return catalog.find(id, v).orElseThrow(() -> ProblemException.notFound("No questionnaire " + id + " version " + v));
    }
}
