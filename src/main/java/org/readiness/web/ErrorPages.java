package org.readiness.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.readiness.problem.Problem;

import java.net.URI;

/**
 * What a page shows instead of a problem+json body when something fails under /web: the GOV.UK error pages
 * (not found, forbidden, sorry there is a problem), never a stack trace. ProblemMappers asks this for /web paths.
 * A refused request's problems (such as the form fields BodyGuard refuses) are listed in an error summary, each
 * with the field it is about.
 */
@ApplicationScoped
public class ErrorPages {

    /** Where the sign-in form posts; a refused sign-in arrives here as an authentication failure. */
    public static final String SIGN_IN = "/j_security_check";
    /** The problem type slug of a form post refused for its CSRF token ({@link SessionCsrf}). */
    public static final String CSRF_REFUSED = "csrf-refused";

    public static boolean isPage(String path) {
        return path != null && (path.equals("/web") || path.startsWith("/web/") || path.equals(SIGN_IN));
    }

    public Response page(Problem problem) {
        if (problem.status() == 401) {
            // quarkus.http.auth.form.error-page: with authentication on demand, a wrong password reaches the
            // exception mappers rather than the form mechanism's own redirect.
            return Response.status(Response.Status.FOUND).location(URI.create(SIGN_IN.equals(problem.instance())
                    ? "/web/login?error=true" : "/web/login")).build();
        }
        if (Problem.type(CSRF_REFUSED).equals(problem.type())) {
            return page(problem.status(), "This form could not be accepted", problem.detail(), FormErrors.NONE);
        }
        String title = switch (problem.status()) {
            case 404 -> "Page not found";
            case 403 -> "You cannot open this page";
            case 409 -> "This has changed";
            case 400, 422 -> "There is a problem with the request";
            default -> "Sorry, there is a problem with the service";
        };
        String detail = switch (problem.status()) {
            case 404 -> "If you typed the web address, check it is correct. If you followed a link, the page may "
                    + "belong to an organisation your account cannot see.";
            case 403 -> "Your role does not allow this. Ask an administrator if you need it.";
            case 500 -> "Try again later. The problem has been logged.";
            default -> problem.detail();
        };
        return page(problem.status(), title, detail, errors(problem));
    }

    private static Response page(int status, String title, String detail, FormErrors errors) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Pages.error(status, title, detail, errors).render()).build();
    }

    /** Each problem with the field (or value) it is about, in words; none for a problem that lists none. */
    private static FormErrors errors(Problem problem) {
        return problem.errors() == null || problem.errors().isEmpty() ? FormErrors.NONE
                : FormErrors.of(problem.errors().stream().map(v -> new FieldError("", v.pointer() + ": " + v.detail()))
                .toArray(FieldError[]::new));
    }
}
