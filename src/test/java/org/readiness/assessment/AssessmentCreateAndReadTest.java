package org.readiness.assessment;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** POST /assessments and GET /assessments/{id}: starting a draft and reading it back. */
@QuarkusTest
class AssessmentCreateAndReadTest {

    @Inject
    AgroalDataSource db;

    @Test
    void startsADraftWithLocationAndETag() {
        String code = Api.createOrganisation();
        String location = Api.as(Api.leadOf(code)).contentType(ContentType.JSON)
                .body("{\"organisation\":\"" + code + "\",\"questionnaire\":\"nttp-readiness\",\"version\":1,"
                        + "\"scope\":\"  Justice social work \",\"period\":\"2025-03\"}")
                .post("/api/v1/assessments")
                .then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/assessments/[0-9a-f-]{36}"))
                .header("ETag", "\"0\"")
                .body("organisation", equalTo(code)).body("scope", equalTo("Justice social work"))
                .body("questionnaire.id", equalTo("nttp-readiness")).body("questionnaire.version", equalTo(1))
                .body("period", equalTo("2025-03")).body("status", equalTo("DRAFT")).body("version", equalTo(0))
                .body("createdBy", equalTo(Api.leadOf(code))).body("answers", hasSize(0))
                .extract().header("Location");

        Api.analyst().get(location).then().statusCode(200).header("ETag", "\"0\"")
                .body("organisation", equalTo(code)).body("status", equalTo("DRAFT"))
                .body("createdAt", notNullValue()).body("submittedAt", nullValue()).body("result", nullValue());
    }

    /** A draft that names no version is of the latest one: version 2 since it was published (issue 17). */
    @Test
    void takesTheLatestQuestionnaireVersionAndADayAsPeriod() {
        String code = Api.createOrganisation();
        String location = Api.as(Api.leadOf(code)).contentType(ContentType.JSON)
                .body("{\"organisation\":\"" + code + "\",\"questionnaire\":\"nttp-readiness\",\"period\":\"2025-10-31\"}")
                .post("/api/v1/assessments")
                .then().statusCode(201).body("questionnaire.version", equalTo(2)).body("period", equalTo("2025-10-31"))
                .extract().header("Location");
        Api.analyst().get(location).then().statusCode(200).body("questionnaire.version", equalTo(2));
        // The draft takes version 2's questions: a new item is accepted, an item version 2 retired is not.
        Api.as(Api.leadOf(code)).body("{\"answers\":[{\"question\":\"DL-09\",\"value\":2}]}").put(location + "/answers")
                .then().statusCode(200);
        Api.as(Api.leadOf(code)).body("{\"answers\":[{\"question\":\"DL-03\",\"value\":2}]}").put(location + "/answers")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/answers/0/question"));
    }

    /** Version 1 stays served: a draft may still name it, and then takes version 1's questions. */
    @Test
    void takesAnEarlierVersionWhenNamed() {
        String code = Api.createOrganisation();
        String location = Api.as(Api.leadOf(code)).contentType(ContentType.JSON)
                .body("{\"organisation\":\"" + code + "\",\"questionnaire\":\"nttp-readiness\",\"version\":1,\"period\":\"2025-10\"}")
                .post("/api/v1/assessments")
                .then().statusCode(201).body("questionnaire.version", equalTo(1)).extract().header("Location");
        Api.as(Api.leadOf(code)).body("{\"answers\":[{\"question\":\"DL-03\",\"value\":2}]}").put(location + "/answers")
                .then().statusCode(200);
        Api.as(Api.leadOf(code)).body("{\"answers\":[{\"question\":\"DL-09\",\"value\":2}]}").put(location + "/answers")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/answers/0/question"));
    }

    @Test
    void listsEveryProblemOfTheBodyAndStoresNothing() {
        String code = Api.createOrganisation();
        long before = Api.rows(db, "assessment");
        Api.as(Api.leadOf(code)).contentType(ContentType.JSON)
                .body("{\"organisation\":\"" + code + "\",\"questionnaire\":\"no-such-questionnaire\",\"scope\":\" \","
                        + "\"period\":\"2025-13\",\"owner\":\"me\"}")
                .post("/api/v1/assessments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.pointer", containsInAnyOrder("/questionnaire", "/scope", "/period", "/owner"));
        Api.as(Api.leadOf(code)).contentType(ContentType.JSON).body("{}").post("/api/v1/assessments")
                .then().statusCode(400).body("errors.pointer", containsInAnyOrder("/organisation", "/questionnaire", "/period"));
        // An organisation other than one's own is not found, whether it exists or not (it is not revealed).
        Api.as(Api.leadOf(code)).contentType(ContentType.JSON)
                .body("{\"organisation\":\"S99999999\",\"questionnaire\":\"nttp-readiness\",\"period\":\"2025-03\"}")
                .post("/api/v1/assessments").then().statusCode(404).contentType("application/problem+json");
        Api.as(Api.leadOf(code)).contentType(ContentType.JSON)
                .body("{\"organisation\":\"" + code + "\",\"questionnaire\":\"nttp-readiness\",\"version\":99,\"period\":\"2025\"}")
                .post("/api/v1/assessments")
                .then().statusCode(400).body("errors.pointer", containsInAnyOrder("/version", "/period"));
        assertEquals(before, Api.rows(db, "assessment"));
    }

    @Test
    void refusesPeriodsThatAreNotAMonthOrADay() {
        String code = Api.createOrganisation();
        for (String period : new String[]{"2025-02-30", "25-03", "March 2025", "1999-12", "2025-3", "2025-03-01T00:00"}) {
            Api.as(Api.leadOf(code)).contentType(ContentType.JSON)
                    .body("{\"organisation\":\"" + code + "\",\"questionnaire\":\"nttp-readiness\",\"period\":\"" + period + "\"}")
                    .post("/api/v1/assessments")
                    .then().statusCode(400).body("errors[0].pointer", equalTo("/period"));
        }
    }

    @Test
    void refusesBodiesThatAreNotJsonObjects() {
        String code = Api.createOrganisation();
        Api.as(Api.leadOf(code)).contentType(ContentType.JSON).body("\"draft\"").post("/api/v1/assessments")
                .then().statusCode(400).contentType("application/problem+json");
        Api.as(Api.leadOf(code)).contentType(ContentType.JSON).body("{\"organisation\":").post("/api/v1/assessments")
                .then().statusCode(400).body("type", equalTo("urn:readiness:problem:malformed-json"));
        Api.as(Api.leadOf(code)).contentType(ContentType.XML).body("<assessment/>").post("/api/v1/assessments")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void unknownAndMalformedIdsAreNotFound() {
        String lead = Api.leadOf(Api.createOrganisation());
        for (String id : new String[]{"00000000-0000-0000-0000-000000000000", "42", "not-a-uuid", "1-1-1-1-1",
                "%27%3B%20DROP%20TABLE%20assessment"}) {
            Api.analyst().get("/api/v1/assessments/" + id).then().statusCode(404).contentType("application/problem+json");
            Api.analyst().get("/api/v1/assessments/" + id + "/result").then().statusCode(404).contentType("application/problem+json");
            Api.as(lead).post("/api/v1/assessments/" + id + "/submit").then().statusCode(404).contentType("application/problem+json");
            Api.as(lead).body("{\"answers\":[{\"question\":\"DL-01\",\"value\":1}]}").put("/api/v1/assessments/" + id + "/answers")
                    .then().statusCode(404)
                    .contentType("application/problem+json");
            Api.as(lead).delete("/api/v1/assessments/" + id + "/answers/DL-01").then().statusCode(404)
                    .contentType("application/problem+json");
        }
    }
}
