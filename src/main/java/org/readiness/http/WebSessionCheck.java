package org.readiness.http;

import org.readiness.account.LoginGuard;
import org.readiness.account.WebSessions;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.readiness.web.ErrorPages;

import java.util.Map;

/**
 * Ties the form login to a server-side session ({@link WebSessions}). Runs after every authentication that the form
 * mechanism made: the sign-in itself (POST to the form's action) starts a session and sends its cookies; any other
 * request signed in by the form cookie is refused as unauthenticated (the pages then lead to the sign-in page) unless
 * it also carries the id of a live session of the same user. HTTP Basic and bearer tokens are not affected.
 */
@ApplicationScoped
public class WebSessionCheck implements SecurityIdentityAugmentor {

    @Inject
    WebSessions sessions;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(identity);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context,
                                         Map<String, Object> attributes) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(attributes);
        if (identity.isAnonymous() || rc == null
                || !(rc.get(HttpAuthenticationMechanism.class.getName()) instanceof FormAuthenticationMechanism)) {
            return Uni.createFrom().item(identity);
        }
        String username = identity.getPrincipal().getName();
        if (rc.request().method() == HttpMethod.POST && ErrorPages.SIGN_IN.equals(rc.normalizedPath())) {
            return context.runBlocking(() -> {
                String id = sessions.start(username);
                sessions.sendCookies(rc, id);
                return identity;
            });
        }
        Cookie cookie = rc.request().getCookie(WebSessions.COOKIE);
        if (cookie == null || cookie.getValue().isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("The form login carries no session", LoginGuard.SESSION_ENDED_ATTRIBUTE));
        }
        return context.runBlocking(() -> {
            if (!sessions.live(cookie.getValue(), username)) {
                throw new AuthenticationFailedException("The session has ended", LoginGuard.SESSION_ENDED_ATTRIBUTE);
            }
            rc.put(WebSessions.SESSION_ID, cookie.getValue());
            return identity;
        });
    }
}
