package org.readiness.web;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import org.readiness.account.WebSessions;
import org.readiness.problem.ProblemException;

import java.util.List;
import java.util.Set;

/**
 * The CSRF tokens of the pages, bound to the signed-in session: a page's forms carry the token derived from the
 * session's id ({@link WebSessions#csrfToken}), which also goes to the browser as quarkus-rest-csrf's cookie. Every
 * other method than GET, HEAD and OPTIONS under /web must be a form whose token and cookie are both the session's;
 * anything else (no token, another session's token, no form at all) is refused with the GOV.UK 403 page before the
 * page's code runs. quarkus-rest-csrf then checks token against cookie once more, as for any form, and makes no
 * tokens of its own for pages (quarkus.rest-csrf.create-token-path).
 */
public class SessionCsrf {

    /** The key under which quarkus-rest-csrf's {@code inject:csrf} template helper reads the token. */
    private static final String TEMPLATE_TOKEN = "csrf_token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    WebSessions sessions;

    /**
     * Must run before quarkus-rest-csrf's filter (Priorities.USER, also @WithFormRead), so that a refusal on a page is
     * the page, not a bare 400. Quarkus 3.33 runs filters that read the form in the reverse of their priority order
     * (quarkusio/quarkus#54947, fixed in later versions), hence the higher number; CsrfTest fails if that changes.
     */
    @ServerRequestFilter(priority = Priorities.USER + 100)
    @WithFormRead
    public void filter(ResteasyReactiveContainerRequestContext request, RoutingContext rc) {
        if (!ErrorPages.isPage(rc.normalizedPath())) {
            return;
        }
        String sessionId = rc.get(WebSessions.SESSION_ID);
        String token = sessionId == null ? null : WebSessions.csrfToken(sessionId);
        Cookie cookie = rc.request().getCookie(WebSessions.CSRF_COOKIE);
        if (SAFE.contains(request.getMethod())) {
            if (token != null) {
                rc.put(TEMPLATE_TOKEN, token);
                if (cookie == null || !token.equals(cookie.getValue())) {
                    sessions.sendCsrfCookie(rc, token);
                }
            }
            return;
        }
        MediaType type = request.getMediaType();
        boolean form = type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) && !type.isWildcardType() && !type.isWildcardSubtype();
        Object sent = form ? ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                .getFormParameter(WebSessions.CSRF_COOKIE, true, false) : null;
        if (token == null || cookie == null || !token.equals(cookie.getValue()) || !token.equals(sent)) {
            throw new ProblemException(403, ErrorPages.CSRF_REFUSED, "Forbidden", "This form was not sent from a page "
                    + "of your current session, so nothing was changed. Go back, reload the page and try again.", List.of());
        }
        // A form shown again with its errors carries the same token.
        rc.put(TEMPLATE_TOKEN, token);
    }
}
