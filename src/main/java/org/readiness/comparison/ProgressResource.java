package org.readiness.comparison;

import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.readiness.identity.Access;
import org.readiness.identity.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.readiness.audit.ActivityLog;
import org.readiness.comparison.export.Csv;
import org.readiness.comparison.export.Xlsx;

import java.util.List;
import java.util.Map;

/** One organisation's results over time, as JSON, CSV or XLSX by the Accept header. Plain JAX-RS (see ComparisonResource). */
@Path("/api/v1/organisations/{code}/progress")
@Tag(name = "Targets and progress")
public class ProgressResource {

    @Inject
    Access access;

    private static final String DESCRIPTION = "Query parameters: questionnaire (only that questionnaire), scope (only "
            + "that service area). Without them, one series per questionnaire and scope. Results in period order, then "
            + "submission order; the first of a series is its baseline. With targets: percentage to target = "
            + "1 - total gap / total target; progress to date = (current - baseline) / (target - baseline), totals over "
            + "enablers (OWASP SAMM); null with a reason where the division has no meaning. Accept: application/json "
            + "(default), text/csv or " + Xlsx.MEDIA_TYPE + " (sheets Progress, Targets, About). Each CSV or XLSX export "
            + "leaves an audit entry (progress.export.csv or .xlsx).";

    @Inject
    ProgressService progress;

    @Inject
    ActivityLog activity;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE, Xlsx.MEDIA_TYPE})
    @Operation(summary = "An organisation's submitted results over time, with changes and progress to target",
            description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = "Series of results with changes and SAMM measures, and a note",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgressView.class)))
    @APIResponse(responseCode = "400", description = "Every problem in the query parameters, each named")
    @APIResponse(responseCode = "404", description = "No organisation has this code")
    @RolesAllowed({Role.R_ORG_LEAD, Role.R_ANALYST, Role.R_AUDITOR, Role.R_ADMIN})
    @Parameters({
            @Parameter(name = "questionnaire", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING), description = "Only results of this questionnaire", example = "nttp-readiness"),
            @Parameter(name = "scope", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING), description = "Only results for this service area", example = "Homelessness")})
    public Response progress(@Parameter(description = "The organisation's code", example = "S12000035") @PathParam("code") String code, @Context UriInfo uri, @Context HttpHeaders headers) {
        access.requireOrganisation(code);
        Exports.choose(headers);
        ProgressView view = progress.progress(code, uri.getQueryParameters());
        return Exports.respond(headers, () -> view, () -> ProgressExport.main(view), () -> ProgressExport.sheets(view),
                "readiness-progress-" + view.organisation(), audit(activity, view, uri.getQueryParameters()));
    }

    /** A progress export's audit row: progress.export.csv or .xlsx, on organisation/code/progress, with its filters. */
    public static Exports.Audit audit(ActivityLog activity, ProgressView view, Map<String, List<String>> filters) {
        return new Exports.Audit(activity, "progress.export", "organisation/" + view.organisation() + "/progress", filters);
    }
}
