package org.readiness.questionnaire;

import org.readiness.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class QuestionnaireResourceTest {

    @Test
    void listsEveryVersion() {
        Api.analyst().get("/api/v1/questionnaires").then()
                .statusCode(200)
                .body("id", hasItems("nttp-readiness"))
                .body("find { it.id == 'nttp-readiness' }.version", greaterThanOrEqualTo(1))
                .body("find { it.id == 'nttp-readiness' }.enablers", greaterThanOrEqualTo(4));
    }

    @Test
    void returnsTheLatestVersionWithScalesAndSources() {
        Api.analyst().get("/api/v1/questionnaires/nttp-readiness").then()
                .statusCode(200)
                .body("id", equalTo("nttp-readiness"))
                .body("themes.enablers.flatten().id", hasItems("dedicated-lead", "protected-time", "governance", "lived-experience"))
                .body("themes.enablers.flatten().items.flatten().scale", everyItem(hasSize(5)))
                .body("themes.enablers.flatten().items.flatten().source", everyItem(notNullValue()))
                .body("themes[0].enablers[0].items[0].scale[0].anchor", notNullValue());
    }

    @Test
    void returnsARequestedVersion() {
        Api.analyst().queryParam("version", 1).get("/api/v1/questionnaires/nttp-readiness").then()
                .statusCode(200).body("version", equalTo(1));
    }

    @Test
    void anUnknownQuestionnaireOrVersionIs404ProblemJson() {
        Api.analyst().get("/api/v1/questionnaires/no-such").then()
                .statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("detail", equalTo("No questionnaire no-such"));
        Api.analyst().queryParam("version", 99).get("/api/v1/questionnaires/nttp-readiness").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aVersionThatIsNotAWholeNumberIs400ProblemJson() {
        for (String bad : new String[]{"one", "0", "-1", "1.5", "99999999999"}) {
            Api.analyst().queryParam("version", bad).get("/api/v1/questionnaires/nttp-readiness").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].pointer", equalTo("version"));
        }
    }

    @Test
    void writingIsNotAllowed() {
        Api.analyst().contentType("application/json").body("{}").post("/api/v1/questionnaires").then()
                .statusCode(405).contentType("application/problem+json");
    }
}
