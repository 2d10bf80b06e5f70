package org.readiness.web;

import org.readiness.assessment.AssessmentAccess;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.readiness.assessment.AssessmentService;
import org.readiness.assessment.Explanation;
import org.readiness.assessment.ExplanationService;
import org.readiness.assessment.ReplayService;
import org.readiness.identity.Role;
import org.readiness.scoring.engine.ScoreResult;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A submitted assessment's result, and the explanation of it, read from what was stored at submission. */
@Path("/web/assessments/{id}")
@Produces(MediaType.TEXT_HTML)
public class ResultPages {

    /**
     * The stored result with the explanation's parts (for the gates that held ratings back, with their rationale)
     * and the distinct gates, each explained once.
     */
    public record ResultPage(AssessmentService.Stored stored, ScoreResult result, Explanation explanation,
                             EnablerChart chart, List<Explanation.Rule> gates, boolean progress) {

        /** The title of the enabler or theme a next step is about, as the result names it; the id if it names none. */
        public String titleOf(String id) {
            return result.enablers().stream().filter(e -> e.id().equals(id)).map(ScoreResult.EnablerRating::title)
                    .findFirst().or(() -> result.themes().stream().filter(t -> t.id().equals(id))
                            .map(ScoreResult.ThemeRating::title).findFirst())
                    .orElse("overall".equals(id) ? "The overall rating" : id);
        }
    }

    @Inject
    AssessmentAccess assessmentAccess;

    @Inject
    AssessmentService assessments;

    @Inject
    ReplayService replays;

    @Inject
    ExplanationService explanations;

    @Inject
    Viewer viewer;

    static String href(UUID id) {
        return "/web/assessments/" + id + "/result";
    }

    @GET
    @Path("/result")
    @RolesAllowed({Role.R_RESPONDENT, Role.R_ORG_LEAD, Role.R_ANALYST, Role.R_AUDITOR, Role.R_ADMIN})
    public Object result(@PathParam("id") String id) {
        UUID uuid = assessmentAccess.readable(id);
        if (!assessments.isSubmitted(uuid)) {
            // A draft has no result yet: its people continue it, others have nothing to read.
            return Response.seeOther(URI.create(viewer.writer() ? "/web/assessments/" + uuid + "/check"
                    : "/web/organisations/" + assessments.get(uuid).organisation())).build();
        }
        AssessmentService.Stored stored = assessments.stored(uuid);
        Explanation x = explanations.explain(uuid);
        Map<String, Explanation.Rule> gates = new LinkedHashMap<>();
        x.overall().gates().forEach(g -> gates.putIfAbsent(g.id(), g));
        x.enablers().forEach(e -> e.gates().forEach(g -> gates.putIfAbsent(g.id(), g)));
        ScoreResult result = replays.read(stored);
        // The scale of the ruleset that scored the result; the explanation above has just built or reused it.
        EnablerChart chart = EnablerChart.of(result.enablers(), replays.rulesetOf(stored).conventions());
        return Pages.result(new ResultPage(stored, result, x, chart,
                List.copyOf(gates.values()), viewer.progress()));
    }

    @GET
    @Path("/explanation")
    @RolesAllowed({Role.R_RESPONDENT, Role.R_ORG_LEAD, Role.R_ANALYST, Role.R_AUDITOR, Role.R_ADMIN})
    public TemplateInstance explanation(@PathParam("id") String id) {
        return Pages.explanation(explanations.explain(assessmentAccess.readable(id)));
    }
}
