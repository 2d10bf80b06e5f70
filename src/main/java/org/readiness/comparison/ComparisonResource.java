package org.readiness.comparison;

import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameters;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.readiness.identity.Role;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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

/**
 * Sites side by side for national programme staff, as JSON, CSV or XLSX by the Accept header. Plain JAX-RS, so
 * that role checks can be added by annotation. Query parameters are read from UriInfo rather than bound one by
 * one, so that an unknown parameter can be refused (see {@link QueryParameters}); they are documented below.
 */
@Path("/api/v1/comparison")
@Tag(name = "Comparison")
public class ComparisonResource {

    private static final String DESCRIPTION = "Query parameters: questionnaire (required), version, region, type "
            + "(LOCAL_AUTHORITY | HEALTH_BOARD | THIRD_SECTOR | OTHER), period (YYYY-MM or YYYY-MM-DD: only results of "
            + "assessments for that period or earlier, so the answer is the picture as of that period; a month "
            + "includes its days), scope (one service area), byScope (true: one row per organisation and scope). "
            + "Latest result per organisation = latest assessment period, then latest submission. Cohort statistics "
            + "of fewer than readiness.comparison.min-cohort organisations are suppressed. Results under different "
            + "questionnaire versions are compared only on enablers asked with the same items; leftOut names the rest. "
            + "Accept: application/json (default), text/csv (RFC 4180, a note column) or " + Xlsx.MEDIA_TYPE
            + " (sheets Comparison, Cohort statistics, About). Each CSV or XLSX export leaves an audit entry "
            + "(comparison.export.csv or .xlsx).";

    @Inject
    ComparisonService comparison;

    @Inject
    ActivityLog activity;

    @GET
    @Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE, Xlsx.MEDIA_TYPE})
    @Operation(summary = "Compare organisations' latest submitted results, with cohort statistics", description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = "Rows, cohort statistics, what was left out, and a note",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ComparisonView.class)))
    @APIResponse(responseCode = "400", description = "Every problem in the query parameters, each named")
    @RolesAllowed({Role.R_ANALYST, Role.R_AUDITOR, Role.R_ADMIN})
    @Parameters({
            @Parameter(name = "questionnaire", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING), required = true, description = "The questionnaire id", example = "nttp-readiness"),
            @Parameter(name = "version", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING), description = "Only results under this questionnaire version", example = "1"),
            @Parameter(name = "region", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING), description = "Only organisations of this region", example = "Lothian"),
            @Parameter(name = "type", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING), description = "LOCAL_AUTHORITY, HEALTH_BOARD, THIRD_SECTOR or OTHER", example = "LOCAL_AUTHORITY"),
            @Parameter(name = "period", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING), description = "YYYY-MM or YYYY-MM-DD: the picture as of that period", example = "2025-06"),
            @Parameter(name = "scope", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING), description = "Only this service area", example = "Homelessness"),
            @Parameter(name = "byScope", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING), description = "true: one row per organisation and scope", example = "false")})
    public Response compare(@Context UriInfo uri, @Context HttpHeaders headers) {
        Exports.choose(headers);
        ComparisonView view = comparison.compare(comparison.filters(uri.getQueryParameters()));
        return Exports.respond(headers, () -> view, () -> ComparisonExport.main(view), () -> ComparisonExport.sheets(view),
                "readiness-comparison-" + view.filters().questionnaire(), audit(activity, view));
    }

    /** A comparison export's audit row: comparison.export.csv or .xlsx, on comparison/questionnaire, with its filters. */
    public static Exports.Audit audit(ActivityLog activity, ComparisonView view) {
        return new Exports.Audit(activity, "comparison.export", "comparison/" + view.filters().questionnaire(), view.filters());
    }
}
