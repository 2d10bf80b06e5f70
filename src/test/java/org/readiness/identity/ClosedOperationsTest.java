package org.readiness.identity;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;

import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * As with pg (production): the OpenAPI documents for admins only; health open. Metrics for the roles named in
 * readiness.security.metrics-roles: here auditor and admin, as a site whose scraper signs in as an auditor.
 */
@QuarkusTest
@TestProfile(ClosedOperationsTest.Closed.class)
class ClosedOperationsTest {

    public static class Closed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("readiness.security.metrics-roles", "auditor,admin", "readiness.security.open-api-docs", "false");
        }
    }

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
