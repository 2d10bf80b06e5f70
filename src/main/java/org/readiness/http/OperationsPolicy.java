package org.readiness.http;

import org.readiness.identity.Role;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.readiness.config.ReadinessConfig;

import java.util.List;

/**
 * /q/metrics: only to the roles of readiness.security.metrics-roles (admin by default), in every profile: its
 * meters tell request volumes and rule firings that are nobody else's business. /q/openapi and /q/swagger-ui:
 * open to anyone when readiness.security.open-api-docs is true (the embedded default), otherwise to admins only.
 * Named in application.properties.
 */
@ApplicationScoped
public class OperationsPolicy implements HttpSecurityPolicy {

    @Inject
    ReadinessConfig config;

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
                                            AuthorizationRequestContext requestContext) {
        if (request.normalizedPath().startsWith("/q/metrics")) {
            List<String> roles = config.security().metricsRoles();
            return identity.map(id -> roles.stream().anyMatch(id::hasRole) ? CheckResult.PERMIT : CheckResult.DENY);
        }
        if (config.security().openApiDocs()) {
            return Uni.createFrom().item(CheckResult.PERMIT);
        }
        return identity.map(id -> id.hasRole(Role.R_ADMIN) ? CheckResult.PERMIT : CheckResult.DENY);
    }

    @Override
    public String name() {
        return "readiness-operations";
    }
}
