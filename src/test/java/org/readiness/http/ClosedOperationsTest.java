package org.readiness.http;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;
import org.readiness.testing.DeployedSettings;

import static io.restassured.RestAssured.given;

/**
 * As with pg (production): the OpenAPI documents for admins only; health open. Metrics for the roles named in
 * readiness.security.metrics-roles: here auditor and admin ({@link DeployedSettings}).
 */
@QuarkusTest
@TestProfile(DeployedSettings.class)
class ClosedOperationsTest {

    @Test
    void apiDocsNeedAnAdminMetricsTheirRolesAndHealthStaysOpen() {
        given().get("/q/health").then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(200);
        for (String path : new String[]{"/q/metrics", "/q/openapi"}) {
            given().redirects().follow(false).get(path).then().statusCode(401);
            Api.analyst().get(path).then().statusCode(403);
            Api.admin().get(path).then().statusCode(200);
        }
        Api.auditor().get("/q/metrics").then().statusCode(200);
        Api.auditor().get("/q/openapi").then().statusCode(403);
    }
}
