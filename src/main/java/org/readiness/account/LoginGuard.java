package org.readiness.account;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.spi.runtime.AuthenticationFailureEvent;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.readiness.config.ReadinessConfig;
import org.readiness.persistence.DatabaseFaults;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where failed logins meet the service (docs/security.md, "Failed logins"):
 * <ul>
 * <li>every failed credential check, whatever the mechanism (HTTP Basic, the form login, an OIDC bearer token),
 * is counted here, from Quarkus' {@link AuthenticationFailureEvent}, and reported to the audit log
 * ({@link LoginAudit});</li>
 * <li>the refusal comes before the password is checked: in {@link VerifiedCredentials} for a username and
 * password (Basic and form), in {@link HttpHardening} for a bearer token (its address only);</li>
 * <li>a request with more than one Authorization header is refused (400): Quarkus would check one and a
 * filter might read another;</li>
 * <li>the address is the connection's peer, or the X-Forwarded-For client when Quarkus trusts the peer as a proxy
 * ({@code quarkus.http.proxy.*}): forwarding without a list of trusted proxies stops the start.</li>
 * </ul>
 */
@ApplicationScoped
public class LoginGuard {

    /** On a refused attempt's AuthenticationFailedException: the {@link LoginThrottle.Refusal}. */
    public static final String REFUSAL = "readiness.login.refusal";
    /**
     * On the failure of a form cookie whose server-side session has ended (signed out, or the user changed): the
     * cookie was made by this service, so presenting it is not a guess and is not counted.
     */
    public static final Map<String, Object> SESSION_ENDED_ATTRIBUTE = Map.of("readiness.login.session-ended", true);
    /** On the routing context: the username a credential check was asked for. */
    static final String ATTEMPTED = "readiness.login.username";
    /** On the routing context: the address of a password check reserved and not yet ended. */
    static final String RESERVED = "readiness.login.reserved";

    /** What the HTTP filter answers instead of going on. */
    public record Screened(int status, String slug, String title, String detail, Optional<Long> retryAfter) {
    }

    @Inject
    ReadinessConfig config;

    @Inject
    LoginAudit audit;

    @Inject
    DatabaseFaults database;

    private LoginThrottle throttle;

    void start(@Observes StartupEvent start, Config settings) {
        untrustedForwarding(settings.getOptionalValue("quarkus.http.proxy.proxy-address-forwarding", Boolean.class).orElse(false),
                settings.getOptionalValues("quarkus.http.proxy.trusted-proxies", String.class).orElse(List.of()))
                .ifPresent(problem -> {
                    throw new IllegalStateException(problem);
                });
    }

    /** Why the proxy settings would let any client choose its address, if they do. */
    static Optional<String> untrustedForwarding(boolean forwarding, List<String> trustedProxies) {
        return forwarding && trustedProxies.isEmpty()
                ? Optional.of("quarkus.http.proxy.proxy-address-forwarding is on but quarkus.http.proxy.trusted-proxies is empty: "
                + "every client could choose its address with X-Forwarded-For and escape the failed-login limits. "
                + "List the proxies' addresses in quarkus.http.proxy.trusted-proxies.")
                : Optional.empty();
    }

    LoginThrottle throttle() {
        if (throttle == null) {
            synchronized (this) {
                if (throttle == null) {
                    ReadinessConfig.Login l = config.security().login();
                    throttle = new LoginThrottle(new LoginThrottle.Limits(l.maxFailures(), l.lockout(), l.maxLockout(),
                            l.forgetAfter(), l.maxFailuresPerUser(), l.maxFailuresPerAddress(), l.window(), l.remember()),
                            Clock.systemUTC());
                }
            }
        }
        return throttle;
    }

    /** For the HTTP filter, before any authentication. Empty: go on. */
    public Optional<Screened> screen(HttpServerRequest request) {
        List<String> authorizations = request.headers().getAll(HttpHeaders.AUTHORIZATION);
        if (authorizations.size() > 1) {
            return Optional.of(new Screened(400, "invalid-request", "The request is not valid",
                    "A request may carry one Authorization header; this one has " + authorizations.size(), Optional.empty()));
        }
        if (authorizations.size() == 1 && authorizations.get(0).regionMatches(true, 0, "Bearer ", 0, 7)) {
            // A token names no user before it is verified: only its address can be refused.
            return throttle().check(null, address(request)).map(r -> new Screened(429, "too-many-requests",
                    "Too many failed logins", tooMany(r), Optional.of(r.seconds())));
        }
        return Optional.empty();
    }

    /**
     * For a username and password about to be checked: the failure to answer with (carrying {@link #REFUSAL})
     * while the user, the address or the pair is held back, right password or not.
     */
    Optional<AuthenticationFailedException> check(AuthenticationRequest request, String username) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (rc == null) {
            return Optional.empty();
        }
        rc.put(ATTEMPTED, username);
        return throttle().check(username, address(rc.request()))
                .map(r -> new AuthenticationFailedException(tooMany(r), Map.of(REFUSAL, r)));
    }

    /**
     * Reserves the password check about to run for this request (see {@link LoginThrottle#reserve}); the failure
     * to answer with when too many are running for the pair or the user. Granted reservations end with
     * {@link #checked}.
     */
    Optional<AuthenticationFailedException> reserve(AuthenticationRequest request, String username) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (rc == null) {
            return Optional.empty();
        }
        String address = address(rc.request());
        Optional<AuthenticationFailedException> refused = throttle().reserve(username, address)
                .map(r -> new AuthenticationFailedException(tooMany(r), Map.of(REFUSAL, r)));
        if (refused.isEmpty()) {
            rc.put(RESERVED, address);
        }
        return refused;
    }

    /** Ends the reservation {@link #reserve} made for this request, if it made one. */
    void checked(AuthenticationRequest request, String username) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        String address = rc == null ? null : rc.remove(RESERVED);
        if (address != null) {
            throttle().checked(username, address);
        }
    }

    /** A username and password were verified: that pair starts afresh and is known from now on. */
    void succeeded(AuthenticationRequest request, String username) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (rc != null) {
            throttle().succeeded(username, address(rc.request()));
        }
    }

    /** Every failed authentication of an HTTP request, from Quarkus, whatever the mechanism. */
    void failed(@Observes AuthenticationFailureEvent event) {
        Throwable failure = event.getAuthenticationFailure();
        if (!(event.getEventProperties().get(RoutingContext.class.getName()) instanceof RoutingContext rc)
                || refusal(failure).isPresent() || ended(failure)
                || failure.getCause() != null && database.classify(failure) != DatabaseFaults.Failure.NONE) {
            // A refusal is not a guess; nor is an ended session's cookie, nor a database that fails the check.
            return;
        }
        String username = rc.get(ATTEMPTED);
        String address = address(rc.request());
        List<LoginThrottle.LockOut> lockOuts = throttle().failed(username, address);
        audit.failed(username, address);
        lockOuts.forEach(audit::lockedOut);
    }

    private static boolean ended(Throwable failure) {
        return failure instanceof AuthenticationFailedException e
                && Boolean.TRUE.equals(e.getAttribute("readiness.login.session-ended"));
    }

    /** The refusal an authentication failure carries, if it is one. */
    public static Optional<LoginThrottle.Refusal> refusal(Throwable failure) {
        return failure instanceof AuthenticationFailedException e && e.getAttribute(REFUSAL) instanceof LoginThrottle.Refusal r
                ? Optional.of(r) : Optional.empty();
    }

    /** Forgets every failure and lock-out (tests). */
    public void reset() {
        throttle().reset();
    }

    static String address(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    private static String tooMany(LoginThrottle.Refusal r) {
        String whom = switch (r.scope()) {
            case USER_AT_ADDRESS -> "this user from this address";
            case USER -> "this user";
            case ADDRESS -> "this address";
        };
        return "Too many failed logins for " + whom + "; try again in " + r.seconds() + " s";
    }
}
