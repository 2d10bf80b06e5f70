package org.readiness.deploy;

import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;
import org.readiness.testing.ServiceProcess;
import org.readiness.testing.TestPostgres;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;

/**
 * What the packaged service checks as it starts, seen as an operator sees it: a faulty rules folder or
 * questionnaire, or a PostgreSQL start without the audit key, stops the start and the log says why; the embedded
 * default's first start makes, migrates and seeds its own file database. A child process starts in seconds, where a
 * test profile of its own would rebuild the application in the test JVM.
 */
class StartChecksIT {

    private static final Path PROJECT = Path.of(System.getProperty("readiness.it.project-dir", "")).toAbsolutePath();

    @AfterEach
    void resetRestAssured() {
        RestAssured.reset();
    }

    @Test
    void aRulesFolderWithADrlErrorStopsTheStartNamingFileAndLine() {
        Path broken = PROJECT.resolve("src/test/resources/broken-rules");
        assertThat(ServiceProcess.h2().name("broken-rules").env("READINESS_RULES_PATH", broken.toString()).startRefused())
                .contains("Ruleset " + broken + " cannot be used")
                .containsPattern("broken-rules/checks/broken\\.drl:1[0-9]: ");
    }

    @Test
    void aFaultyQuestionnaireStopsTheStartNamingFileAndFault() {
        Path broken = PROJECT.resolve("src/test/resources/broken-questionnaires");
        assertThat(ServiceProcess.h2().name("broken-questionnaire").env("READINESS_QUESTIONNAIRES_PATH", broken.toString())
                .startRefused())
                .contains("Questionnaire " + broken.resolve("bad-v1.yaml") + " is not valid")
                .contains("item LD-01: weight must be greater than 0, found 0.0");
    }

    @Test
    void thePostgresqlBuildRefusesToStartWithoutTheAuditKey() {
        try (TestPostgres.Database db = TestPostgres.freshDatabase("no_audit_key")) {
            assertThat(ServiceProcess.pg(db).name("no-audit-key").env("READINESS_AUDIT_KEY", null).startRefused())
                    .contains("Set READINESS_AUDIT_KEY (readiness.audit.key)");
        }
    }

    @Test
    void theEmbeddedDefaultsFirstStartMakesMigratesAndSeedsAFileDatabaseUnderItsDataFolder() {
        try (ServiceProcess service = ServiceProcess.h2().name("first-start").env("READINESS_SEEDS_ENABLED", "true")
                .start().useForRestAssured()) {
            assertThat(service.home().resolve("data").resolve("readiness.mv.db")).isRegularFile();
            // The demo users come with the seeds (password "demo"); a lead sees only its own organisation.
            Api.as("analyst", "demo").get("/api/v1/organisations").then().statusCode(200)
                    .body("code", containsInAnyOrder("S12000035", "S12000049", "S12000019"));
            Api.as("lead-s12000035", "demo").get("/api/v1/organisations").then().statusCode(200)
                    .body("code", containsInAnyOrder("S12000035"));
            for (String user : new String[]{"admin", "auditor", "respondent-s12000049", "lead-s12000019"}) {
                Api.as(user, "demo").get("/api/v1/questionnaires").then().statusCode(200);
            }
        }
    }
}
