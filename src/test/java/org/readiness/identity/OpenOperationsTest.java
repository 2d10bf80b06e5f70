package org.readiness.identity;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.readiness.config.ReadinessConfig;
import org.readiness.testing.TestDatabase;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The defaults: health always open; metrics and the OpenAPI documents open in the embedded default (the H2 run)
 * and admin-only with pg (the PostgreSQL run, profile test,pg). ClosedOperationsTest covers admin access.
 */
@QuarkusTest
class OpenOperationsTest {

    @Inject
    ReadinessConfig config;

    @Test
    void healthIsOpenAndMetricsAndApiDocsFollowTheProfileDefault() {
        boolean open = !TestDatabase.postgres();
        assertEquals(open, config.security().openMetrics());
        assertEquals(open, config.security().openApiDocs());
        given().get("/q/health").then().statusCode(200);
        for (String path : new String[]{"/q/metrics", "/q/openapi", "/q/swagger-ui/"}) {
            given().redirects().follow(false).get(path).then().statusCode(open ? 200 : 401);
        }
    }
}
