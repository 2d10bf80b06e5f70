package org.readiness.audit;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.readiness.problem.Paging;
import org.readiness.identity.Role;
import org.readiness.problem.ProblemException;
import org.readiness.problem.RequestBody;
import org.readiness.problem.Violation;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The audit log for admins and auditors: every write, who made it and when, hash-chained. */
@Path("/api/v1/audit")
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.R_ADMIN, Role.R_AUDITOR})
public class AuditResource {

    @Inject
    AuditLog log;

    @Inject
    AuditVerifier verifier;

    @Inject
    AuditHead head;

    @GET
    @Operation(summary = "Audit log entries, newest first, a page at a time",
            description = "Each entry: who, when, what action on what target, and digests of the state before and "
                    + "after; each row's hash covers the previous row's.")
    @APIResponse(responseCode = "200", description = "A page of entries")
    @APIResponse(responseCode = "400", description = "A time, page or size that is not valid; each is named")
    public AuditLog.Page list(
            @Parameter(description = "From this time (ISO-8601, inclusive)", example = "2026-03-01T00:00:00Z") @QueryParam("from") String from,
            @Parameter(description = "Before this time (ISO-8601, exclusive)", example = "2026-04-01T00:00:00Z") @QueryParam("to") String to,
            @Parameter(description = "Only this user's writes", example = "lead-s12000035") @QueryParam("actor") String actor,
            @Parameter(description = "From 0 (default 0)", example = "0") @QueryParam("page") String page,
            @Parameter(description = "1 to 100 (default 20)", example = "20") @QueryParam("size") String size) {
        List<Violation> problems = new ArrayList<>();
        Instant fromTime = time(from, "from", problems);
        Instant toTime = time(to, "to", problems);
        int p = Paging.number(page, "page", 0, 0, Integer.MAX_VALUE, problems);
        int s = Paging.number(size, "size", Paging.DEFAULT_PAGE_SIZE, 1,
                Paging.MAX_PAGE_SIZE, problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems.size() + " problem(s) found in the query", problems);
        }
        return log.list(fromTime, toTime, actor == null || actor.isEmpty() ? null : actor, p, s);
    }

    @GET
    @Path("/verify")
    @Operation(summary = "Recompute the hash chain and check the users against it",
            description = "{\"valid\": true, \"rows\": n} when every row's HMAC is right under a known key, the head "
                    + "names the last row and every user is as its last audited create or change left it; else the first "
                    + "broken row and why, or the users that disagree. With sequence and hash (a head published earlier, "
                    + "from GET /api/v1/audit/head or the log), the chain must also reach that head unchanged.")
    @APIResponse(responseCode = "200", description = "Whether the chain holds")
    @APIResponse(responseCode = "400", description = "A sequence without a hash, or either not valid; each is named")
    public AuditVerifier.Verification verify(
            @Parameter(description = "The row number of a published head", example = "1000") @QueryParam("sequence") String sequence,
            @Parameter(description = "The hash of that head (64 hex digits)", example = "9f2c0d6b1e7a4c3f8d5e2b0a9c7f1e3d5b8a0c2e4f6d8b1a3c5e7f9b2d4a6c8e")
            @QueryParam("hash") String hash) {
        List<Violation> problems = new ArrayList<>();
        boolean given = sequence != null || hash != null;
        if (given && (sequence == null || sequence.isEmpty())) {
            problems.add(new Violation("sequence", "required with hash: the row number of the published head"));
        }
        if (given && (hash == null || !hash.matches("[0-9a-f]{64}"))) {
            problems.add(new Violation("hash", "required with sequence: 64 lower-case hex digits; found "
                    + RequestBody.abbreviate(String.valueOf(hash))));
        }
        long at = sequence == null || sequence.isEmpty() ? 0
                : Paging.number(sequence, "sequence", 0, 0, Integer.MAX_VALUE, problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems.size() + " problem(s) found in the query", problems);
        }
        return verifier.verify(given ? Optional.of(new AuditHead.Head(at, hash)) : Optional.empty());
    }

    @GET
    @Path("/head")
    @Operation(summary = "The head of the chain: the last row's number and hash",
            description = "For an outside monitor to keep where the database's writers cannot change it, and to give "
                    + "back to GET /api/v1/audit/verify?sequence=&hash= later; the same head is logged every "
                    + "readiness.audit.publish-every rows and at start and shutdown.")
    @APIResponse(responseCode = "200", description = "The head")
    public AuditHead.Head head() {
        return head.current();
    }

    private static Instant time(String text, String name, List<Violation> problems) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(new Violation(name, "must be an ISO-8601 time such as 2026-03-01T00:00:00Z; found "
                    + RequestBody.abbreviate(text)));
            return null;
        }
    }
}
