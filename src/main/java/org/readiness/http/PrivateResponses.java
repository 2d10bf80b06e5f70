package org.readiness.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.readiness.web.ErrorPages;

import java.util.Optional;

/**
 * Headers for responses that may carry a user's data:
 * <ul>
 * <li>{@code Cache-Control: no-store} on the API, every page, result and download under /web, and the sign-in
 * answer, so that neither the browser's cache nor a shared proxy keeps them for the next user of the machine;</li>
 * <li>{@code Strict-Transport-Security} on every response that came over HTTPS: directly, or through a
 * TLS-terminating proxy that the service trusts (quarkus.http.proxy.*, see docs/operations.md). The session and
 * CSRF cookies carry {@code Secure} under the same condition.</li>
 * </ul>
 */
@ApplicationScoped
public class PrivateResponses {

    static final String HSTS = "max-age=31536000";

    /** Before HttpHardening (1000), whose refusals end the response at once: they get these headers too. */
    void register(@Observes Filters filters) {
        filters.register(this::filter, 1010);
    }

    void filter(RoutingContext rc) {
        String path = Optional.ofNullable(rc.normalizedPath()).orElse("/");
        boolean https = rc.request().isSSL();
        HttpServerResponse response = rc.response();
        rc.addHeadersEndHandler(v -> {
            if (path.startsWith("/api/") || ErrorPages.isPage(path)) {
                response.headers().set("Cache-Control", "no-store");
            }
            if (https) {
                response.headers().set("Strict-Transport-Security", HSTS);
            }
        });
        rc.next();
    }
}
