package org.readiness.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

/** POST /api/v1/rulesets/impact: a candidate ruleset re-scores every stored assessment and stores nothing. */
@QuarkusTest
@TestProfile(ReloadTest.CopiedRules.class)
class ImpactTest {

    private static final String NO_LEAD = """
            {"question":"DL-01","value":1},{"question":"GV-01","value":3},{"question":"PT-01","value":"DONT_KNOW"}""";

    @Inject
    AgroalDataSource db;

    @Test
    void theActiveRulesAsACandidateChangeNothing() throws IOException {
        submitWithoutLead();
        impact(Map.of("files", activeFiles())).statusCode(200)
                .body("assessments", greaterThanOrEqualTo(1)).body("changed", equalTo(0))
                .body("candidateVersion", equalTo(Api.auditor().get("/api/v1/ruleset").then().extract().path("version")));
    }

    @Test
    void aCandidateWithoutTheLeadGateReportsTheRecommendationsThatWouldGo() throws IOException {
        String id = submitWithoutLead();
        Map<String, String> files = activeFiles();
        files.put("gates/programme-gates.drl", files.get("gates/programme-gates.drl")
                .replace("question == \"DL-01\", scored, value < 2", "question == \"DL-01\", scored, value < 1"));
        long results = Api.rows(db, "assessment_result");
        impact(Map.of("files", files)).statusCode(200)
                .body("changed", greaterThan(0))
                .body("totals.recommendationsRemoved.REC-DL-APPOINT", greaterThanOrEqualTo(1))
                .body("changes.find { it.assessment == '" + id + "' }.recommendationsRemoved", hasItem("REC-DL-APPOINT@dedicated-lead"));
        assertThat(Api.rows(db, "assessment_result")).as("impact analysis stores nothing").isEqualTo(results);
        Api.auditor().post("/api/v1/assessments/" + id + "/replay").then().body("identical", equalTo(true));
    }

    @Test
    void aDraftsFolderCanBeNamedInsteadOfFiles() {
        submitWithoutLead();
        impact(Map.of("folder", "same-as-active")).statusCode(200).body("changed", equalTo(0));
        impact(Map.of("folder", "no-such-draft")).statusCode(400).body("errors[0].pointer", equalTo("/folder"));
        impact(Map.of("folder", "../rules")).statusCode(400).body("errors[0].pointer", equalTo("/folder"));
    }

    @Test
    void aCandidateThatDoesNotCompileIs422WithFileAndLine() throws IOException {
        Map<String, String> files = activeFiles();
        files.put("gates/broken.drl", "package gates\n\nrule \"Broken\"\nwhen\n    Answer( question == )\nthen\nend\n");
        impact(Map.of("files", files)).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:readiness:problem:ruleset-invalid"))
                .body("errors.pointer", hasItem("candidate/gates/broken.drl:5"));
    }

    @Test
    void onlyAuditorsAndAdminsMayAskForAnImpactAnalysis() {
        Api.analyst().contentType(ContentType.JSON).body(Map.of("folder", "same-as-active")).post("/api/v1/rulesets/impact")
                .then().statusCode(403);
        Api.admin().contentType(ContentType.JSON).body(Map.of("folder", "same-as-active")).post("/api/v1/rulesets/impact")
                .then().statusCode(200);
        io.restassured.RestAssured.given().contentType(ContentType.JSON).body(Map.of("folder", "same-as-active"))
                .post("/api/v1/rulesets/impact").then().statusCode(401);
    }

    @Test
    void everyProblemInTheRequestIsNamed() {
        impact(Map.of()).statusCode(400).body("errors[0].pointer", equalTo(""));
        impact(Map.of("files", Map.of(), "folder", "x")).statusCode(400);
        impact(Map.of("files", Map.of("../etc/passwd.drl", "x", "gates/ok.drl", 7), "colour", "red")).statusCode(400)
                .body("errors.pointer", containsInAnyOrder("/colour", "/files/..~1etc~1passwd.drl", "/files/gates~1ok.drl"));
        Api.auditor().contentType(ContentType.JSON).body("{\"files\":").post("/api/v1/rulesets/impact").then().statusCode(400)
                .body("type", equalTo("urn:readiness:problem:malformed-json"));
    }

    private static ValidatableResponse impact(Object body) {
        return Api.auditor().contentType(ContentType.JSON).body(body).post("/api/v1/rulesets/impact").then();
    }

    private static String submitWithoutLead() {
        String id = Api.createDraft();
        Api.putAnswers(id, NO_LEAD).then().statusCode(200);
        Api.submit(id).then().statusCode(201);
        return id;
    }

    private static Map<String, String> activeFiles() throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(ReloadTest.FOLDER)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".drl")).toList()) {
                files.put(ReloadTest.FOLDER.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
