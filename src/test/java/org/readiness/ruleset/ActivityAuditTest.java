package org.readiness.ruleset;

import org.readiness.audit.ActivityLog;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;
import org.readiness.web.WebSession;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Impact analyses, replays, reloads and exports change no table, yet each leaves an audit row (who, which ruleset
 * or what, and the outcome, failures included) and a log line.
 */
@QuarkusTest
@TestProfile(ReloadTest.CopiedRules.class)
class ActivityAuditTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final List<String> logged = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (ActivityLog.class.getName().equals(record.getLoggerName())) {
                logged.add(String.format(record.getMessage(), record.getParameters()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureTheLog() {
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void restore() {
        Logger.getLogger("").removeHandler(capture);
        ReloadTest.copyRules();
        Api.admin().post("/api/v1/ruleset/reload").then().statusCode(200);
    }

    @Test
    void everyImpactAnalysisIsAuditedWithItsCandidateAndOutcome() {
        String active = Api.auditor().get("/api/v1/ruleset").then().extract().path("version");
        impact(Map.of("folder", "same-as-active")).statusCode(200);
        assertLatest(Api.AUDITOR, "ruleset.impact.done", "ruleset/" + active + " drafts/same-as-active");

        impact(Map.of("files", Map.of("gates/x.drl", "package gates"))).statusCode(400);
        assertLatest(Api.AUDITOR, "ruleset.impact.invalid", "drafts");

        ImpactTest.draft("broken-for-audit", "gates/broken.drl",
                none -> "package gates\n\nrule \"Broken\"\nwhen\n    Answer( question == )\nthen\nend\n");
        impact(Map.of("folder", "broken-for-audit")).statusCode(422);
        String refused = latest(Api.AUDITOR).get("target");
        assertLatest(Api.AUDITOR, "ruleset.impact.refused", refused);
        assertThat(refused).matches("ruleset/[0-9a-f]{64} drafts/broken-for-audit").doesNotContain(active);
    }

    @Test
    void everyReplayIsAuditedWithTheRulesetItRanUnder() {
        String id = Api.submitted("");
        String version = Api.owner(id).get("/api/v1/assessments/" + id + "/result").then().extract().path("ruleset.version");
        Api.auditor().post("/api/v1/assessments/" + id + "/replay").then().statusCode(200);
        assertLatest(Api.AUDITOR, "assessment.replay.identical", "assessment/" + id + " ruleset/" + version);

        String unknown = UUID.randomUUID().toString();
        Api.auditor().post("/api/v1/assessments/" + unknown + "/replay").then().statusCode(404);
        assertLatest(Api.AUDITOR, "assessment.replay.not-found", "assessment/" + unknown);
    }

    @Test
    void everyReloadIsAuditedRefusedOnesToo() throws IOException {
        String active = Api.admin().get("/api/v1/ruleset").then().extract().path("version");
        Api.admin().post("/api/v1/ruleset/reload").then().statusCode(200);
        assertLatest(Api.ADMIN, "ruleset.reload.unchanged", "ruleset/" + active);

        Files.writeString(ReloadTest.FOLDER.resolve("gates/broken.drl"),
                "package gates\n\nrule \"Broken\"\nwhen\n    Answer( question == )\nthen\nend\n");
        Api.admin().post("/api/v1/ruleset/reload").then().statusCode(422);
        String refused = latest(Api.ADMIN).get("target");
        assertLatest(Api.ADMIN, "ruleset.reload.refused", refused);
        assertThat(refused).matches("ruleset/[0-9a-f]{64}").isNotEqualTo("ruleset/" + active);
    }

    @Test
    void everyExportIsAuditedThroughTheApiAndThePages() {
        String id = Api.submitted("");
        String code = Api.organisationOf(id);
        Api.analyst().queryParam("questionnaire", "nttp-readiness").accept("text/csv").get("/api/v1/comparison")
                .then().statusCode(200);
        assertLatest(Api.ANALYST, "comparison.export.csv", "comparison/nttp-readiness");
        long rows = entries(Api.ANALYST);
        Api.analyst().queryParam("questionnaire", "nttp-readiness").accept(ContentType.JSON).get("/api/v1/comparison")
                .then().statusCode(200);
        assertThat(entries(Api.ANALYST)).as("a JSON view is no export").isEqualTo(rows);

        String lead = Api.leadOf(code);
        Api.as(lead).accept(XLSX).get("/api/v1/organisations/" + code + "/progress").then().statusCode(200);
        assertLatest(lead, "progress.export.xlsx", "organisation/" + code + "/progress");

        WebSession.signIn(Api.ANALYST).get("/web/comparison/download?format=xlsx&questionnaire=nttp-readiness")
                .then().statusCode(200);
        assertLatest(Api.ANALYST, "comparison.export.xlsx", "comparison/nttp-readiness");
        WebSession.signIn(lead).get("/web/organisations/" + code + "/progress/download?format=csv").then().statusCode(200);
        assertLatest(lead, "progress.export.csv", "organisation/" + code + "/progress");
    }

    private void assertLatest(String actor, String action, String target) {
        Map<String, String> entry = latest(actor);
        assertThat(entry.get("action")).isEqualTo(action);
        assertThat(entry.get("target")).isEqualTo(target);
        assertThat(logged).as("the log line").contains(action + " on " + target + " by " + actor);
        assertThat(Api.auditor().get("/api/v1/audit/verify").then().extract().<Boolean>path("valid")).isTrue();
    }

    private static Map<String, String> latest(String actor) {
        return Api.auditor().queryParam("actor", actor).queryParam("size", 1).get("/api/v1/audit")
                .then().statusCode(200).extract().path("items[0]");
    }

    private static long entries(String actor) {
        return Api.auditor().queryParam("actor", actor).queryParam("size", 1).get("/api/v1/audit")
                .then().statusCode(200).extract().<Number>path("total").longValue();
    }

    private static io.restassured.response.ValidatableResponse impact(Object body) {
        return Api.auditor().contentType(ContentType.JSON).body(body).post("/api/v1/rulesets/impact").then();
    }
}
