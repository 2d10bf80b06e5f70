package org.readiness.observability;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

@QuarkusTest
class ObservabilityTest {

    @Test
    void readinessNeedsTheRulesetAndTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("ruleset"))
                .body("checks.find { it.name == 'ruleset' }.data.version", matchesPattern("[0-9a-f]{64}"))
                .body("checks.name", hasItem("Database connections health check"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void scoringSubmissionsAndReloadsAreMetered() {
        Api.analyst().contentType(ContentType.JSON)
                .body(Map.of("questionnaire", "nttp-readiness", "answers", List.of(Map.of("question", "DL-01", "value", 1))))
                .post("/api/v1/score").then().statusCode(200);
        Api.submitted("");
        Api.admin().post("/api/v1/ruleset/reload").then().statusCode(200);
        Api.admin().get("/q/metrics").then().statusCode(200)
                .body(containsString("readiness_scoring_seconds_bucket"))
                .body(containsString("readiness_rules_fired_total{rule=\"GATE-NO-LEAD\"}"))
                .body(containsString("readiness_submissions_total{outcome=\"stored\"}"))
                .body(containsString("readiness_ruleset_reloads_total{outcome=\"unchanged\"}"))
                .body(containsString("http_server_requests_seconds_count"))
                .body(containsString("agroal_"));
    }
}
