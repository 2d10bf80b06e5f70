package org.readiness.assessment;

import org.readiness.ruleset.ReloadTest;
import org.readiness.ruleset.RulesetArchive;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.readiness.scoring.engine.Ruleset;
import org.readiness.ruleset.RulesetService;
import org.readiness.testing.Api;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Replay, explanation and fired-rule counts of stored results, on a private copy of the rules it can change. */
@QuarkusTest
@TestProfile(ReloadTest.CopiedRules.class)
class AuditTrailTest {

    /**
     * No lead in post: the lead gate holds the organisation back and "appoint a lead" comes first. Items of version 2,
     * which a draft that names no version is of.
     */
    private static final String NO_LEAD = """
            {"question":"DL-01","value":1,"evidence":"Post advertised twice"},{"question":"GV-01","value":3},
            {"question":"PT-01","value":"DONT_KNOW"},{"question":"DL-02","value":3},{"question":"DL-06","value":3},
            {"question":"DL-04","value":2,"evidence":"Two-year funding"},{"question":"DL-07","value":3}""";
    /** The same site answering version 1, which stays served: its stored results must replay as well. */
    private static final String NO_LEAD_V1 = """
            {"question":"DL-01","value":1,"evidence":"Post advertised twice"},{"question":"GV-01","value":3},
            {"question":"PT-01","value":"DONT_KNOW"},{"question":"DL-02","value":3},{"question":"DL-03","value":3},
            {"question":"DL-04","value":2,"evidence":"Two-year funding"},{"question":"DL-05","value":3}""";

    @Inject
    RulesetService rulesets;

    @Inject
    RulesetArchive archive;

    @AfterEach
    void restoreRules() {
        ReloadTest.copyRules();
        Api.admin().post("/api/v1/ruleset/reload").then().statusCode(200);
    }

    @Test
    void aStoredResultReplaysIdentically() {
        String id = submittedWithoutLead();
        String version = Api.owner(id).get("/api/v1/assessments/" + id + "/result").then().extract().path("ruleset.version");
        Api.auditor().post("/api/v1/assessments/" + id + "/replay").then().statusCode(200)
                .body("identical", equalTo(true)).body("differences", empty())
                .body("rulesetVersion", equalTo(version)).body("questionnaire", equalTo("nttp-readiness@2"));
    }

    @Test
    void aStoredResultOfVersion1ReplaysIdentically() {
        String id = submitted(1, NO_LEAD_V1);
        String version = Api.owner(id).get("/api/v1/assessments/" + id + "/result").then().extract().path("ruleset.version");
        Api.auditor().post("/api/v1/assessments/" + id + "/replay").then().statusCode(200)
                .body("identical", equalTo(true)).body("differences", empty())
                .body("rulesetVersion", equalTo(version)).body("questionnaire", equalTo("nttp-readiness@1"));
    }

    @Test
    void replayIsIdenticalAfterTheActiveRulesChanged() throws IOException {
        String id = submittedWithoutLead();
        String before = Api.auditor().get("/api/v1/ruleset").then().extract().path("version");
        // Lower the lead gate's bar to 1: under the new rules the same answers (DL-01 at 1) would no longer be held back.
        String gates = Files.readString(ReloadTest.FOLDER.resolve("gates/programme-gates.drl"));
        String bar = "not Answer( question == \"DL-01\", scored, value >= 2 )";
        assertThat(gates).contains(bar);
        Files.writeString(ReloadTest.FOLDER.resolve("gates/programme-gates.drl"),
                gates.replace(bar, "not Answer( question == \"DL-01\", scored, value >= 1 )"));
        String after = Api.admin().post("/api/v1/ruleset/reload").then().statusCode(200).extract().path("active.version");
        assertThat(after).isNotEqualTo(before);
        Api.auditor().post("/api/v1/assessments/" + id + "/replay").then().statusCode(200)
                .body("identical", equalTo(true)).body("rulesetVersion", equalTo(before))
                .body("activeRulesetVersion", equalTo(after));
        // A new scoring of the same answers does differ, so the replay really used the old rules.
        Api.analyst().contentType(ContentType.JSON).body("{\"questionnaire\":\"nttp-readiness\",\"answers\":[" + NO_LEAD + "]}")
                .post("/api/v1/score").then().statusCode(200).body("trace.rule", not(hasItem("GATE-NO-LEAD")));
    }

    @Test
    void theArchiveRebuildsAKeptVersionFromItsStoredFiles() {
        submittedWithoutLead();
        String version = rulesets.active().version();
        Map<String, String> files = archive.files(version).orElseThrow();
        Ruleset rebuilt = rulesets.compiler().compile(files, "archive");
        assertThat(rebuilt.version()).isEqualTo(version);
        assertThat(files).containsKey("gates/programme-gates.drl");
    }

    @Test
    void replayAndExplanationOfUnknownOrDraftAssessmentsAre404() {
        Api.auditor().post("/api/v1/assessments/00000000-0000-4000-8000-000000000000/replay").then().statusCode(404)
                .contentType("application/problem+json");
        Api.auditor().get("/api/v1/assessments/not-an-id/explanation").then().statusCode(404).contentType("application/problem+json");
        String draft = Api.createDraft();
        Api.auditor().post("/api/v1/assessments/" + draft + "/replay").then().statusCode(404);
        Api.auditor().get("/api/v1/assessments/" + draft + "/explanation").then().statusCode(404);
        Api.auditor().get("/api/v1/assessments/" + draft + "/replay").then().statusCode(greaterThan(399))
                .contentType("application/problem+json");
    }

    @Test
    void theExplanationShowsAnswersRulesGatesAndWhereEachStepCameFrom() {
        String id = submittedWithoutLead();
        Api.auditor().get("/api/v1/assessments/" + id + "/explanation").then().statusCode(200).contentType("application/json")
                .body("overall.band", equalTo("INSUFFICIENT_EVIDENCE"))
                .body("enablers.find { it.id == 'dedicated-lead' }.inputs.find { it.id == 'DL-01' }.answer",
                        equalTo("1 (Planned or agreed)"))
                .body("enablers.find { it.id == 'dedicated-lead' }.inputs.find { it.id == 'DL-01' }.evidence",
                        equalTo("Post advertised twice"))
                .body("enablers.find { it.id == 'dedicated-lead' }.gates.id", hasItem("GATE-CRITICAL-ITEM"))
                .body("enablers.find { it.id == 'dedicated-lead' }.gates[0].rationale", containsString("critical"))
                .body("enablers.find { it.id == 'dedicated-lead' }.rules.id", hasItem("GATE-NO-LEAD"))
                .body("enablers.find { it.id == 'dedicated-lead' }.recommendations[0].rule", equalTo("REC-DL-APPOINT"))
                .body("enablers.find { it.id == 'dedicated-lead' }.recommendations[0].rationale", containsString("lead"))
                .body("enablers.find { it.id == 'dedicated-lead' }.recommendations[0].owner", equalTo("Chief executive"))
                .body("enablers.find { it.id == 'dedicated-lead' }.recommendations[0].horizon", equalTo("QUICK_WIN"))
                .body("enablers.find { it.id == 'dedicated-lead' }.recommendations[0].doneWhen", containsString("named person"))
                // Steps about a whole theme belong to the overall part: each unrated theme is named there.
                .body("overall.recommendations.rule", hasItem("REC-THEME-UNRATED"))
                .body("enablers.find { it.id == 'governance' }.inputs.find { it.id == 'GV-06' }.answer", equalTo("not answered"))
                .body("overall.rules.id", hasItem("SCORE-OVERALL-INSUFFICIENT"))
                .body("note", containsString("not validated cut-offs"));
        for (String type : new String[]{"text/plain", "text/markdown"}) {
            Api.owner(id).accept(type).get("/api/v1/assessments/" + id + "/explanation").then().statusCode(200)
                    .contentType(containsString(type))
                    .body(containsString("# Why"))
                    .body(containsString("## A dedicated lead: Developing"))
                    .body(containsString("DL-01, \"A named lead for trauma-informed work is in post.\": 1 (Planned or agreed)"))
                    .body(containsString("Appoint a dedicated lead and name an interim lead now (rule REC-DL-APPOINT)"))
                    .body(containsString("(rule REC-DL-APPOINT). Usually owned by: Chief executive. A quick win. Done when: "))
                    // PT-01 "don't know" counts as no protected time for the lead: its gate holds the lead enabler too.
                    .body(containsString("(GATE-NO-LEAD-TIME)"));
        }
    }

    @Test
    void theCatalogueCountsTheStoredResultsEachRuleFiredIn() {
        int before = Api.auditor().get("/api/v1/rules/GATE-NO-LEAD").then().extract().path("firedIn");
        submittedWithoutLead();
        Api.auditor().get("/api/v1/rules/GATE-NO-LEAD").then().body("firedIn", equalTo(before + 1));
        Api.auditor().get("/api/v1/rules").then().body("find { it.id == 'SCORE-ENABLER' }.firedIn", greaterThan(0));
    }

    @Test
    void explanationsFollowWhoMayReadTheAssessmentAndReplayIsForAuditors() {
        String id = submittedWithoutLead();
        Api.owner(id).get("/api/v1/assessments/" + id + "/explanation").then().statusCode(200);
        Api.analyst().get("/api/v1/assessments/" + id + "/explanation").then().statusCode(200);
        Api.as(Api.leadOf(Api.createOrganisation())).get("/api/v1/assessments/" + id + "/explanation").then().statusCode(404);
        Api.owner(id).post("/api/v1/assessments/" + id + "/replay").then().statusCode(403);
        Api.analyst().post("/api/v1/assessments/" + id + "/replay").then().statusCode(403);
        io.restassured.RestAssured.given().get("/api/v1/assessments/" + id + "/explanation").then().statusCode(401);
    }

    private static String submittedWithoutLead() {
        return submitted(null, NO_LEAD);
    }

    /** A submitted assessment of {@code version} (the latest when null) with {@code answers}; returns its id. */
    private static String submitted(Integer version, String answers) {
        String id = Api.createDraft(Api.createOrganisation(), version);
        Api.putAnswers(id, answers).then().statusCode(200);
        Api.submit(id).then().statusCode(201);
        return id;
    }
}
