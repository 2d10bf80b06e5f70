package org.readiness.reliability;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.readiness.problem.Problem;
import org.readiness.testing.Api;
import org.readiness.testing.DatabaseSnapshot;
import org.readiness.testing.TestDatabase;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, item 12: a database that answers reads but fails every write of a table with an unexpected error.
 * The service must answer 503 problem+json with Retry-After (not 500), store nothing, report readiness DOWN while
 * it lasts, and recover by itself once the fault is gone. The fault: on H2 a CHECK whose evaluation throws, which
 * H2 reports as "Check constraint invalid" as in the report; on PostgreSQL a trigger that raises an error.
 */
@QuarkusTest
class DatabaseWriteFaultTest {

    @Inject
    DataSource db;

    @Test
    void writesFailingWithAnUnexpectedErrorAre503AndMakeReadinessDownUntilTheyWorkAgain() throws Exception {
        String organisation = Api.createOrganisation();
        String draft = Api.createDraft(organisation);
        Api.putAnswers(draft, Api.CRITICAL_ANSWERS).then().statusCode(200);
        awaitReadiness(200);

        DatabaseSnapshot before = DatabaseSnapshot.of(db);
        inject("assessment", "status");
        try {
            Api.owner(draft).get("/api/v1/assessments/" + draft).then().statusCode(200);

            assertDatabaseError(Api.as(Api.leadOf(organisation)).contentType(ContentType.JSON)
                    .body("{\"organisation\":\"" + organisation + "\",\"questionnaire\":\"" + Api.QUESTIONNAIRE
                            + "\",\"period\":\"2025-06\"}").post("/api/v1/assessments"));
            // Answers other than those stored: the same answers again would change nothing and write nothing.
            assertDatabaseError(Api.putAnswers(draft, Api.CRITICAL_ANSWERS + ",{\"question\":\"DL-02\",\"value\":2}"));
            assertDatabaseError(Api.submit(draft));
            assertThat(DatabaseSnapshot.of(db)).as("nothing of the refused writes is stored").isEqualTo(before);

            Response ready = given().get("/q/health/ready");
            assertThat(ready.statusCode()).as(ready.asString()).isEqualTo(503);
            assertThat(ready.jsonPath().getString("checks.find { it.name == 'database-writes' }.status")).isEqualTo("DOWN");
            // Reads work, so the connection check alone would have said UP: that was the report.
            assertThat(ready.jsonPath().getString("checks.find { it.name == 'Database connections health check' }.status"))
                    .isEqualTo("UP");
        } finally {
            remove("assessment");
        }

        awaitReadiness(200);
        Api.putAnswers(draft, Api.CRITICAL_ANSWERS).then().statusCode(200);
        Api.submit(draft).then().statusCode(201);
        Api.createDraft(organisation);
    }

    /**
     * A table the probe write does not touch: the probe passes, and the requests' own errors make readiness DOWN;
     * they age out of the window (20 s in tests), and readiness is UP again once the writes work.
     */
    @Test
    void unexpectedErrorsOfATableTheProbeDoesNotWriteMakeReadinessDownToo() throws Exception {
        String organisation = Api.createOrganisation();
        String lead = Api.leadOf(organisation);
        String targets = "{\"targets\":[{\"enabler\":\"governance\",\"score\":3}]}";
        awaitReadiness(200);

        inject("organisation_target", "enabler");
        try {
            for (int i = 0; i < 5; i++) {
                assertDatabaseError(Api.as(lead).contentType(ContentType.JSON).body(targets)
                        .put("/api/v1/organisations/" + organisation + "/targets"));
            }
            Response ready = given().get("/q/health/ready");
            assertThat(ready.statusCode()).as(ready.asString()).isEqualTo(503);
            assertThat(ready.jsonPath().getString("checks.find { it.name == 'database-writes' }.data.probe"))
                    .startsWith("passed, but 5 requests");
        } finally {
            remove("organisation_target");
        }

        awaitReadiness(200);
        Api.as(lead).contentType(ContentType.JSON).body(targets).put("/api/v1/organisations/" + organisation + "/targets")
                .then().statusCode(200);
    }

    /** 503 application/problem+json database-error with Retry-After, as the report's writes should have been. */
    private static void assertDatabaseError(Response response) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(503);
        assertThat(response.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(response.header("Retry-After")).isEqualTo("5");
        assertThat(response.jsonPath().getString("type")).isEqualTo("urn:readiness:problem:database-error");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(503);
    }

    /** Every insert and update of {@code table} fails; {@code text} is one of its text columns. */
    private void inject(String table, String text) throws SQLException {
        if (TestDatabase.postgres()) {
            execute("CREATE FUNCTION readiness_test_fault() RETURNS trigger LANGUAGE plpgsql AS "
                    + "$$ BEGIN RAISE EXCEPTION 'injected write fault'; END $$");
            execute("CREATE TRIGGER readiness_test_fault BEFORE INSERT OR UPDATE ON " + table
                    + " FOR EACH ROW EXECUTE FUNCTION readiness_test_fault()");
        } else {
            // Converting the text to a number throws while the check is evaluated; NOCHECK skips the existing rows.
            execute("ALTER TABLE " + table + " ADD CONSTRAINT readiness_test_fault CHECK (CAST(" + text
                    + " AS INTEGER) > 0) NOCHECK");
        }
    }

    private void remove(String table) throws SQLException {
        if (TestDatabase.postgres()) {
            execute("DROP TRIGGER readiness_test_fault ON " + table);
            execute("DROP FUNCTION readiness_test_fault()");
        } else {
            execute("ALTER TABLE " + table + " DROP CONSTRAINT readiness_test_fault");
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Polls readiness until it answers {@code status} (the failure window must pass after the fault). */
    static void awaitReadiness(int status) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        Response ready = given().get("/q/health/ready");
        while (ready.statusCode() != status && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            ready = given().get("/q/health/ready");
        }
        assertThat(ready.statusCode()).as(ready.asString()).isEqualTo(status);
    }
}
