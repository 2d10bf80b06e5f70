package org.readiness.comparison;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class ProgressResourceTest {

    @Inject
    AgroalDataSource db;

    /**
     * SAMM's worked example in enabler scores: governance 0.25 (GV-05 "don't know", so the weights answered sum
     * to 8 and GV-02 = 1 gives 2/8), lived experience 0 (weights 2,1,2,1: LE-02 = 3 later gives 3/6 = 0.5),
     * multi-agency 0, dedicated lead 1, protected time 0, sharing learning 0.
     */
    private static String samm(int gv02, int le02) {
        return "{\"question\":\"GV-01\",\"value\":0},{\"question\":\"GV-02\",\"value\":" + gv02 + "},"
                + "{\"question\":\"GV-03\",\"value\":" + (gv02 == 1 ? 0 : 0) + "},{\"question\":\"GV-04\",\"value\":0},"
                + "{\"question\":\"GV-05\",\"value\":\"DONT_KNOW\"},"
                + "{\"question\":\"LE-01\",\"value\":0},{\"question\":\"LE-02\",\"value\":" + le02 + "},"
                + "{\"question\":\"LE-03\",\"value\":0},{\"question\":\"LE-04\",\"value\":0},"
                + Programme.same(0, "MA-01", "MA-02", "MA-03", "PT-01", "PT-02", "PT-03", "PT-04", "SL-01", "SL-02", "SL-03")
                + "," + Programme.lead(1);
    }

    private static final String SAMM_TARGETS = "{\"targets\":[{\"enabler\":\"governance\",\"score\":1},"
            + "{\"enabler\":\"lived-experience\",\"score\":1},{\"enabler\":\"multi-agency\",\"score\":0},"
            + "{\"enabler\":\"dedicated-lead\",\"band\":\"DEVELOPING\"},{\"enabler\":\"protected-time\",\"score\":0.5},"
            + "{\"enabler\":\"sharing-learning\",\"band\":\"GETTING_STARTED\"}]}";

    @Test
    void theSammWorkedExampleThroughTheApi() {
        String code = Programme.organisation(Programme.newRegion());
        Api.as(Api.leadOf(code)).contentType(ContentType.JSON).body(SAMM_TARGETS).put("/api/v1/organisations/" + code + "/targets")
                .then().statusCode(200).body("targets.size()", equalTo(6))
                .body("targets.find { it.enabler == 'dedicated-lead' }.score", equalTo(1.0f))
                .body("targets.find { it.enabler == 'dedicated-lead' }.band", equalTo("DEVELOPING"))
                .body("targets.find { it.enabler == 'sharing-learning' }.score", equalTo(0.0f));
        Programme.submit(code, "2025-01", null, samm(1, 0));
        Programme.submit(code, "2025-07", null, samm(4, 3));

        JsonPath p = Api.analyst().get("/api/v1/organisations/" + code + "/progress").then().statusCode(200).extract().jsonPath();
        assertThat(p.getString("note")).contains("not a league table");
        assertThat(p.getList("series")).hasSize(1);
        assertThat(p.getString("series[0].targetsFrom")).isEqualTo("organisation");
        String first = "series[0].results[0].";
        String second = "series[0].results[1].";
        assertThat(p.getDouble(first + "enablers.find { it.id == 'governance' }.score")).isCloseTo(0.25, within(1e-9));
        assertThat(p.getDouble(first + "percentageToTarget.value")).isCloseTo(0.357, within(0.0005));
        assertThat(p.getDouble(first + "progressToDate.value")).isZero();
        assertThat(p.getString(first + "enablers.find { it.id == 'governance' }.changeSincePrevious")).isNull();

        assertThat(p.getDouble(second + "enablers.find { it.id == 'governance' }.score")).isEqualTo(1.0);
        assertThat(p.getDouble(second + "enablers.find { it.id == 'lived-experience' }.score")).isEqualTo(0.5);
        assertThat(p.getDouble(second + "enablers.find { it.id == 'governance' }.changeSincePrevious")).isCloseTo(0.75, within(1e-9));
        assertThat(p.getDouble(second + "enablers.find { it.id == 'lived-experience' }.changeSinceBaseline")).isCloseTo(0.5, within(1e-9));
        assertThat(p.getDouble(second + "enablers.find { it.id == 'protected-time' }.gap")).isCloseTo(0.5, within(1e-9));
        assertThat(p.getDouble(second + "progressToDate.value")).isCloseTo(0.556, within(0.0005));
        assertThat(p.getDouble(second + "percentageToTarget.value")).isCloseTo(1 - 1 / 3.5, within(1e-6));
        assertThat(p.getList(second + "leftOutOfTargets")).isEmpty();
    }

    @Test
    void resultsComeInPeriodOrderWithChangesPerScopeSeries() {
        String code = Programme.organisation(Programme.newRegion());
        Programme.submit(code, "2025-06", null, Programme.lead(2));
        Programme.submit(code, "2025-01", null, Programme.lead(1));
        Programme.submit(code, "2025-09", null, Programme.lead(4));
        Programme.submit(code, "2025-03", "Justice", Programme.lead(3));

        JsonPath p = Api.analyst().get("/api/v1/organisations/" + code + "/progress").then().statusCode(200).extract().jsonPath();
        assertThat(p.getList("series.scope")).containsExactly(null, "Justice");
        assertThat(p.getList("series[0].results.period")).containsExactly("2025-01", "2025-06", "2025-09");
        String lead = ".enablers.find { it.id == 'dedicated-lead' }.";
        assertThat(p.getDouble("series[0].results[2]" + lead + "changeSincePrevious")).isEqualTo(2.0);
        assertThat(p.getDouble("series[0].results[2]" + lead + "changeSinceBaseline")).isEqualTo(3.0);
        assertThat(p.getString("series[0].results[0].percentageToTarget.reason")).contains("no enabler");
        assertThat(p.getString("series[0].targetsFrom")).isEqualTo("none");
        assertThat(p.getList("series[1].results")).hasSize(1);

        Api.analyst().queryParam("scope", "Justice").get("/api/v1/organisations/" + code + "/progress").then().statusCode(200)
                .body("series.size()", equalTo(1)).body("series[0].scope", equalTo("Justice"));
    }

    @Test
    void aScopeUsesItsOwnTargetsOrElseTheOrganisations() {
        String code = Programme.organisation(Programme.newRegion());
        Programme.submit(code, "2025-01", "Education", Programme.lead(1));
        Programme.submit(code, "2025-01", "Justice", Programme.lead(1));
        Api.as(Api.leadOf(code)).contentType(ContentType.JSON).body("{\"targets\":[{\"enabler\":\"dedicated-lead\",\"score\":2}]}")
                .put("/api/v1/organisations/" + code + "/targets").then().statusCode(200);
        Api.as(Api.leadOf(code)).contentType(ContentType.JSON).body("{\"targets\":[{\"enabler\":\"dedicated-lead\",\"score\":4}]}")
                .queryParam("scope", "Justice").put("/api/v1/organisations/" + code + "/targets").then().statusCode(200)
                .body("scope", equalTo("Justice"));
        Api.analyst().queryParam("scope", "Justice").get("/api/v1/organisations/" + code + "/targets").then().statusCode(200)
                .body("targets[0].score", equalTo(4.0f));

        JsonPath p = Api.analyst().get("/api/v1/organisations/" + code + "/progress").then().statusCode(200).extract().jsonPath();
        assertThat(p.getList("series.targetsFrom")).containsExactly("organisation", "scope");
        assertThat(p.getDouble("series[0].results[0].percentageToTarget.value")).isEqualTo(0.5);
        assertThat(p.getDouble("series[1].results[0].percentageToTarget.value")).isEqualTo(0.25);
        assertThat(p.getString("series[0].results[0].progressToDate.reason")).isNull();
        assertThat(p.getDouble("series[0].results[0].progressToDate.value")).isZero();
    }

    @Test
    void targetsAreReplacedWholeAndReadBack() {
        String code = Api.createOrganisation();
        Api.as(Api.leadOf(code)).get("/api/v1/organisations/" + code + "/targets").then().statusCode(200)
                .body("organisation", equalTo(code)).body("targets.size()", equalTo(0));
        Api.as(Api.leadOf(code)).contentType(ContentType.JSON).body(SAMM_TARGETS).put("/api/v1/organisations/" + code + "/targets")
                .then().statusCode(200);
        Api.as(Api.leadOf(code)).contentType(ContentType.JSON).body("{\"targets\":[{\"enabler\":\"governance\",\"band\":\"EMBEDDED\"}]}")
                .put("/api/v1/organisations/" + code + "/targets").then().statusCode(200)
                .body("targets.enabler", containsInAnyOrder("governance")).body("targets[0].score", equalTo(3.0f))
                .body("targets[0].setBy", equalTo(Api.leadOf(code)));
        Api.as(Api.leadOf(code)).contentType(ContentType.JSON).body("{\"targets\":[]}").put("/api/v1/organisations/" + code + "/targets")
                .then().statusCode(200).body("targets.size()", equalTo(0));
    }

    @Test
    void badTargetsAreRefusedWithAPointerToEachProblemAndNothingIsWritten() {
        String code = Api.createOrganisation();
        Api.as(Api.leadOf(code)).contentType(ContentType.JSON).body(SAMM_TARGETS).put("/api/v1/organisations/" + code + "/targets")
                .then().statusCode(200);
        long before = Api.rows(db, "organisation_target");
        Api.as(Api.leadOf(code)).contentType(ContentType.JSON).body("{\"targets\":[{\"enabler\":\"governance\",\"score\":5},"
                        + "{\"enabler\":\"no-such\",\"score\":1},{\"enabler\":\"governance\",\"band\":\"EMBEDDED\"},"
                        + "{\"enabler\":\"training-needs\",\"band\":\"INSUFFICIENT_EVIDENCE\"},"
                        + "{\"enabler\":\"protected-time\",\"score\":1,\"band\":\"EMBEDDED\"},"
                        + "{\"enabler\":\"multi-agency\",\"score\":\"2\"},{\"score\":1,\"colour\":\"red\"},7],\"extra\":1}")
                .put("/api/v1/organisations/" + code + "/targets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.pointer", containsInAnyOrder("/targets/0/score", "/targets/1/enabler",
                        "/targets/2/enabler", "/targets/3/band", "/targets/4", "/targets/5/score",
                        "/targets/6/colour", "/targets/6/enabler", "/targets/7", "/extra"));
        Api.as(Api.leadOf(code)).contentType(ContentType.JSON).body("{}").put("/api/v1/organisations/" + code + "/targets")
                .then().statusCode(400).body("errors[0].pointer", equalTo("/targets"));
        Api.as(Api.leadOf(code)).contentType(ContentType.JSON).body("[]").put("/api/v1/organisations/" + code + "/targets")
                .then().statusCode(400).body("errors[0].pointer", equalTo(""));
        Api.as(Api.leadOf(code)).contentType(ContentType.JSON).body("{\"targets\":[]}").queryParam("scope", " ")
                .put("/api/v1/organisations/" + code + "/targets").then().statusCode(400)
                .body("errors[0].pointer", equalTo("scope"));
        assertEquals(before, Api.rows(db, "organisation_target"));
        Api.analyst().get("/api/v1/organisations/" + code + "/targets").then().body("targets.size()", equalTo(6));
    }

    /**
     * Problems found reading the body and those only the service can find (known enablers, the active scale) come in
     * one answer, in the body's order: the body's own first, then target by target (the tenth after the second).
     */
    @Test
    void readingAndCheckingProblemsOfTargetsAreListedTogetherInTheBodysOrder() {
        String code = Api.createOrganisation();
        String bands = "GETTING_STARTED, DEVELOPING, ESTABLISHED, EMBEDDED";
        JsonPath problem = Api.as(Api.leadOf(code)).contentType(ContentType.JSON)
                .body("{\"targets\":[{\"colour\":\"red\",\"enabler\":\"no-such\",\"band\":\"GREAT\"},"
                        + "{\"enabler\":\"governance\",\"score\":5},{\"band\":\"EMBEDDED\",\"enabler\":\"governance\"},"
                        + "{\"score\":\"2\",\"enabler\":7},{\"enabler\":\"protected-time\"},7,null,\"x\",[],{},"
                        + "{\"enabler\":\"multi-agency\",\"score\":-1}],\"extra\":1}")
                .put("/api/v1/organisations/" + code + "/targets")
                .then().statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertThat(problem.getList("errors.pointer")).containsExactly("/extra", "/targets/0/colour",
                "/targets/0/enabler", "/targets/0/band", "/targets/1/score", "/targets/2/enabler", "/targets/3/enabler",
                "/targets/3/score", "/targets/4", "/targets/5", "/targets/6", "/targets/7", "/targets/8",
                "/targets/9/enabler", "/targets/9", "/targets/10/score");
        assertThat(problem.getString("detail")).isEqualTo("16 problem(s) found in the targets");
        assertThat(problem.getList("errors.detail", String.class)).satisfies(details -> {
            assertThat(details.get(0)).isEqualTo("unknown field; expected targets");
            assertThat(details.get(1)).isEqualTo("unknown field; expected band, enabler, score");
            assertThat(details.get(2)).startsWith("no questionnaire has an enabler no-such; known: ");
            assertThat(details.get(3)).isEqualTo("must be one of " + bands + "; found \"GREAT\"");
            assertThat(details.get(4)).isEqualTo("must be from 0 to 4; found 5");
            assertThat(details.get(5)).isEqualTo("a second target for governance; send one per enabler");
            assertThat(details.get(6)).isEqualTo("must be text: an enabler id");
            assertThat(details.get(7)).isEqualTo("must be a number from 0 to 4");
            assertThat(details.get(8)).isEqualTo("give either a score (0 to 4) or a band (" + bands
                    + "), not both or neither");
            assertThat(details.get(9)).isEqualTo("must be an object {\"enabler\", \"score\" or \"band\"}");
            assertThat(details.get(13)).isEqualTo("required");
            assertThat(details.get(15)).isEqualTo("must be from 0 to 4; found -1");
        });
    }

    @Test
    void onlyTheOrganisationsLeadSetsItsTargetsAndSitesSeeOnlyTheirOwnProgress() {
        String code = Api.createOrganisation();
        String other = Api.createOrganisation();
        Api.analyst().contentType(ContentType.JSON).body(SAMM_TARGETS).put("/api/v1/organisations/" + code + "/targets")
                .then().statusCode(403);
        Api.as(Api.respondentOf(code)).contentType(ContentType.JSON).body(SAMM_TARGETS)
                .put("/api/v1/organisations/" + code + "/targets").then().statusCode(403);
        Api.as(Api.leadOf(other)).contentType(ContentType.JSON).body(SAMM_TARGETS)
                .put("/api/v1/organisations/" + code + "/targets").then().statusCode(404);
        Api.as(Api.leadOf(other)).get("/api/v1/organisations/" + code + "/progress").then().statusCode(404);
        Api.as(Api.leadOf(code)).get("/api/v1/organisations/" + code + "/progress").then().statusCode(200);
        Api.as(Api.leadOf(code)).queryParam("questionnaire", "nttp-readiness").get("/api/v1/comparison").then().statusCode(403);
        io.restassured.RestAssured.given().get("/api/v1/organisations/" + code + "/progress").then().statusCode(401);
    }

    @Test
    void unknownOrganisationsAre404AndBadParameters400() {
        Api.analyst().get("/api/v1/organisations/S99999999/progress").then().statusCode(404)
                .contentType("application/problem+json");
        Api.as(Api.leadOf(Api.createOrganisation())).get("/api/v1/organisations/S99999999/targets").then().statusCode(404);
        Api.as(Api.leadOf(Api.createOrganisation())).contentType(ContentType.JSON).body("{\"targets\":[]}").put("/api/v1/organisations/S99999999/targets")
                .then().statusCode(404);
        Api.analyst().accept("text/csv").get("/api/v1/organisations/S99999999/progress").then().statusCode(404)
                .contentType("application/problem+json");
        String code = Api.createOrganisation();
        Api.analyst().queryParam("questionnaire", "no-such").queryParam("since", "2025")
                .get("/api/v1/organisations/" + code + "/progress").then().statusCode(400)
                .body("errors.pointer", containsInAnyOrder("questionnaire", "since"));
        Api.analyst().accept("text/html").get("/api/v1/organisations/" + code + "/progress").then().statusCode(406)
                .contentType("application/problem+json");
        Api.analyst().get("/api/v1/organisations/" + code + "/progress").then().statusCode(200)
                .body("series.size()", equalTo(0));
    }
}
