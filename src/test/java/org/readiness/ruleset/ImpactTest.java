package org.readiness.ruleset;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

/** POST /api/v1/rulesets/impact: a candidate ruleset from a drafts folder re-scores every stored assessment and stores nothing. */
@QuarkusTest
@TestProfile(ReloadTest.CopiedRules.class)
class ImpactTest {

    private static final String NO_LEAD = """
            {"question":"DL-01","value":1},{"question":"GV-01","value":3},{"question":"PT-01","value":"DONT_KNOW"}""";

    @Inject
    AgroalDataSource db;

    @Test
    void theActiveRulesAsACandidateChangeNothing() {
        submitWithoutLead();
        impact(Map.of("folder", "same-as-active")).statusCode(200)
                .body("assessments", greaterThanOrEqualTo(1)).body("changed", equalTo(0))
                .body("candidateVersion", equalTo(Api.auditor().get("/api/v1/ruleset").then().extract().path("version")));
    }

    /**
     * The step to appoint a lead reads DL-01 itself: a candidate that keeps it for sites with no lead post at all (0)
     * takes it away from a site whose post is agreed but unfilled (1).
     */
    @Test
    void aCandidateThatNarrowsTheAppointmentStepReportsTheRecommendationsThatWouldGo() {
        String id = submitWithoutLead();
        String appoint = "Answer( question == \"DL-01\", scored, value < 2 )";
        draft("narrower-appointment-step", "recommendations/dedicated-lead.drl", rules -> {
            assertThat(rules).contains(appoint);
            return rules.replace(appoint, "Answer( question == \"DL-01\", scored, value < 1 )");
        });
        long results = Api.rows(db, "assessment_result");
        impact(Map.of("folder", "narrower-appointment-step")).statusCode(200)
                .body("changed", greaterThan(0))
                .body("totals.recommendationsRemoved.REC-DL-APPOINT", greaterThanOrEqualTo(1))
                .body("changes.find { it.assessment == '" + id + "' }.recommendationsRemoved", hasItem("REC-DL-APPOINT@dedicated-lead"));
        assertThat(Api.rows(db, "assessment_result")).as("impact analysis stores nothing").isEqualTo(results);
        Api.auditor().post("/api/v1/assessments/" + id + "/replay").then().body("identical", equalTo(true));
    }

    @Test
    void theDraftsFolderMustExistUnderTheDraftsPath() {
        submitWithoutLead();
        impact(Map.of("folder", "no-such-draft")).statusCode(400).body("errors[0].pointer", equalTo("/folder"));
        impact(Map.of("folder", "../rules")).statusCode(400).body("errors[0].pointer", equalTo("/folder"));
    }

    @Test
    void aCandidateThatDoesNotCompileIs422WithFileAndLine() {
        draft("broken", "gates/broken.drl", none -> "package gates\n\nrule \"Broken\"\nwhen\n    Answer( question == )\nthen\nend\n");
        impact(Map.of("folder", "broken")).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:readiness:problem:ruleset-invalid"))
                .body("errors.pointer", hasItem(ReloadTest.DRAFTS.resolve("broken") + "/gates/broken.drl:5"));
    }

    /**
     * A DRL consequence is Java: rules sent in the body once ran with the service's rights (here, writing a file).
     * Rules in the request are refused, named, and never compiled, with or without a drafts folder beside them.
     */
    @Test
    void rulesSentInTheRequestAreRefusedAndNeverRun() throws IOException {
        submitWithoutLead();
        Path written = Path.of("target", "impact-written-" + UUID.randomUUID()).toAbsolutePath();
        Map<String, String> files = activeFiles();
        files.put(FileWritingRule.PATH, FileWritingRule.writing(written, "written by rules from a request"));
        impact(Map.of("files", files)).statusCode(400).contentType("application/problem+json")
                .body("errors.pointer", hasItem("/files"));
        impact(Map.of("files", files, "folder", "same-as-active")).statusCode(400)
                .body("errors.pointer", containsInAnyOrder("/files"));
        assertThat(written).as("no rule from the request ran").doesNotExist();
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
        impact(Map.of()).statusCode(400).body("errors.pointer", containsInAnyOrder("/folder"));
        impact(Map.of("files", Map.of(), "folder", "x")).statusCode(400)
                .body("errors.pointer", containsInAnyOrder("/files", "/folder"));
        impact(Map.of("folder", 7, "colour", "red")).statusCode(400)
                .body("errors.pointer", containsInAnyOrder("/colour", "/folder"));
        Api.auditor().contentType(ContentType.JSON).body("{\"folder\":").post("/api/v1/rulesets/impact").then().statusCode(400)
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

    /** A drafts folder {@code name}: a copy of the rules with {@code file} changed (or added) by {@code change}. */
    static void draft(String name, String file, UnaryOperator<String> change) {
        Path folder = ReloadTest.DRAFTS.resolve(name);
        ReloadTest.copy(Path.of("rules"), folder);
        try {
            Path changed = folder.resolve(file);
            Files.writeString(changed, change.apply(Files.exists(changed) ? Files.readString(changed) : ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
