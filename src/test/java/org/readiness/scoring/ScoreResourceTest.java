package org.readiness.scoring;

import org.readiness.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ScoreResourceTest {

    @Test
    void scoresAFullSetOfAnswersInTheDesignedShape() {
        List<Map<String, Object>> answers = new ArrayList<>();
        RulesFixture.all(3).forEach((q, v) -> answers.add(Map.of("question", q, "value", v, "evidence", "Seen in minutes")));
        answers.set(0, Map.of("question", "DL-01", "value", 1));
        score(Map.of("questionnaire", "nttp-readiness", "answers", answers))
                .statusCode(200).contentType("application/json")
                .body("questionnaire.id", equalTo("nttp-readiness"))
                .body("questionnaire.version", equalTo(1))
                .body("ruleset.version", matchesPattern("[0-9a-f]{64}"))
                .body("overall.band", equalTo("DEVELOPING"))
                .body("overall.uncappedBand", equalTo("ESTABLISHED"))
                .body("overall.cappedBy", containsInAnyOrder("GATE-NO-LEAD"))
                .body("themes", hasSize(RulesFixture.QUESTIONNAIRE.themes().size()))
                .body("enablers.find { it.id == 'dedicated-lead' }.answered", equalTo(5))
                .body("enablers.find { it.id == 'dedicated-lead' }.items", equalTo(5))
                .body("enablers.find { it.id == 'dedicated-lead' }.band", equalTo("DEVELOPING"))
                .body("recommendations[0].id", equalTo("REC-DL-APPOINT"))
                .body("recommendations[0].rank", equalTo(1))
                .body("recommendations[0].rationale", notNullValue())
                .body("recommendations[0].source", equalTo("Delivery personnel and collaboration > A dedicated lead"))
                .body("recommendations[0].rule", equalTo("REC-DL-APPOINT"))
                .body("trace.rule", hasItem("GATE-NO-LEAD"))
                .body("trace.find { it.rule == 'GATE-NO-LEAD' }.facts", hasItem("Answer DL-01 = 1"))
                .body("note", containsString("not validated cut-offs"));
    }

    @Test
    void scoresUnderANamedVersionAndAcceptsNaAndDontKnow() {
        score(Map.of("questionnaire", "nttp-readiness", "version", 1, "answers", List.of(
                Map.of("question", "LE-02", "value", "NA"),
                Map.of("question", "DL-04", "value", "DONT_KNOW"))))
                .statusCode(200)
                .body("overall.band", equalTo("INSUFFICIENT_EVIDENCE"))
                .body("overall", not(org.hamcrest.Matchers.hasKey("score")))
                .body("recommendations.id", hasItem("REC-EVIDENCE"));
    }

    @Test
    void aPercentageItemTakesAWholePercentage() {
        score(Map.of("questionnaire", "nttp-readiness", "answers", List.of(Map.of("question", "TN-05", "value", 90))))
                .statusCode(200).body("trace.facts.flatten()", hasItem("Answer TN-05 = 4 (90%)"));
        score(Map.of("questionnaire", "nttp-readiness", "answers", List.of(Map.of("question", "TN-05", "value", 101))))
                .statusCode(400).body("errors[0].pointer", equalTo("/answers/0/value"))
                .body("errors[0].detail", equalTo("must be a whole percentage from 0 to 100 for question TN-05, found 101"));
    }

    @Test
    void problemsFoundReadingAndCheckingAreListedAnswerByAnswerInFieldOrder() {
        // Type problems are found reading the body, questionnaire problems checking it: one list, in the body's order.
        score(Map.of("questionnaire", "nttp-readiness", "answers", List.of(
                Map.of("question", "NOPE", "value", "3", "colour", "red"),
                Map.of("question", "TN-05", "value", 101, "evidence", 7),
                Map.of("question", "TN-05", "value", 1.5))))
                .statusCode(400).body("errors.pointer", contains("/answers/0/colour", "/answers/0/question",
                        "/answers/0/value", "/answers/1/value", "/answers/1/evidence", "/answers/2/question",
                        "/answers/2/value"));
    }

    @Test
    void anEmptyAnswerListIsValid() {
        score(Map.of("questionnaire", "nttp-readiness", "answers", List.of()))
                .statusCode(200).body("overall.band", equalTo("INSUFFICIENT_EVIDENCE")).body("overall.cappedBy", empty());
    }

    @Test
    void everyProblemInTheAnswersIsListedWithAPointer() {
        score("""
                {"questionnaire": "nttp-readiness", "colour": "red", "answers": [
                  {"question": "DL-01", "value": 3},
                  {"question": "DL-01", "value": 2},
                  {"question": "XX-99", "value": 1},
                  {"question": "DL-02", "value": 5},
                  {"question": "DL-03", "value": "3"},
                  {"question": "DL-04", "value": 2.5},
                  {"question": "DL-05", "value": true},
                  {"question": "GV-01", "value": "NA"},
                  {"question": "GV-02"},
                  {"question": 7, "value": 1},
                  {"question": "GV-03", "value": 1, "evidence": 12, "note": "x"},
                  "GV-04"
                ]}""")
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:readiness:problem:invalid-request"))
                .body("status", equalTo(400))
                .body("errors.pointer", containsInAnyOrder("/colour", "/answers/1/question", "/answers/2/question",
                        "/answers/3/value", "/answers/4/value", "/answers/5/value", "/answers/6/value", "/answers/7/value",
                        "/answers/8/value", "/answers/9/question", "/answers/10/evidence", "/answers/10/note", "/answers/11"))
                .body("errors.find { it.pointer == '/answers/1/question' }.detail", containsString("more than once"))
                .body("errors.find { it.pointer == '/answers/3/value' }.detail", containsString("must be one of 0, 1, 2, 3, 4"));
    }

    @Test
    void anUnknownQuestionnaireOrVersionIsA400WithPointer() {
        score(Map.of("questionnaire", "nope", "answers", List.of())).statusCode(400)
                .body("errors[0].pointer", equalTo("/questionnaire"));
        score(Map.of("questionnaire", "nttp-readiness", "version", 42, "answers", List.of())).statusCode(400)
                .body("errors[0].pointer", equalTo("/version"));
        score(Map.of("questionnaire", "nttp-readiness", "version", "1", "answers", List.of())).statusCode(400)
                .body("errors[0].pointer", equalTo("/version"));
    }

    @Test
    void missingFieldsAreNamed() {
        score("{}").statusCode(400).body("errors.pointer", containsInAnyOrder("/questionnaire"));
        score("{\"questionnaire\": \"nttp-readiness\"}").statusCode(400).body("errors.pointer", containsInAnyOrder("/answers"));
        score("{\"questionnaire\": \"nttp-readiness\", \"answers\": {}}").statusCode(400)
                .body("errors[0].detail", equalTo("must be a list of answers"));
    }

    @Test
    void malformedOrTruncatedJsonIsA400ProblemWithItsPosition() {
        for (String body : new String[]{"{\"questionnaire\": ", "{\"questionnaire\" \"x\"}", "not json", "{\"a\":1}}"}) {
            score(body).statusCode(400).contentType("application/problem+json")
                    .body("type", equalTo("urn:readiness:problem:malformed-json"))
                    .body("detail", containsString("line 1"));
        }
    }

    @Test
    void aBodyThatIsNotAnObjectIsA400() {
        score("[]").statusCode(400).body("errors[0].pointer", equalTo(""));
        score("").statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aWrongContentTypeIsA415Problem() {
        Api.analyst().contentType("text/plain").body("{}").post("/api/v1/score").then()
                .statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
    }

    @Test
    void overlongEvidenceIsRefusedAndNotEchoed() {
        String evidence = "x".repeat(100_000);
        score(Map.of("questionnaire", "nttp-readiness", "answers", List.of(Map.of("question", "DL-01", "value", 3, "evidence", evidence))))
                .statusCode(400)
                .body("errors[0].pointer", equalTo("/answers/0/evidence"))
                .body("errors[0].detail", containsString("at most 5000 characters"));
    }

    private static ValidatableResponse score(Object body) {
        return Api.analyst().contentType("application/json").body(body).post("/api/v1/score").then();
    }
}
