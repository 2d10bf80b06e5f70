package org.readiness.identity;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.readiness.config.ReadinessConfig;
import org.readiness.testing.Api;
import org.readiness.testing.TestDatabase;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The defaults: health always open; metrics for admins only in every profile (the H2 run is the embedded default,
 * the PostgreSQL run is pg); the OpenAPI documents open in the embedded default and admin-only with pg.
 * ClosedOperationsTest covers admin access to the documents and other metrics roles.
 */
@QuarkusTest
class OpenOperationsTest {

    @Inject
    ReadinessConfig config;

    @Test
    void healthIsOpenMetricsNeedAnAdminAndApiDocsFollowTheProfileDefault() {
        boolean open = !TestDatabase.postgres();
        assertEquals(List.of(Role.R_ADMIN), config.security().metricsRoles());
        assertEquals(open, config.security().openApiDocs());
        given().get("/q/health").then().statusCode(200);
        given().redirects().follow(false).get("/q/metrics").then().statusCode(401);
        Api.analyst().get("/q/metrics").then().statusCode(403);
        Api.auditor().get("/q/metrics").then().statusCode(403);
        Api.admin().get("/q/metrics").then().statusCode(200);
        for (String path : new String[]{"/q/openapi", "/q/swagger-ui/"}) {
            given().redirects().follow(false).get(path).then().statusCode(open ? 200 : 401);
        }
    }
}
