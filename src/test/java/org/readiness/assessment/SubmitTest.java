package org.readiness.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /assessments/{id}/submit and GET /assessments/{id}/result: completeness, scoring, the stored result. */
@QuarkusTest
class SubmitTest {

    /** Answers to items of the latest questionnaire version, which a draft that names none is of. */
    private static final String ANSWERS = Api.CRITICAL_ANSWERS + """
            ,{"question":"DL-02","value":3},{"question":"DL-06","value":2},{"question":"DL-04","value":1},
            {"question":"GV-06","value":2},{"question":"GV-03","value":1},{"question":"GV-07","value":"DONT_KNOW"},
            {"question":"LE-01","value":2},{"question":"LS-01","value":1,"evidence":"No check-ins yet"}""";
    /** The same kind of answers to version 1, which stays served: items version 2 retired among them. */
    private static final String ANSWERS_V1 = Api.CRITICAL_ANSWERS + """
            ,{"question":"DL-02","value":3},{"question":"DL-03","value":2},{"question":"DL-04","value":1},
            {"question":"GV-02","value":2},{"question":"GV-03","value":1},{"question":"GV-04","value":"DONT_KNOW"},
            {"question":"LE-01","value":2},{"question":"LS-01","value":1,"evidence":"No check-ins yet"}""";

    @Inject
    AgroalDataSource db;

    @Inject
    ObjectMapper mapper;

    @Test
    void refusesAnIncompleteDraftListingEveryMissingQuestionAndStoresNothing() {
        String id = Api.createDraft();
        Api.putAnswers(id, "{\"question\":\"GV-01\",\"value\":3},{\"question\":\"DL-02\",\"value\":4}").then().statusCode(200);
        Snapshot before = snapshot(id);
        Api.submit(id).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:readiness:problem:incomplete-assessment"))
                .body("errors.pointer", containsInAnyOrder("DL-01", "PT-01"));
        assertEquals(before, snapshot(id));
        Api.analyst().get("/api/v1/assessments/" + id).then().body("status", equalTo("DRAFT"));
        Api.analyst().get("/api/v1/assessments/" + id + "/result").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void storesTheResultThatWhatIfScoringGivesForTheSameAnswers() throws Exception {
        String id = Api.createDraft();
        Api.putAnswers(id, ANSWERS).then().statusCode(200);
        Response submitted = Api.submit(id);
        submitted.then().statusCode(201).contentType("application/json")
                .header("Location", endsWith("/api/v1/assessments/" + id + "/result"));
        String whatIf = Api.analyst().contentType(ContentType.JSON)
                .body("{\"questionnaire\":\"nttp-readiness\",\"version\":2,\"answers\":[" + ANSWERS + "]}")
                .post("/api/v1/score").then().statusCode(200).extract().asString();
        assertEquals(whatIf, submitted.asString(), "the stored result is the what-if result, byte for byte");
        assertEquals(submitted.asString(), Api.analyst().get("/api/v1/assessments/" + id + "/result")
                .then().statusCode(200).contentType("application/json").extract().asString());

        JsonNode result = mapper.readTree(submitted.asString());
        assertEquals("nttp-readiness", result.at("/questionnaire/id").asText());
        assertEquals(2, result.at("/questionnaire/version").asInt());
        // Every next step of a version 2 result says who usually owns it, how soon it can be done and what shows it done.
        assertTrue(result.get("recommendations").size() > 0, "a rated result always has next steps");
        for (JsonNode step : result.get("recommendations")) {
            assertTrue(step.path("owner").isTextual() && !step.path("owner").asText().isBlank(), step.toString());
            assertTrue(List.of("QUICK_WIN", "LONGER_TERM").contains(step.path("horizon").asText()), step.toString());
            assertTrue(step.path("doneWhen").isTextual() && !step.path("doneWhen").asText().isBlank(), step.toString());
        }
        Api.analyst().get("/api/v1/assessments/" + id).then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).body("submittedBy", equalTo(Api.leadOf(Api.organisationOf(id))))
                .body("result.band", equalTo(result.at("/overall/band").asText()))
                .body("result.ruleset", equalTo(result.at("/ruleset/version").asText()))
                .body("result.href", equalTo("/api/v1/assessments/" + id + "/result"));
        // The trace is stored with the result: LE-01 without support (LS-01 low, the rest unknown) fired its gate; PT-01
        // was DONT_KNOW, which every gate treats as the condition absent, so the gate on the lead's protected time fired
        // too; DL-01 and GV-01 are answered 2 or more, so their gates did not.
        Api.analyst().get("/api/v1/assessments/" + id + "/result").then()
                .body("trace.rule", hasItem("GATE-LIVED-EXPERIENCE-UNSUPPORTED"))
                .body("trace.rule", hasItem("GATE-NO-LEAD-TIME"))
                .body("trace.rule", not(hasItem("GATE-NO-LEAD")))
                .body("trace.rule", not(hasItem("GATE-NO-SENIOR-GOVERNANCE")));
    }

    /** Version 1 stays served: a draft of it is scored under its own questions, exactly as the what-if of version 1. */
    @Test
    void storesTheWhatIfResultForADraftOfVersion1Too() throws Exception {
        String id = Api.createDraft(1);
        Api.putAnswers(id, ANSWERS_V1).then().statusCode(200);
        Response submitted = Api.submit(id);
        submitted.then().statusCode(201);
        String whatIf = Api.analyst().contentType(ContentType.JSON)
                .body("{\"questionnaire\":\"nttp-readiness\",\"version\":1,\"answers\":[" + ANSWERS_V1 + "]}")
                .post("/api/v1/score").then().statusCode(200).extract().asString();
        assertEquals(whatIf, submitted.asString(), "the stored result is the what-if result, byte for byte");
        JsonNode result = mapper.readTree(submitted.asString());
        assertEquals(1, result.at("/questionnaire/version").asInt());
        Api.analyst().get("/api/v1/assessments/" + id).then().body("result.band", equalTo(result.at("/overall/band").asText()));
    }

    @Test
    void storesQueryableColumnsThatMatchTheJson() throws Exception {
        String id = Api.submitted("{\"question\":\"DL-02\",\"value\":4},{\"question\":\"DL-06\",\"value\":4}");
        JsonNode result = mapper.readTree(Api.analyst().get("/api/v1/assessments/" + id + "/result").asString());
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT questionnaire_id, questionnaire_version, ruleset_version,"
                     + " overall_band, result_json FROM assessment_result WHERE assessment_id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                assertEquals(result.at("/questionnaire/id").asText(), r.getString(1));
                assertEquals(result.at("/questionnaire/version").asInt(), r.getInt(2));
                assertEquals(result.at("/ruleset/version").asText(), r.getString(3));
                assertEquals(result.at("/overall/band").asText(), r.getString(4));
                assertEquals(mapper.writeValueAsString(result), r.getString(5));
            }
        }
        long ratings = result.get("themes").size() + result.get("enablers").size();
        assertEquals(ratings, Api.count(db, "SELECT COUNT(*) FROM result_rating WHERE assessment_id = ?", UUID.fromString(id)));
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT band, answered, total FROM result_rating"
                     + " WHERE assessment_id = ? AND level = 'ENABLER' AND rating_id = 'dedicated-lead'")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                JsonNode lead = result.get("enablers").get(0);
                assertEquals(lead.get("band").asText(), r.getString(1));
                assertEquals(lead.get("answered").asInt(), r.getInt(2));
                assertEquals(lead.get("items").asInt(), r.getInt(3));
            }
        }
    }

    @Test
    void submittingAgainReturnsTheStoredResultAndWritesNothing() {
        String id = Api.createDraft();
        Api.putAnswers(id, ANSWERS).then().statusCode(200);
        String first = Api.submit(id).then().statusCode(201).extract().asString();
        Snapshot after = snapshot(id);
        long results = Api.rows(db, "assessment_result");
        long ratings = Api.rows(db, "result_rating");

        String again = Api.submit(id).then().statusCode(200)
                .header("Content-Location", "/api/v1/assessments/" + id + "/result").extract().asString();
        String withStaleIfMatch = Api.owner(id).header("If-Match", "\"0\"").post("/api/v1/assessments/" + id + "/submit")
                .then().statusCode(200).extract().asString();

        assertEquals(first, again);
        assertEquals(first, withStaleIfMatch);
        assertEquals(after, snapshot(id));
        assertEquals(results, Api.rows(db, "assessment_result"));
        assertEquals(ratings, Api.rows(db, "result_rating"));
    }

    @Test
    void concurrentSubmitsStoreOneResultAndAllReturnIt() throws Exception {
        String id = Api.createDraft();
        Api.putAnswers(id, ANSWERS).then().statusCode(200);
        int clients = 3;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Response>> responses = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return Api.submit(id);
                }));
            }
            start.countDown();
            List<String> bodies = new ArrayList<>();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> response : responses) {
                statuses.add(response.get().statusCode());
                bodies.add(response.get().asString());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "statuses " + statuses);
            assertEquals(clients - 1, statuses.stream().filter(s -> s == 200).count(), "statuses " + statuses);
            assertEquals(1, bodies.stream().distinct().count());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, Api.count(db, "SELECT COUNT(*) FROM assessment_result WHERE assessment_id = ?", UUID.fromString(id)));
    }

    /** What a submission touches, read in plain JDBC: the assessment row and its answer, result and rating rows. */
    record Snapshot(String status, long rowVersion, String updatedAt, long answers, long results, long ratings) {
    }

    Snapshot snapshot(String id) {
        UUID uuid = UUID.fromString(id);
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT status, row_version, updated_at FROM assessment WHERE id = ?")) {
            s.setObject(1, uuid);
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                return new Snapshot(r.getString(1), r.getLong(2), r.getString(3),
                        Api.count(db, "SELECT COUNT(*) FROM assessment_answer WHERE assessment_id = ?", uuid),
                        Api.count(db, "SELECT COUNT(*) FROM assessment_result WHERE assessment_id = ?", uuid),
                        Api.count(db, "SELECT COUNT(*) FROM result_rating WHERE assessment_id = ?", uuid));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
