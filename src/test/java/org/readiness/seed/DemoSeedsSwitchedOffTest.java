package org.readiness.seed;

import org.readiness.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.readiness.config.ReadinessConfig;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * With readiness.seeds.enabled=false (the test profile's setting) nothing is seeded. Every application
 * started on this run's main test database began on an empty one (TestDatabase makes a new one per run), so
 * had the switch been ignored, the trial areas would be here; no other test creates their codes.
 */
@QuarkusTest
class DemoSeedsSwitchedOffTest {

    @Inject
    ReadinessConfig config;

    @Test
    void seedsAreNotLoadedWhenSwitchedOff() {
        assertFalse(config.seeds().enabled());
        for (String code : List.of(DemoSeedsTest.ARGYLL, DemoSeedsTest.GLASGOW, DemoSeedsTest.MIDLOTHIAN)) {
            Api.analyst().get("/api/v1/organisations/" + code).then().statusCode(404);
        }
        Api.analyst().get("/api/v1/assessments/5eed0035-0000-4000-8000-000000202503").then().statusCode(404);
        Api.analyst().get("/api/v1/assessments/5eed0035-0000-4000-8000-000000202603").then().statusCode(404);
        // No demo users without the seeds: "admin" / "demo" is refused, and no such user exists.
        Api.as("admin", "demo").get("/api/v1/questionnaires").then().statusCode(401);
        for (String user : List.of("admin", "analyst", "auditor", "lead-s12000035", "respondent-s12000035")) {
            Api.admin().get("/api/v1/users/" + user).then().statusCode(404);
        }
    }
}
