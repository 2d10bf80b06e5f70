package org.readiness.testing;

import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The harness of the packaged-service tests does what it says: the H2 package starts ready, keeps its data
 * over a graceful stop and over a SIGKILL, and each start writes its own log; the PostgreSQL package runs on a
 * database of its own.
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
            String code = Api.createOrganisation();
            long firstPid = service.pid();

            assertThat(service.stopGracefully()).as("exit code after SIGTERM").isIn(0, 143);
            assertThat(service.isAlive()).isFalse();

            service.restart().useForRestAssured();
            assertThat(service.pid()).isNotEqualTo(firstPid);
            Api.admin().get("/api/v1/organisations/" + code).then().statusCode(200).body("code", equalTo(code));

            service.kill9();
            assertThat(service.isAlive()).isFalse();
            service.restart().useForRestAssured();
            Api.admin().get("/api/v1/organisations/" + code).then().statusCode(200);

            assertThat(service.logFile()).hasFileName("service-3.log");
            assertThat(service.home().resolve("data")).isDirectory();
        }
    }

    @Test
    void thePostgresPackageRunsOnAFreshDatabaseAndSurvivesAKill() throws Exception {
        try (TestPostgres.Database db = TestPostgres.freshDatabase("service_process");
             ServiceProcess service = ServiceProcess.pg(db).name("service-process-pg-it").start()) {
            service.useForRestAssured();
            String code = Api.createOrganisation();
            try (var c = db.connect(); var r = c.createStatement().executeQuery("SELECT COUNT(*) FROM organisation")) {
                r.next();
                assertThat(r.getLong(1)).as("rows in the test's own database").isEqualTo(1);
            }

            service.kill9();
            service.restart().useForRestAssured();
            Api.admin().get("/api/v1/organisations/" + code).then().statusCode(200);
            assertThat(service.logFile()).content().contains("Profile pg activated");
        }
    }
}
