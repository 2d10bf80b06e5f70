package org.readiness.identity;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;

/** The embedded default: health, metrics and the OpenAPI documents open to anyone. */
@QuarkusTest
class OpenOperationsTest {

    @Test
    void healthMetricsAndApiDocsAreOpen() {
        for (String path : new String[]{"/q/health", "/q/metrics", "/q/openapi", "/q/swagger-ui/"}) {
            given().get(path).then().statusCode(200);
        }
    }
}
