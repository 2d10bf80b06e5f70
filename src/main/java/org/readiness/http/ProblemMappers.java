package org.readiness.http;

import org.readiness.problem.Problem;
import org.readiness.problem.ProblemException;
import org.readiness.problem.Violation;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.readiness.config.ReadinessConfig;
import org.readiness.persistence.DatabaseWritesCheck;
import org.readiness.account.LoginGuard;
import org.readiness.account.LoginThrottle;
import org.readiness.persistence.DatabaseFaults;
import org.readiness.web.ErrorPages;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One error shape for the whole API: every failure leaves as application/problem+json. Under /web the same
 * failures become HTML error pages (ErrorPages); pages show a form's own problems themselves.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final String RETRY = "Send it again in a few seconds: submissions, and creations with an "
            + "Idempotency-Key, are safe to repeat.";

    @Inject
    ReadinessConfig config;

    @Inject
    DatabaseFaults database;

    @Inject
    ErrorPages pages;

    // @Readiness is a qualifier: the check has no @Default.
    @Inject
    @Readiness
    DatabaseWritesCheck databaseHealth;

    /** No credentials where some are needed: 401 with the challenge of the configured mechanism, never a redirect. */
    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated("This request needs credentials: " + scheme() + " authentication", uri);
    }

    /** Credentials that are wrong. The body does not say whether the username exists. */
    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        // The users live in the database: without it nobody can be checked, which is not a wrong password.
        DatabaseFaults.Failure failure = database.classify(e);
        if (failure != DatabaseFaults.Failure.NONE) {
            return databaseFailure(failure, e, uri);
        }
        Optional<LoginThrottle.Refusal> refused = LoginGuard.refusal(e);
        if (refused.isPresent()) {
            return tooManyLogins(refused.get(), e.getMessage(), uri);
        }
        return unauthenticated("The credentials were not accepted", uri);
    }

    /** Refused before the password was checked (LoginGuard): 429 with Retry-After, or the sign-in page saying so. */
    private Response tooManyLogins(LoginThrottle.Refusal refused, String detail, UriInfo uri) {
        if (ErrorPages.isPage(path(uri))) {
            return Response.status(Response.Status.FOUND)
                    .location(URI.create("/web/login?wait=" + (refused.seconds() + 59) / 60)).build();
        }
        return Response.status(429).type(Problem.MEDIA_TYPE).header("Retry-After", refused.seconds())
                .entity(new Problem(Problem.type("too-many-requests"), "Too many failed logins", 429, detail, path(uri),
                        List.of())).build();
    }

    @ServerExceptionMapper
    public Response authenticationCompletion(AuthenticationCompletionException e, UriInfo uri) {
        return unauthenticated("The credentials were not accepted", uri);
    }

    /** Authenticated, but the role does not allow this request. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.type("forbidden"), "Forbidden", 403,
                "Your role does not allow this request", path(uri), List.of()));
    }

    private Response unauthenticated(String detail, UriInfo uri) {
        if (ErrorPages.isPage(path(uri))) {
            return pages.page(new Problem(Problem.type("unauthorized"), "Unauthorized", 401, detail, path(uri), List.of()));
        }
        Problem problem = new Problem(Problem.type("unauthorized"), "Unauthorized", 401, detail, path(uri), List.of());
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", challenge()).entity(problem).build();
    }

    private String scheme() {
        return config.security().mode() == ReadinessConfig.Mode.OIDC ? "Bearer" : "Basic";
    }

    private String challenge() {
        return scheme() + " realm=\"readiness\"";
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper(priority = 1)
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        return respond(malformed(e, path(uri)));
    }

    /** Quarkus maps this subclass itself (an empty 400); it is malformed JSON like any other. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return respond(malformed(e, path(uri)));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Violation(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(Violation::pointer))
                .toList();
        return respond(new Problem(Problem.type("invalid-request"), "The request is not valid", 400,
                violations.size() + " problem(s) found", path(uri), violations));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(malformed(json, path(uri)));
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        String slug = status.getReasonPhrase().toLowerCase().replaceAll("[^a-z]+", "-");
        return respond(new Problem(Problem.type(slug), status.getReasonPhrase(), status.getStatusCode(),
                e.getMessage(), path(uri), List.of()));
    }

    /**
     * Nothing a client sends should produce this; when something does, the body reveals no internals. A failure of
     * the database's own (out of reach, or an unexpected error of one that answers) is a 503 to retry, not a 500.
     */
    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        DatabaseFaults.Failure failure = database.classify(e);
        if (failure != DatabaseFaults.Failure.NONE) {
            return databaseFailure(failure, e, uri);
        }
        LOG.error("Unexpected failure answering " + path(uri), e);
        return respond(new Problem(Problem.type("internal-error"), "Internal error", 500,
                "The service could not complete the request. It has been logged.", path(uri), List.of()));
    }

    /**
     * The request was not completed because of the database, and may be sent again shortly. Counted by the
     * database-writes readiness check, so that an instance whose database keeps failing leaves the balancer.
     */
    private Response databaseFailure(DatabaseFaults.Failure failure, Exception e, UriInfo uri) {
        databaseHealth.failed(failure == DatabaseFaults.Failure.UNEXPECTED);
        Problem problem;
        if (failure == DatabaseFaults.Failure.UNAVAILABLE) {
            LOG.warn("The database is out of reach answering " + path(uri) + ": " + e);
            problem = new Problem(Problem.type("database-unavailable"), "Service unavailable", 503,
                    "The database cannot be reached just now, so the request was not completed. " + RETRY, path(uri), List.of());
        } else {
            LOG.error("The database failed answering " + path(uri), e);
            problem = new Problem(Problem.type("database-error"), "Service unavailable", 503,
                    "The database failed the request with an unexpected error, so nothing was stored. " + RETRY, path(uri), List.of());
        }
        if (ErrorPages.isPage(problem.instance())) {
            return pages.page(problem);
        }
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", RETRY_AFTER_SECONDS).entity(problem).build();
    }

    private static Problem malformed(JsonProcessingException e, String instance) {
        // StrictJson's duplicate detection: the parser stopped on the second occurrence, which it can point at.
        if (e.getProcessor() instanceof JsonParser parser && e.getOriginalMessage().startsWith("Duplicate field")) {
            String pointer = parser.getParsingContext().pathAsPointer().toString();
            return ProblemException.invalid("The body names a field twice in one object",
                    List.of(new Violation(pointer, "duplicate field: each field may appear once"))).toProblem(instance);
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new Problem(Problem.type("malformed-json"), "The body is not valid JSON", 400,
                "The body could not be read as JSON" + where + ": " + e.getOriginalMessage(), instance,
                List.of(new Violation("", "malformed JSON" + where)));
    }

    /** The web pages get an HTML error page; everything else problem+json. */
    private Response respond(Problem problem) {
        if (ErrorPages.isPage(problem.instance())) {
            return pages.page(problem);
        }
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}
