package org.readiness.identity;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;

/**
 * The one place that decides who is acting. Until authentication exists every request is "anonymous";
 * once a security extension provides an identity, its principal's name is recorded instead, with no
 * change elsewhere.
 */
@ApplicationScoped
public class CurrentUser {

    public static final String ANONYMOUS = "anonymous";

    @Inject
    Instance<SecurityIdentity> identity;

    @Inject
    Clock clock;

    /** The acting user and the current time. */
    public Stamp stamp() {
        return Stamp.of(name(), Instant.now(clock));
    }

    String name() {
        if (!identity.isResolvable() || !Arc.container().requestContext().isActive()) {
            return ANONYMOUS;
        }
        SecurityIdentity current = identity.get();
        return current.isAnonymous() ? ANONYMOUS : current.getPrincipal().getName();
    }
}
