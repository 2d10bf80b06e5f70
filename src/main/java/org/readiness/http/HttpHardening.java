package org.readiness.http;

import org.readiness.account.LoginGuard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.readiness.config.ReadinessConfig;
import org.readiness.http.RouteTemplates;
import org.readiness.problem.Problem;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs first on every HTTP request:
 * <ul>
 * <li>security headers on every response (nosniff, frame denial, referrer policy, a content security policy);</li>
 * <li>a request with more than one Authorization header (400), or a bearer token from an address with too many
 * failed logins (429), is refused by {@link LoginGuard}, which limits failed logins;</li>
 * <li>cross-site writes to the API are refused (403): a browser marks them with {@code Sec-Fetch-Site:
 * cross-site} or {@code same-site}, or an {@code Origin} that is not this service's. So a browser that remembers
 * Basic credentials cannot be made to write by another site's form. Clients that are not browsers (curl, scripts)
 * send neither header and are not affected. The web pages' own form posts carry CSRF tokens (quarkus-rest-csrf).</li>
 * <li>a body declared larger than {@code readiness.max-body-size} is refused at once (413 problem+json), before
 * any of it is read; one sent without a length is stopped when it grows past it ({@link org.readiness.http.BodyGuard}).</li>
 * </ul>
 */
@ApplicationScoped
public class HttpHardening {

    /** For the future web pages; JSON responses ignore it. Swagger UI gets a looser one (inline scripts). */
    static final String CSP = "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";
    static final String CSP_DOCS = "frame-ancestors 'none'";

    @Inject
    ReadinessConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    RouteTemplates routes;

    @Inject
    LoginGuard logins;

    void register(@Observes Filters filters) {
        filters.register(this::filter, 1000);
    }

    void filter(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        HttpServerResponse response = rc.response();
        String path = Optional.ofNullable(rc.normalizedPath()).orElse("/");
        rc.addHeadersEndHandler(v -> headers(response, path));
        Optional<LoginGuard.Screened> refused = logins.screen(request);
        if (refused.isPresent()) {
            LoginGuard.Screened r = refused.get();
            r.retryAfter().ifPresent(seconds -> response.putHeader("Retry-After", String.valueOf(seconds)));
            problem(rc, r.status(), r.slug(), r.title(), r.detail());
            return;
        }
        long limit = config.maxBodySize().asLongValue();
        long declared = declaredLength(request);
        if (declared > limit) {
            problem(rc, 413, "payload-too-large", "Payload too large",
                    "The body may be at most " + limit + " bytes; this one declares " + declared);
            return;
        }
        if (path.startsWith("/api/") && unsafe(request.method()) && crossSite(request)) {
            problem(rc, 403, "cross-site-request", "Forbidden", "The API does not accept writes sent by another site's page");
            return;
        }
        rc.next();
    }

    private static void headers(HttpServerResponse response, String path) {
        response.headers().set("X-Content-Type-Options", "nosniff");
        response.headers().set("X-Frame-Options", "DENY");
        response.headers().set("Referrer-Policy", "no-referrer");
        response.headers().set("Content-Security-Policy", path.startsWith("/q/swagger-ui") ? CSP_DOCS : CSP);
        // Cache-Control and Strict-Transport-Security: PrivateResponses.
    }

    private void problem(RoutingContext rc, int status, String slug, String title, String detail) {
        // Answered before routing: the meters would otherwise name this request by its path, ids and all.
        routes.name(rc);
        Problem problem = new Problem(Problem.type(slug), title, status, detail, rc.request().path(), List.of());
        try {
            rc.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            rc.response().setStatusCode(status).end();
        }
    }

    private static long declaredLength(HttpServerRequest request) {
        try {
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean unsafe(HttpMethod method) {
        return method != HttpMethod.GET && method != HttpMethod.HEAD && method != HttpMethod.OPTIONS;
    }

    static boolean crossSite(HttpServerRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            site = site.trim().toLowerCase(Locale.ROOT);
            return site.equals("cross-site") || site.equals("same-site");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String host = request.authority() == null ? null : request.authority().toString();
        return host == null || !(origin.equalsIgnoreCase("http://" + host) || origin.equalsIgnoreCase("https://" + host));
    }
}
