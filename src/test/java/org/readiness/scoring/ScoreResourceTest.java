package org.readiness.scoring;

import org.readiness.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ScoreResourceTest {

    /**
     * Every item of the latest version (2) at 3 but DL-01 ("a named lead is in post") at 1: the lead gate holds the
     * overall rating at Developing, the critical-item gate holds the lead enabler there, and the result still has a step
     * for every enabler (those rated Embedded get the step to sustain and spread the work).
     */
    @Test
    void scoresAFullSetOfAnswersInTheDesignedShape() {
        List<Map<String, Object>> answers = new ArrayList<>();
        RulesFixture.all(3).forEach((q, v) -> answers.add(Map.of("question", q, "value", v, "evidence", "Seen in minutes")));
        answers.set(0, Map.of("question", "DL-01", "value", 1));
        score(Map.of("questionnaire", "nttp-readiness", "answers", answers))
                .statusCode(200).contentType("application/json")
                .body("questionnaire.id", equalTo("nttp-readiness"))
                .body("questionnaire.version", equalTo(2))
                .body("ruleset.version", matchesPattern("[0-9a-f]{64}"))
                .body("overall.band", equalTo("DEVELOPING"))
                .body("overall.uncappedBand", equalTo("ESTABLISHED"))
                .body("overall.cappedBy", containsInAnyOrder("GATE-NO-LEAD"))
                .body("themes", hasSize(RulesFixture.QUESTIONNAIRE.themes().size()))
                .body("enablers.find { it.id == 'dedicated-lead' }.answered", equalTo(6))
                .body("enablers.find { it.id == 'dedicated-lead' }.items", equalTo(6))
                .body("enablers.find { it.id == 'dedicated-lead' }.band", equalTo("DEVELOPING"))
                .body("enablers.find { it.id == 'dedicated-lead' }.cappedBy", hasItem("GATE-CRITICAL-ITEM"))
                .body("recommendations[0].id", equalTo("REC-DL-APPOINT"))
                .body("recommendations[0].rank", equalTo(1))
                .body("recommendations[0].priority", equalTo(1))
                .body("recommendations[0].enabler", equalTo("dedicated-lead"))
                .body("recommendations[0].rationale", notNullValue())
                .body("recommendations[0].source", startsWith("Delivery personnel and collaboration > A dedicated lead, paragraph"))
                .body("recommendations[0].rule", equalTo("REC-DL-APPOINT"))
                .body("recommendations[0].horizon", equalTo("QUICK_WIN"))
                .body("recommendations.owner", everyItem(not(emptyOrNullString())))
                .body("recommendations.horizon", everyItem(anyOf(equalTo("QUICK_WIN"), equalTo("LONGER_TERM"))))
                .body("recommendations.doneWhen", everyItem(not(emptyOrNullString())))
                .body("recommendations.id", hasItem("REC-GV-EMBEDDED"))
                .body("recommendations.enabler", hasItems(RulesFixture.QUESTIONNAIRE.enablers()
                        .map(e -> e.id()).toArray(String[]::new)))
                .body("trace.rule", hasItem("GATE-NO-LEAD"))
                .body("trace.find { it.rule == 'GATE-NO-LEAD' }.facts", hasItem("Question DL-01"))
                .body("note", containsString("not validated cut-offs"));
    }

    /**
     * Version 1 stays served. Nothing answered with a value: no rating, and the steps say what to find out first (the
     * critical items, then every unrated theme) and, with no lead known to be in post, not to ask the lead.
     */
    @Test
    void scoresUnderANamedVersionAndAcceptsNaAndDontKnow() {
        score(Map.of("questionnaire", "nttp-readiness", "version", 1, "answers", List.of(
                Map.of("question", "LE-02", "value", "NA"),
                Map.of("question", "DL-04", "value", "DONT_KNOW"))))
                .statusCode(200)
                .body("questionnaire.version", equalTo(1))
                .body("overall.band", equalTo("INSUFFICIENT_EVIDENCE"))
                .body("overall", not(org.hamcrest.Matchers.hasKey("score")))
                .body("recommendations.findAll { it.priority == 1 }.id", everyItem(anyOf(equalTo("REC-FIND-OUT-CRITICAL"),
                        equalTo("REC-THEME-UNRATED"))))
                .body("recommendations.findAll { it.id == 'REC-FIND-OUT-CRITICAL' }.title", containsInAnyOrder(
                        "Find out and record the answer to DL-01", "Find out and record the answer to GV-01",
                        "Find out and record the answer to PT-01"))
                .body("recommendations.findAll { it.id == 'REC-THEME-UNRATED' }.enabler", hasSize(4))
                .body("recommendations.id", hasItem("REC-EVIDENCE-WITHOUT-LEAD"))
                .body("recommendations.id", not(hasItem("REC-EVIDENCE-WITH-LEAD")));
    }

    @Test
    void aPercentageItemTakesAWholePercentage() {
        // 59% is the top of the share scale's point 2 (35% to 59%); the step on a low share (TN-08 at 2 or less, with a
        // needs analysis in place) shows the answer in its trace with both the point and the percentage.
        score(Map.of("questionnaire", "nttp-readiness", "answers", List.of(Map.of("question", "TN-01", "value", 3),
                Map.of("question", "TN-08", "value", 59))))
                .statusCode(200).body("trace.facts.flatten()", hasItem("Answer TN-08 = 2 (59%)"))
                .body("recommendations.id", hasItem("REC-TN-08"));
        score(Map.of("questionnaire", "nttp-readiness", "answers", List.of(Map.of("question", "TN-01", "value", 3),
                Map.of("question", "TN-08", "value", 60))))
                .statusCode(200).body("recommendations.id", not(hasItem("REC-TN-08")));
        score(Map.of("questionnaire", "nttp-readiness", "answers", List.of(Map.of("question", "TN-08", "value", 101))))
                .statusCode(400).body("errors[0].pointer", equalTo("/answers/0/value"))
                .body("errors[0].detail", equalTo("must be a whole percentage from 0 to 100 for question TN-08, found 101"));
    }

    @Test
    void problemsFoundReadingAndCheckingAreListedAnswerByAnswerInFieldOrder() {
        // Type problems are found reading the body, questionnaire problems checking it: one list, in the body's order.
        score(Map.of("questionnaire", "nttp-readiness", "answers", List.of(
                Map.of("question", "NOPE", "value", "3", "colour", "red"),
                Map.of("question", "TN-08", "value", 101, "evidence", 7),
                Map.of("question", "TN-08", "value", 1.5))))
                .statusCode(400).body("errors.pointer", contains("/answers/0/colour", "/answers/0/question",
                        "/answers/0/value", "/answers/1/value", "/answers/1/evidence", "/answers/2/question",
                        "/answers/2/value"));
    }

    /** A question of version 1 that version 2 retired is refused under version 2 (the default), with the reason. */
    @Test
    void aQuestionTheVersionDoesNotAskIsRefused() {
        score(Map.of("questionnaire", "nttp-readiness", "answers", List.of(Map.of("question", "TN-05", "value", 90))))
                .statusCode(400).body("errors[0].pointer", equalTo("/answers/0/question"))
                .body("errors[0].detail", equalTo("questionnaire nttp-readiness version 2 has no question TN-05"));
        score(Map.of("questionnaire", "nttp-readiness", "version", 1, "answers", List.of(Map.of("question", "TN-05", "value", 90))))
                .statusCode(200).body("questionnaire.version", equalTo(1));
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
                  {"question": "DL-06", "value": "3"},
                  {"question": "DL-04", "value": 2.5},
                  {"question": "DL-07", "value": true},
                  {"question": "GV-01", "value": "NA"},
                  {"question": "GV-06"},
                  {"question": 7, "value": 1},
                  {"question": "GV-03", "value": 1, "evidence": 12, "note": "x"},
                  "GV-07"
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
