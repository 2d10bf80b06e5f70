package org.readiness.testing;

import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The harness of the packaged-service tests does what it says: the H2 package starts ready, keeps its data
 * over a graceful stop and over a SIGKILL, and each start writes its own log; the PostgreSQL package runs on a
 * database of its own. What is kept is checked as a reader would: a submitted result reads back identical after
 * each restart (a new process, pool and caches on the same data), and its replay under its ruleset is identical.
 */
class ServiceProcessIT {

    @AfterEach
    void resetRestAssured() {
        RestAssured.reset();
    }

    @Test
    void startsStopsKillsAndRestartsOnTheSameData() throws Exception {
        try (ServiceProcess service = ServiceProcess.h2().name("service-process-it").start()) {
            service.useForRestAssured();
            Stored stored = Stored.submit();
            long firstPid = service.pid();

            assertThat(service.stopGracefully()).as("exit code after SIGTERM").isIn(0, 143);
            assertThat(service.isAlive()).isFalse();

            service.restart().useForRestAssured();
            assertThat(service.pid()).isNotEqualTo(firstPid);
            stored.readsBackIdentical();

            service.kill9();
            assertThat(service.isAlive()).isFalse();
            service.restart().useForRestAssured();
            stored.readsBackIdentical();

            assertThat(service.logFile()).hasFileName("service-3.log");
            assertThat(service.home().resolve("data")).isDirectory();
        }
    }

    @Test
    void thePostgresPackageRunsOnAFreshDatabaseAndSurvivesAKill() throws Exception {
        try (TestPostgres.Database db = TestPostgres.freshDatabase("service_process");
             ServiceProcess service = ServiceProcess.pg(db).name("service-process-pg-it").start()) {
            service.useForRestAssured();
            Stored stored = Stored.submit();
            try (var c = db.connect(); var r = c.createStatement().executeQuery("SELECT COUNT(*) FROM organisation")) {
                r.next();
                assertThat(r.getLong(1)).as("rows in the test's own database").isEqualTo(1);
            }

            service.stopGracefully();
            service.restart().useForRestAssured();
            stored.readsBackIdentical();
            service.kill9();
            service.restart().useForRestAssured();
            stored.readsBackIdentical();
            assertThat(service.logFile()).content().contains("Profile pg activated");
        }
    }

    /** A submitted assessment as the service answered for it: the result and the assessment, as JSON text. */
    private record Stored(String id, String result, String assessment) {

        static Stored submit() {
            String id = Api.submitted("""
                    {"question":"DL-02","value":3,"evidence":"Trained in trauma-informed practice; delivers level two"},
                    {"question":"GV-06","value":4,"evidence":"Reports to the corporate management team every quarter"}""");
            return new Stored(id, result(id), assessment(id));
        }

        void readsBackIdentical() {
            assertThat(result(id)).isEqualTo(result);
            assertThat(assessment(id)).isEqualTo(assessment);
            Api.auditor().post("/api/v1/assessments/" + id + "/replay").then().statusCode(200).body("identical", equalTo(true));
        }

        private static String result(String id) {
            return Api.analyst().get("/api/v1/assessments/" + id + "/result").then().statusCode(200).extract().asString();
        }

        private static String assessment(String id) {
            return Api.analyst().get("/api/v1/assessments/" + id).then().statusCode(200).extract().asString();
        }
    }
}
