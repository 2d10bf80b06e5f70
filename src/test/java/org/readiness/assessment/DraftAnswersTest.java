package org.readiness.assessment;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** PUT /assessments/{id}/answers and DELETE /assessments/{id}/answers/{question}: editing a draft. */
@QuarkusTest
class DraftAnswersTest {

    private static final String ANSWERS_SQL = "SELECT COUNT(*) FROM assessment_answer WHERE assessment_id = ?";

    @Inject
    AgroalDataSource db;

    @Test
    void mergesAnswersReplacingValueAndEvidenceOfEachQuestionSent() {
        String id = Api.createDraft();
        Api.putAnswers(id, """
                {"question":"DL-01","value":1,"evidence":"Post agreed, recruiting"},
                {"question":"DL-02","value":"DONT_KNOW","evidence":"Not yet known"}""")
                .then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1));
        Api.putAnswers(id, """
                {"question":"DL-02","value":2},
                {"question":"LE-02","value":"NA","evidence":"Nobody with lived experience helps with training yet"}""")
                .then().statusCode(200).header("ETag", "\"2\"");

        Api.analyst().get("/api/v1/assessments/" + id).then().statusCode(200).header("ETag", "\"2\"")
                .body("answers.question", contains("DL-01", "DL-02", "LE-02"))
                .body("answers[0].value", equalTo(1)).body("answers[0].evidence", equalTo("Post agreed, recruiting"))
                .body("answers[1].value", equalTo(2)).body("answers[1].evidence", nullValue())
                .body("answers[2].value", equalTo("NA"));
        assertEquals(3, Api.count(db, ANSWERS_SQL, UUID.fromString(id)));
    }

    @Test
    void answersAreValidatedExactlyAsForWhatIfScoringAndNothingIsStored() {
        String id = Api.createDraft();
        Api.putAnswers(id, "{\"question\":\"DL-06\",\"value\":3}").then().statusCode(200);
        // DL-03 was retired by version 2, of which the draft is: it is refused like a question no version asks.
        String invalid = """
                {"question":"DL-01","value":"NA"},{"question":"DL-02","value":7},{"question":"XX-99","value":1},
                {"question":"DL-03","value":1},
                {"question":"GV-06","value":"3"},{"question":"GV-03","value":2.5},{"question":"GV-07","value":2,"note":"x"},
                {"question":"PT-02","value":2,"evidence":12},{"question":"PT-02","value":1},{"question":"LE-01"},
                {"question":"LE-02","value":4}""";
        List<Map<String, String>> fromDraft = Api.putAnswers(id, invalid)
                .then().statusCode(400).contentType("application/problem+json").extract().path("errors");
        List<Map<String, String>> fromScore = Api.analyst().contentType(ContentType.JSON)
                .body("{\"questionnaire\":\"nttp-readiness\",\"answers\":[" + invalid + "]}")
                .post("/api/v1/score").then().statusCode(400).extract().path("errors");
        assertEquals(fromScore, fromDraft);
        assertEquals(10, fromDraft.size(), fromDraft.toString());

        // The one valid answer (LE-02) was not stored either, and the draft is unchanged.
        assertEquals(1, Api.count(db, ANSWERS_SQL, UUID.fromString(id)));
        Api.analyst().get("/api/v1/assessments/" + id).then().header("ETag", "\"1\"").body("answers.question", contains("DL-06"));
    }

    @Test
    void refusesBodiesThatAreNotAnAnswersObject() {
        String id = Api.createDraft();
        for (String body : new String[]{"[]", "{}", "{\"answers\":{}}", "{\"answers\":[],\"extra\":1}"}) {
            Api.owner(id).contentType(ContentType.JSON).body(body).put("/api/v1/assessments/" + id + "/answers")
                    .then().statusCode(400).contentType("application/problem+json");
        }
        Api.owner(id).contentType(ContentType.JSON).body("{\"answers\":[{").put("/api/v1/assessments/" + id + "/answers")
                .then().statusCode(400).body("type", equalTo("urn:readiness:problem:malformed-json"));
        Api.owner(id).contentType(ContentType.TEXT).body("DL-01=3").put("/api/v1/assessments/" + id + "/answers")
                .then().statusCode(415).contentType("application/problem+json");
        assertEquals(0, Api.count(db, ANSWERS_SQL, UUID.fromString(id)));
    }

    @Test
    void anEmptyListChangesNothing() {
        String id = Api.createDraft();
        Api.putAnswers(id, "").then().statusCode(200).header("ETag", "\"0\"").body("answers", hasSize(0));
    }

    @Test
    void removesOneAnswer() {
        String id = Api.createDraft();
        Api.putAnswers(id, "{\"question\":\"DL-01\",\"value\":2},{\"question\":\"DL-02\",\"value\":3}").then().statusCode(200);
        Api.owner(id).header("If-Match", "\"1\"").delete("/api/v1/assessments/" + id + "/answers/DL-01")
                .then().statusCode(200).header("ETag", "\"2\"").body("answers.question", contains("DL-02"));
        Api.owner(id).delete("/api/v1/assessments/" + id + "/answers/DL-01").then().statusCode(404)
                .contentType("application/problem+json");
        Api.owner(id).delete("/api/v1/assessments/" + id + "/answers/NO-SUCH").then().statusCode(404);
        assertEquals(1, Api.count(db, ANSWERS_SQL, UUID.fromString(id)));
    }

    @Test
    void ifMatchGuardsEveryWrite() {
        String id = Api.createDraft();
        Api.owner(id).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"answers\":[{\"question\":\"DL-01\",\"value\":2}]}").put("/api/v1/assessments/" + id + "/answers")
                .then().statusCode(200).header("ETag", "\"1\"");
        Api.owner(id).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"answers\":[{\"question\":\"DL-01\",\"value\":4}]}").put("/api/v1/assessments/" + id + "/answers")
                .then().statusCode(409).contentType("application/problem+json").body("type", equalTo("urn:readiness:problem:conflict"));
        Api.owner(id).header("If-Match", "\"0\"").delete("/api/v1/assessments/" + id + "/answers/DL-01").then().statusCode(409);
        Api.owner(id).header("If-Match", "\"0\"").post("/api/v1/assessments/" + id + "/submit").then().statusCode(409);
        Api.owner(id).contentType(ContentType.JSON).header("If-Match", "*")
                .body("{\"answers\":[{\"question\":\"DL-02\",\"value\":1}]}").put("/api/v1/assessments/" + id + "/answers")
                .then().statusCode(200).header("ETag", "\"2\"");
        Api.owner(id).contentType(ContentType.JSON).header("If-Match", "\"7\", \"2\"")
                .body("{\"answers\":[{\"question\":\"DL-06\",\"value\":1}]}").put("/api/v1/assessments/" + id + "/answers")
                .then().statusCode(200).header("ETag", "\"3\"");
        Api.owner(id).contentType(ContentType.JSON).header("If-Match", "3")
                .body("{\"answers\":[{\"question\":\"DL-04\",\"value\":1}]}").put("/api/v1/assessments/" + id + "/answers")
                .then().statusCode(400).body("errors[0].pointer", equalTo("If-Match"));
        Api.analyst().get("/api/v1/assessments/" + id).then().header("ETag", "\"3\"")
                .body("answers.question", containsInAnyOrder("DL-01", "DL-02", "DL-06"))
                .body("answers.find { it.question == 'DL-01' }.value", equalTo(2));
    }

    @Test
    void aSubmittedAssessmentCannotBeEdited() {
        String id = Api.submitted("{\"question\":\"DL-02\",\"value\":2}");
        long answers = Api.count(db, ANSWERS_SQL, UUID.fromString(id));
        String before = Api.analyst().get("/api/v1/assessments/" + id).then().extract().asString();

        Api.putAnswers(id, "{\"question\":\"DL-02\",\"value\":4}").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:readiness:problem:conflict"));
        Api.putAnswers(id, "{\"question\":\"DL-07\",\"value\":4}").then().statusCode(409);
        Api.owner(id).delete("/api/v1/assessments/" + id + "/answers/DL-02").then().statusCode(409);
        // Even an invalid edit is refused as a conflict first: the state, not the body, forbids it.
        Api.putAnswers(id, "{\"question\":\"DL-02\",\"value\":9}").then().statusCode(409);

        assertEquals(answers, Api.count(db, ANSWERS_SQL, UUID.fromString(id)));
        assertEquals(before, Api.analyst().get("/api/v1/assessments/" + id).then().extract().asString());
    }

    @Test
    void savingTheAnswersAlreadyStoredChangesNothingAndAddsNoAuditEntry() {
        String id = Api.createDraft();
        String answers = "{\"question\":\"DL-01\",\"value\":2,\"evidence\":\"Minutes of May\"},{\"question\":\"GV-01\",\"value\":\"DONT_KNOW\"}";
        Api.putAnswers(id, answers).then().statusCode(200).header("ETag", "\"1\"");
        String audited = "SELECT COUNT(*) FROM audit_log WHERE target = ?";
        long before = Api.count(db, audited, "assessment/" + id);
        Api.putAnswers(id, answers).then().statusCode(200).header("ETag", "\"1\"").body("answers", hasSize(2));
        Api.putAnswers(id, "{\"question\":\"GV-01\",\"value\":\"DONT_KNOW\"}").then().statusCode(200).header("ETag", "\"1\"");
        Api.putAnswers(id, "").then().statusCode(200).header("ETag", "\"1\"");
        assertEquals(before, Api.count(db, audited, "assessment/" + id), "audit entries after saves that change nothing");
        // Evidence is part of the answer: the same value with other evidence is a change.
        Api.putAnswers(id, "{\"question\":\"DL-01\",\"value\":2,\"evidence\":\"Minutes of June\"}")
                .then().statusCode(200).header("ETag", "\"2\"");
        assertEquals(before + 1, Api.count(db, audited, "assessment/" + id), "audit entries after a real change");
    }
}
