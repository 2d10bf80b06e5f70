package org.readiness.web;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.readiness.audit.ActivityLog;
import org.readiness.comparison.ComparisonResource;
import org.readiness.comparison.ComparisonService;
import org.readiness.comparison.ComparisonView;
import org.readiness.comparison.Exports;
import org.readiness.comparison.ComparisonExport;
import org.readiness.identity.Role;
import org.readiness.problem.ProblemException;
import org.readiness.questionnaire.Questionnaire;
import org.readiness.questionnaire.QuestionnaireCatalog;
import org.readiness.scoring.facts.Band;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The national comparison as a table of bands with cohort medians, and its CSV and XLSX downloads: the same
 * filters and service as GET /api/v1/comparison. The filter form is a GET form, so a comparison has an address.
 */
@Path("/web/comparison")
@RolesAllowed({Role.R_ANALYST, Role.R_AUDITOR, Role.R_ADMIN})
public class ComparisonPages {

    /** One band with its score. */
    public record Cell(Double score, Band band) {
    }

    /** One enabler (or overall) across the organisations, with the cohort median or why it is withheld. */
    public record Line(String title, List<Cell> cells, ComparisonView.Statistic statistic) {
    }

    /** {@code query}: the filters as a query string, for the download links. */
    public record ComparisonPage(ComparisonView view, List<Line> lines, Map<String, String> filters,
                                 List<String> questionnaires, String query) {
    }

    @Inject
    ComparisonService comparison;

    @Inject
    QuestionnaireCatalog catalog;

    @Inject
    ActivityLog activity;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@Context UriInfo uri) {
        MultivaluedMap<String, String> query = filled(uri.getQueryParameters());
        Map<String, String> filters = query.keySet().stream().collect(Collectors.toMap(k -> k, query::getFirst));
        List<String> questionnaires = catalog.all().stream().map(Questionnaire::id).distinct().toList();
        try {
            ComparisonView view = comparison.compare(comparison.filters(query));
            return Response.ok(Pages.comparison(new ComparisonPage(view, lines(view), filters, questionnaires,
                    queryString(query)), FormErrors.NONE)).build();
        } catch (ProblemException e) {
            if (e.status() != 400) {
                throw e;
            }
            FormErrors errors = FormErrors.of(e, v -> new FieldError(v.pointer(), v.pointer() + ": " + v.detail()),
                    "questionnaire");
            return Response.status(400).entity(Pages.comparison(new ComparisonPage(null, List.of(), filters,
                    questionnaires, ""), errors)).build();
        }
    }

    @GET
    @Path("/download")
    @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    public Response download(@Context UriInfo uri) {
        MultivaluedMap<String, String> query = filled(uri.getQueryParameters());
        boolean xlsx = "xlsx".equals(query.getFirst("format"));
        query.remove("format");
        ComparisonView view = comparison.compare(comparison.filters(query));
        return Exports.download(xlsx, () -> ComparisonExport.main(view), () -> ComparisonExport.sheets(view),
                "readiness-comparison-" + view.filters().questionnaire(), ComparisonResource.audit(activity, view));
    }

    /** Empty form fields mean "no filter"; the questionnaire defaults to the first one loaded. */
    private MultivaluedMap<String, String> filled(MultivaluedMap<String, String> given) {
        MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
        given.forEach((k, values) -> values.stream().filter(v -> !v.isBlank()).forEach(v -> query.add(k, v)));
        if (!query.containsKey("questionnaire") && !catalog.all().isEmpty()) {
            query.add("questionnaire", catalog.all().get(0).id());
        }
        return query;
    }

    private List<Line> lines(ComparisonView view) {
        Map<String, String> titles = catalog.all().stream()
                .filter(q -> q.id().equals(view.filters().questionnaire()))
                .flatMap(Questionnaire::enablers)
                .collect(Collectors.toMap(Questionnaire.Enabler::id, Questionnaire.Enabler::title, (a, b) -> b));
        Map<String, ComparisonView.Statistic> stats = view.statistics().enablers().stream()
                .collect(Collectors.toMap(ComparisonView.Statistic::id, Function.identity()));
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("Overall", view.organisations().stream()
                .map(r -> new Cell(r.overall().score(), r.overall().band())).toList(), view.statistics().overall()));
        for (int i = 0; i < view.enablers().size(); i++) {
            int at = i;
            String id = view.enablers().get(i);
            lines.add(new Line(titles.getOrDefault(id, id), view.organisations().stream()
                    .map(r -> new Cell(r.enablers().get(at).score(), r.enablers().get(at).band())).toList(), stats.get(id)));
        }
        return lines;
    }

    private static String queryString(MultivaluedMap<String, String> query) {
        return query.entrySet().stream().flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
