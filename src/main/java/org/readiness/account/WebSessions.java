package org.readiness.account;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.readiness.persistence.Digests;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The web pages' sessions, kept in the database so that the server can end one (the form login's own cookie is a
 * stateless encrypted token that stays valid until it times out). A sign-in starts a session whose random id goes
 * to the browser in the {@value #COOKIE} cookie; every request signed in by the form cookie must also carry the id
 * of a live session of the same user ({@link WebSessionCheck}), read from the database each time, so that an ended
 * session is refused at once by every instance. Signing out ends one session; any change to a user (password,
 * roles, organisation) ends all of that user's, in the change's own transaction.
 * <p>
 * The CSRF token of a session's forms is derived from its id ({@link #csrfToken}), so a token from one session is
 * refused in another.
 */
@ApplicationScoped
public class WebSessions {

    public static final String COOKIE = "readiness-session";
    /** quarkus-rest-csrf's cookie (quarkus.rest-csrf.cookie-name) and its form field, left at their defaults. */
    public static final String CSRF_COOKIE = "csrf-token";
    /** Where the routing context keeps the id of the session that signed the request in. */
    public static final String SESSION_ID = WebSessions.class.getName() + ".id";
    /** quarkus-rest-csrf's token size (quarkus.rest-csrf.token-size): it refuses a cookie of another size. */
    private static final int CSRF_TOKEN_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The form login's idle timeout: a session unused for longer has ended with its cookie. */
    @ConfigProperty(name = "quarkus.http.auth.form.timeout", defaultValue = "PT30M")
    Duration idle;

    /** How often the form cookie is renewed; a session's seen_at is written no more often than that. */
    @ConfigProperty(name = "quarkus.http.auth.form.new-cookie-interval", defaultValue = "PT1M")
    Duration touchEvery;

    @ConfigProperty(name = "quarkus.rest-csrf.cookie-max-age", defaultValue = "PT2H")
    Duration csrfCookieMaxAge;

    /** Starts a session for {@code username}; returns its id, which only the browser's cookie keeps. */
    @Transactional
    public String start(String username) {
        Instant now = Instant.now();
        WebSession.delete("seenAt < ?1", now.minus(idle).minus(touchEvery));
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        WebSession session = new WebSession();
        session.idDigest = Digests.sha256(id);
        session.username = username;
        session.createdAt = now;
        session.seenAt = now;
        session.persist();
        return id;
    }

    /** Whether {@code id} is a live session of {@code username}; notes the use at most once a touch interval. */
    @Transactional
    public boolean live(String id, String username) {
        Instant now = Instant.now();
        Optional<WebSession> session = WebSession.findByIdOptional(Digests.sha256(id));
        if (session.isEmpty() || !session.get().username.equals(username)
                || session.get().seenAt.isBefore(now.minus(idle).minus(touchEvery))) {
            return false;
        }
        if (session.get().seenAt.isBefore(now.minus(touchEvery))) {
            // A bulk update: a session ended meanwhile (by another instance) is simply not found, never an error.
            WebSession.update("seenAt = ?1 where idDigest = ?2", now, session.get().idDigest);
        }
        return true;
    }

    /** Ends one session (signing out). */
    @Transactional
    public void end(String id) {
        WebSession.deleteById(Digests.sha256(id));
    }

    /** Ends every session of a user that changed, in the change's transaction: both commit, or neither. */
    @Transactional
    void userChanged(@Observes VerifiedCredentials.UserChanged change) {
        WebSession.delete("username", change.username());
    }

    /** How many live sessions a user has (tests). */
    @Transactional
    public long count(String username) {
        return WebSession.count("username", username);
    }

    /** The CSRF token of a session's forms: derived from its id, so it is the same on every instance and in no other session. */
    public static String csrfToken(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("csrf-token\0" + sessionId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, CSRF_TOKEN_BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** Sends the session cookie and its CSRF cookie: HttpOnly, SameSite=Strict, Secure over HTTPS. */
    public void sendCookies(RoutingContext rc, String sessionId) {
        rc.response().addCookie(cookie(rc, COOKIE, sessionId));
        sendCsrfCookie(rc, csrfToken(sessionId));
    }

    public void sendCsrfCookie(RoutingContext rc, String token) {
        rc.response().addCookie(cookie(rc, CSRF_COOKIE, token).setMaxAge(csrfCookieMaxAge.toSeconds()));
    }

    /**
     * Expires the session cookie in the browser. (The CSRF cookie stays: quarkus-rest-csrf renews it after every
     * form post it checked. It belongs to the ended session, and is refused with it.)
     */
    public static void forgetCookie(RoutingContext rc) {
        rc.response().addCookie(cookie(rc, COOKIE, "").setMaxAge(0));
    }

    private static Cookie cookie(RoutingContext rc, String name, String value) {
        // isSSL() is true over HTTPS, also when a trusted proxy says so (quarkus.http.proxy.*, docs/operations.md).
        return Cookie.cookie(name, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(rc.request().isSSL());
    }
}
