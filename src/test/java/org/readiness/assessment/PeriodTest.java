package org.readiness.assessment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;
import org.readiness.testing.TestClock;

import java.time.Instant;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** A period may not be after the current month (or day, for a day): one to come would stand as the latest result. */
@QuarkusTest
class PeriodTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPeriodMayNotBeAfterTheCurrentMonthOrDayInUkTime() {
        String code = Api.createOrganisation();
        // 23:30 UTC on 31 May is already 1 June in the UK (summer time).
        clock.set(Instant.parse("2025-05-31T23:30:00Z"));
        create(code, "2025-06").statusCode(201).body("createdAt", startsWith("2025-05-31T23:30"));
        create(code, "2025-06-01").statusCode(201);
        create(code, "2025-05").statusCode(201);
        create(code, "2025-06-02").statusCode(400).body("errors.pointer", hasItem("/period"))
                .body("errors[0].detail", equalTo("must not be after the current day (2025-06-01); found 2025-06-02"));
        create(code, "2025-07").statusCode(400)
                .body("errors[0].detail", equalTo("must not be after the current month (2025-06); found 2025-07"));
        Api.as(Api.leadOf(code)).get("/api/v1/assessments?organisation=" + code).then().body("total", equalTo(3));
    }

    private static ValidatableResponse create(String code, String period) {
        return Api.as(Api.leadOf(code)).body("{\"organisation\":\"" + code + "\",\"questionnaire\":\"nttp-readiness\","
                + "\"period\":\"" + period + "\"}").post("/api/v1/assessments").then();
    }
}
