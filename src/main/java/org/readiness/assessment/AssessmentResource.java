package org.readiness.assessment;

import org.readiness.scoring.engine.ScoreResult;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.readiness.persistence.Idempotency;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.readiness.assessment.AssessmentService.Submission;
import org.readiness.assessment.AssessmentViews.AssessmentSummary;
import org.readiness.assessment.AssessmentViews.AssessmentView;
import org.readiness.assessment.AssessmentViews.Page;
import org.readiness.identity.Access;
import org.readiness.identity.CurrentUser;
import org.readiness.identity.Role;

import java.net.URI;
import java.util.UUID;

/**
 * Drafts, submission and stored results. Path ids are UUIDs; one that is not names no assessment (404).
 * Writes to a draft accept {@code If-Match} with the ETag from GET; a stale one is refused with 409.
 */
@Path("/api/v1/assessments")
@Tag(name = "Assessments")
@Produces(MediaType.APPLICATION_JSON)
public class AssessmentResource {

    private static final String IF_MATCH = "Optional: the ETag read with GET; the write is refused (409) if the "
            + "assessment changed since";

    /** Stored results are sent as the JSON text they were stored as; say its encoding like every other response. */
    private static final String JSON_UTF8 = MediaType.APPLICATION_JSON + ";charset=UTF-8";

    @Inject
    AssessmentService assessments;

    @Inject
    AssessmentList assessmentList;

    @Inject
    Submissions submissions;

    @Inject
    CurrentUser user;

    @Inject
    Access access;

    @Inject
    AssessmentAccess assessmentAccess;

    @Inject
    Idempotency idempotency;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a draft assessment",
            description = "A respondent or org-lead starts a draft for its own organisation, for one questionnaire "
                    + "version, period and (optionally) service area. Answers are saved into it with PUT .../answers.")
    @APIResponse(responseCode = "201", description = "Created; Location names the draft, ETag is its version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "400", description = "Every problem in the body, each with a JSON pointer; an "
            + "unknown organisation or questionnaire is one of them")
    @RolesAllowed({Role.R_RESPONDENT, Role.R_ORG_LEAD})
    @APIResponse(responseCode = "404", description = "The organisation is not the caller's own")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
    public Response create(@RequestBody(required = true, description = "What the draft assesses",
            content = @Content(schema = @Schema(ref = "NewAssessment"))) JsonNode body,
            @Parameter(description = Idempotency.DESCRIPTION, example = Idempotency.EXAMPLE) @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        // Only one's own organisation: any other code is answered as a missing organisation, whether it exists or not.
        if (body != null && body.path("organisation").isTextual()) {
            access.requireOrganisation(body.get("organisation").asText());
        }
        return idempotency.once(idempotencyKey, "POST /api/v1/assessments", body, () -> {
            AssessmentView created = assessments.create(NewAssessment.read(body), UUID.randomUUID(), user.stamp());
            return Response.created(URI.create(AssessmentViews.href(created.id()))).tag(etag(created)).entity(created).build();
        });
    }

    @GET
    @Operation(summary = "Assessments, newest first, a page at a time",
            description = "Filtered silently to what the caller may read: a site's users see their organisation's, "
                    + "a respondent only the ones it created or submitted.")
    @APIResponse(responseCode = "200", description = "{\"items\": [...], \"page\", \"size\", \"total\"}")
    @APIResponse(responseCode = "400", description = "A status, page or size that is not valid")
    @RolesAllowed({Role.R_RESPONDENT, Role.R_ORG_LEAD, Role.R_ANALYST, Role.R_AUDITOR, Role.R_ADMIN})
    public Page<AssessmentSummary> list(
            @Parameter(description = "Organisation code", example = "S12000035") @QueryParam("organisation") String organisation,
            @Parameter(description = "DRAFT or SUBMITTED", example = "SUBMITTED") @QueryParam("status") String status,
            @Parameter(description = "From 0 (default 0)", example = "0") @QueryParam("page") String page,
            @Parameter(description = "1 to 100 (default 20)", example = "20") @QueryParam("size") String size) {
        // Filtered silently to what the caller may read (see Access).
        return assessmentList.list(AssessmentRequests.listQuery(organisation, status, page, size), access.caller());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One assessment with its answers; the ETag header carries its version",
            description = "Send the ETag back as If-Match with a change to have it refused (409) if someone changed "
                    + "the draft in between.")
    @APIResponse(responseCode = "200", description = "The assessment, its answers and, once submitted, a summary of "
            + "its result", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "404", description = "No such assessment")
    @RolesAllowed({Role.R_RESPONDENT, Role.R_ORG_LEAD, Role.R_ANALYST, Role.R_AUDITOR, Role.R_ADMIN})
    public Response get(@Parameter(description = "The assessment id (a UUID)", example = "5eed0035-0000-4000-8000-000000202510") @PathParam("id") String id) {
        UUID uuid = assessmentAccess.readable(id);
        AssessmentView view = assessments.get(uuid);
        return Response.ok(view).tag(etag(view)).build();
    }

    @PUT
    @Path("/{id}/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save answers to a draft (merge)",
            description = "Each answer sent replaces what its question held, evidence included; "
                    + "questions not sent keep their answers. To remove one, DELETE /answers/{question}.")
    @APIResponse(responseCode = "200", description = "The draft as saved; ETag is its new version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "400", description = "Every problem in the answers, each with a JSON pointer; nothing is saved")
    @APIResponse(responseCode = "409", description = "Submitted already, or changed since the If-Match version")
    @RolesAllowed({Role.R_RESPONDENT, Role.R_ORG_LEAD})
    public Response saveAnswers(@Parameter(description = "The assessment id (a UUID)", example = "5eed0035-0000-4000-8000-000000202510") @PathParam("id") String id,
                                @Parameter(description = IF_MATCH, example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                @RequestBody(required = true, description = "The answers to save",
                                        content = @Content(schema = @Schema(ref = "AnswersUpdate"))) JsonNode body) {
        UUID uuid = assessmentAccess.writable(id);
        AssessmentView view = assessments.saveAnswers(uuid, AssessmentRequests.ifMatch(ifMatch),
                AssessmentRequests.answers(body), user.stamp());
        return Response.ok(view).tag(etag(view)).build();
    }

    @DELETE
    @Path("/{id}/answers/{question}")
    @Operation(summary = "Remove the answer to one question of a draft",
            description = "The question is then unanswered, as if it had never been answered.")
    @APIResponse(responseCode = "200", description = "The draft without that answer; ETag is its new version", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "404", description = "No such assessment, or it has no answer to that question")
    @APIResponse(responseCode = "409", description = "Submitted already, or changed since the If-Match version")
    @RolesAllowed({Role.R_RESPONDENT, Role.R_ORG_LEAD})
    public Response removeAnswer(@Parameter(description = "The assessment id (a UUID)", example = "5eed0035-0000-4000-8000-000000202510") @PathParam("id") String id,
                                 @Parameter(description = "The item id", example = "PT-01") @PathParam("question") String question,
                                 @Parameter(description = IF_MATCH, example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        UUID uuid = assessmentAccess.writable(id);
        AssessmentView view = assessments.removeAnswer(uuid, question, AssessmentRequests.ifMatch(ifMatch), user.stamp());
        return Response.ok(view).tag(etag(view)).build();
    }

    @POST
    @Path("/{id}/submit")
    @Operation(summary = "Submit a draft: check completeness, score it, store the result",
            description = "The result is stored with the ruleset version that produced it and never changes. "
                    + "Repeating it returns the stored result and writes nothing; two submits at once store one result.")
    @APIResponse(responseCode = "201", description = "Submitted now; the body is the stored result", content = @Content(mediaType = JSON_UTF8, schema = @Schema(implementation = ScoreResult.class)))
    @APIResponse(responseCode = "200", description = "Submitted before; the body is the result stored then", content = @Content(mediaType = JSON_UTF8, schema = @Schema(implementation = ScoreResult.class)))
    @APIResponse(responseCode = "409", description = "Changed since the If-Match version, or by a concurrent edit")
    @APIResponse(responseCode = "422", description = "Required questions are unanswered; each is listed")
    @RolesAllowed({Role.R_RESPONDENT, Role.R_ORG_LEAD})
    public Response submit(@Parameter(description = "The assessment id (a UUID)", example = "5eed0035-0000-4000-8000-000000202510") @PathParam("id") String id,
                           @Parameter(description = IF_MATCH, example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        UUID uuid = AssessmentRequests.id(id);
        // The organisation check in the submission's own transaction: one read of the assessment, not two.
        Submission submission = submissions.submit(uuid, AssessmentRequests.ifMatch(ifMatch), user.stamp(),
                assessmentAccess::requireWritable);
        URI result = URI.create(AssessmentViews.href(uuid) + "/result");
        Response.ResponseBuilder response = submission.created() ? Response.created(result) : Response.ok();
        return response.header(HttpHeaders.CONTENT_LOCATION, result).type(JSON_UTF8).entity(submission.json()).build();
    }

    @GET
    @Path("/{id}/result")
    @Operation(summary = "The result stored at submission, exactly as it was returned then",
            description = "Byte for byte the body of the submission's answer: ratings, next steps and fired-rule trace.")
    @APIResponse(responseCode = "200", description = "The stored result", content = @Content(mediaType = JSON_UTF8, schema = @Schema(implementation = ScoreResult.class)))
    @APIResponse(responseCode = "404", description = "No such assessment, or it is still a draft")
    @RolesAllowed({Role.R_RESPONDENT, Role.R_ORG_LEAD, Role.R_ANALYST, Role.R_AUDITOR, Role.R_ADMIN})
    public Response result(@Parameter(description = "The assessment id (a UUID)", example = "5eed0035-0000-4000-8000-000000202510") @PathParam("id") String id) {
        UUID uuid = assessmentAccess.readable(id);
        return Response.ok(assessments.result(uuid), JSON_UTF8).build();
    }

    private static EntityTag etag(AssessmentView view) {
        return new EntityTag(String.valueOf(view.version()));
    }
}
