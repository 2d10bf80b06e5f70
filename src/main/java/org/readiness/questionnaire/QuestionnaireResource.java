package org.readiness.questionnaire;

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
    @Operation(summary = "List every questionnaire version the service can score")
    public List<Summary> list() {
        return catalog.all().stream().map(Summary::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One questionnaire: themes, enablers and items with their answer scales and anchors")
    public Questionnaire get(@PathParam("id") String id,
                             @Parameter(description = "Version; the latest when omitted") @QueryParam("version") String version) {
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
