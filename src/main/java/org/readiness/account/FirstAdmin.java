package org.readiness.account;

import org.readiness.identity.Role;
import org.readiness.identity.Stamp;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.readiness.config.ReadinessConfig;
import org.readiness.problem.ProblemException;

import java.time.Instant;
import java.util.Set;

/**
 * Creates the first admin from READINESS_ADMIN_USERNAME and READINESS_ADMIN_PASSWORD (readiness.admin.*) when
 * no user has the admin role, so that production, which has no demo users, can be set up. Runs after the demo
 * seeds, which bring their own admin. The password is never logged.
 */
@ApplicationScoped
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);

    @Inject
    ReadinessConfig config;

    @Inject
    UserService users;

    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        create();
    }

    /**
     * The rules of passwords set through the API hold for this one too: a password that breaks them stops the start
     * that would create the admin with it, naming the variable and what is wrong (never the password).
     */
    static void checkPassword(String password) {
        var problems = Passwords.problems(password);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("READINESS_ADMIN_PASSWORD (readiness.admin.password) "
                    + String.join("; ", problems));
        }
    }

    /** Returns whether it created the admin. */
    boolean create() {
        var username = config.admin().username().filter(s -> !s.isBlank());
        var password = config.admin().password().filter(s -> !s.isBlank());
        if (username.isEmpty() || password.isEmpty()) {
            return false;
        }
        if (users.anyAdmin() || users.exists(username.get())) {
            LOG.debugf("First admin not created: an admin or a user named %s exists already", username.get());
            return false;
        }
        checkPassword(password.get());
        try {
            users.create(new UserService.NewUser(username.get(), password.get(), Set.of(Role.ADMIN), null),
                    Stamp.of("system", Instant.now()));
        } catch (ProblemException e) {
            // Replicas started together on an empty database race here; the one that loses finds the admin made
            // by another (409) and starts normally instead of failing its start.
            if (e.status() == 409 && users.exists(username.get())) {
                LOG.infof("First admin %s was created by another instance meanwhile", username.get());
                return false;
            }
            throw e;
        }
        LOG.infof("Created the first admin, %s, from readiness.admin.username and readiness.admin.password", username.get());
        return true;
    }
}
