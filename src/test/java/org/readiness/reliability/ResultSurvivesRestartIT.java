package org.readiness.reliability;

import io.restassured.RestAssured;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;
import org.readiness.testing.ServiceProcess;
import org.readiness.testing.TestPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A stored result reads back identical after the service is stopped and started again on the same data: a new
 * process, with a new connection pool and empty caches, on each build's database (an H2 file; PostgreSQL). The
 * replay of the result under its ruleset is identical too. One test does both halves, so no test depends on another.
 */
class ResultSurvivesRestartIT {

    private static final String MORE = """
            {"question":"DL-02","value":3,"evidence":"Trained in trauma-informed practice; delivers level two"},
            {"question":"GV-02","value":4,"evidence":"Reports to the corporate management team every quarter"}""";

    @AfterEach
    void resetRestAssured() {
        RestAssured.reset();
    }

    @Test
    void onTheEmbeddedDefault() {
        try (ServiceProcess service = ServiceProcess.h2().name("restart-h2").start()) {
            submitStopStartAndReadBack(service);
        }
    }

    @Test
    void onPostgresql() {
        try (TestPostgres.Database db = TestPostgres.freshDatabase("restart");
             ServiceProcess service = ServiceProcess.pg(db).name("restart-pg").start()) {
            submitStopStartAndReadBack(service);
        }
    }

    private static void submitStopStartAndReadBack(ServiceProcess service) {
        service.useForRestAssured();
        String id = Api.submitted(MORE);
        String result = Api.analyst().get("/api/v1/assessments/" + id + "/result").then().statusCode(200).extract().asString();
        String assessment = Api.analyst().get("/api/v1/assessments/" + id).then().statusCode(200).extract().asString();

        service.stopGracefully();
        service.restart().useForRestAssured();

        assertThat(Api.analyst().get("/api/v1/assessments/" + id + "/result").then().statusCode(200).extract().asString())
                .isEqualTo(result);
        assertThat(Api.analyst().get("/api/v1/assessments/" + id).then().statusCode(200).extract().asString())
                .isEqualTo(assessment);
        Api.auditor().post("/api/v1/assessments/" + id + "/replay").then().statusCode(200).body("identical", equalTo(true));
    }
}
