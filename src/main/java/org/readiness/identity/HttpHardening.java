package org.readiness.identity;

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
import org.readiness.observability.RouteTemplates;
import org.readiness.problem.Problem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs first on every HTTP request:
 * <ul>
 * <li>security headers on every response (nosniff, frame denial, referrer policy, a content security policy);</li>
 * <li>failed logins limited: after {@code readiness.security.login.max-failures} failed HTTP Basic logins of one
 * username (or {@code max-failures-per-address} from one client address) within the lock-out time, further
 * attempts are answered 429 with Retry-After until the lock-out ends, right or wrong password;</li>
 * <li>cross-site writes to the API are refused (403): a browser marks them with {@code Sec-Fetch-Site:
 * cross-site} or {@code same-site}, or an {@code Origin} that is not this service's. So a browser that remembers
 * Basic credentials cannot be made to write by another site's form. Clients that are not browsers (curl, scripts)
 * send neither header and are not affected. The web pages' own form posts carry CSRF tokens (quarkus-rest-csrf).</li>
 * <li>a body declared larger than {@code readiness.max-body-size} is refused at once (413 problem+json), before
 * any of it is read; one sent without a length is stopped when it grows past it ({@link org.readiness.problem.BodyGuard}).</li>
 * </ul>
 * The password is never read here: only the username part of the Authorization header.
 */
@ApplicationScoped
public class HttpHardening {

    /** For the future web pages; JSON responses ignore it. Swagger UI gets a looser one (inline scripts). */
    static final String CSP = "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";
    static final String CSP_DOCS = "frame-ancestors 'none'";
    private static final int MAX_TRACKED = 10_000;

    @Inject
    ReadinessConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    RouteTemplates routes;


    private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();

    /** Failures of one key (a username or an address) and when its lock-out ends. */
    static final class Attempts {
        int failures;
        Instant since;
        Instant lockedUntil;
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, 1000);
    }

    void filter(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        HttpServerResponse response = rc.response();
        String path = Optional.ofNullable(rc.normalizedPath()).orElse("/");
        Optional<String> username = basicUsername(request.getHeader(HttpHeaders.AUTHORIZATION));
        String address = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        rc.addHeadersEndHandler(v -> {
            headers(response, path);
            if (username.isPresent()) {
                if (response.getStatusCode() == 401) {
                    failed("user:" + username.get(), config.security().login().maxFailures());
                    failed("address:" + address, config.security().login().maxFailuresPerAddress());
                } else if (response.getStatusCode() < 400) {
                    attempts.remove("user:" + username.get());
                }
            }
        });
        if (username.isPresent()) {
            Optional<Instant> locked = lockedUntil("user:" + username.get()).or(() -> lockedUntil("address:" + address));
            if (locked.isPresent()) {
                long seconds = Math.max(1, Duration.between(Instant.now(), locked.get()).toSeconds() + 1);
                response.putHeader("Retry-After", String.valueOf(seconds));
                problem(rc, 429, "too-many-requests", "Too many failed logins",
                        "Too many failed logins for this user or from this address; try again in " + seconds + " s");
                return;
            }
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

    private Optional<Instant> lockedUntil(String key) {
        Attempts a = attempts.get(key);
        if (a == null) {
            return Optional.empty();
        }
        synchronized (a) {
            return a.lockedUntil != null && a.lockedUntil.isAfter(Instant.now()) ? Optional.of(a.lockedUntil) : Optional.empty();
        }
    }

    private void failed(String key, int max) {
        Instant now = Instant.now();
        Duration lockout = config.security().login().lockout();
        if (attempts.size() > MAX_TRACKED) {
            attempts.values().removeIf(a -> a.since.plus(lockout).isBefore(now)
                    && (a.lockedUntil == null || a.lockedUntil.isBefore(now)));
        }
        Attempts a = attempts.computeIfAbsent(key, k -> new Attempts());
        synchronized (a) {
            if (a.since == null || a.since.plus(lockout).isBefore(now)) {
                a.failures = 0;
                a.since = now;
            }
            a.failures++;
            if (a.failures >= max) {
                a.lockedUntil = now.plus(lockout);
                a.failures = 0;
                a.since = now;
            }
        }
    }

    /** Forgets every failure and lock-out (tests). */
    public void reset() {
        attempts.clear();
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

    /** The username of an HTTP Basic header; the password part is not kept. */
    static Optional<String> basicUsername(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? Optional.empty() : Optional.of(decoded.substring(0, colon));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
