package org.readiness.identity;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityPolicy;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.readiness.config.ReadinessConfig;

/**
 * /q/metrics, /q/openapi and /q/swagger-ui: open to anyone when readiness.security.open-metrics /
 * open-api-docs is true (the embedded default), otherwise to admins only. Named in application.properties.
 */
@ApplicationScoped
public class OperationsPolicy implements HttpSecurityPolicy {

    @Inject
    ReadinessConfig config;

    @Override
    public Uni<CheckResult> checkPermission(RoutingContext request, Uni<SecurityIdentity> identity,
                                            AuthorizationRequestContext requestContext) {
        String path = request.normalizedPath();
        boolean open = path.startsWith("/q/metrics") ? config.security().openMetrics() : config.security().openApiDocs();
        if (open) {
            return Uni.createFrom().item(CheckResult.PERMIT);
        }
        return identity.map(id -> id.hasRole(Role.R_ADMIN) ? CheckResult.PERMIT : CheckResult.DENY);
    }

    @Override
    public String name() {
        return "readiness-operations";
    }
}
