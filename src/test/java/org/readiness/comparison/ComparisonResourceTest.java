package org.readiness.comparison;

import org.readiness.testing.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class ComparisonResourceTest {

    private static JsonPath compare(String region, String... more) {
        var request = Api.analyst().queryParam("questionnaire", "nttp-readiness").queryParam("region", region);
        for (int i = 0; i < more.length; i += 2) {
            request.queryParam(more[i], more[i + 1]);
        }
        return request.accept("application/json").get("/api/v1/comparison").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
    }

    private static java.util.Map<String, Object> statistic(JsonPath answer, String enabler) {
        return answer.getMap("statistics.enablers.find { it.id == '" + enabler + "' }");
    }

    @Test
    void statisticsOfFourOrganisationsAreSuppressedAndOfFiveShown() {
        String region = Programme.newRegion();
        for (int i = 0; i < 4; i++) {
            Programme.submit(Programme.organisation(region), "2025-06", null, Programme.lead(i));
        }
        JsonPath four = compare(region);
        assertThat(four.getList("organisations")).hasSize(4);
        assertThat(statistic(four, "dedicated-lead")).containsEntry("suppressed", true).containsEntry("organisations", 4)
                .containsEntry("median", null).containsEntry("lowerQuartile", null).containsEntry("upperQuartile", null);
        assertThat((String) statistic(four, "dedicated-lead").get("reason")).contains("fewer than the 5");
        assertThat(four.getBoolean("statistics.overall.suppressed")).isTrue();
        assertThat(four.getInt("statistics.minCohort")).isEqualTo(5);

        Programme.submit(Programme.organisation(region), "2025-06", null, Programme.lead(4));
        JsonPath five = compare(region);
        assertThat(statistic(five, "dedicated-lead")).containsEntry("suppressed", false).containsEntry("n", 5)
                .containsEntry("organisations", 5).containsEntry("median", 2.0f);
        assertThat(five.getFloat("statistics.enablers.find { it.id == 'dedicated-lead' }.lowerQuartile")).isEqualTo(1f);
        assertThat(five.getFloat("statistics.enablers.find { it.id == 'dedicated-lead' }.upperQuartile")).isEqualTo(3f);
        // Enablers nobody answered enough of have no scores, so no organisations, and stay suppressed.
        assertThat(statistic(five, "governance")).containsEntry("suppressed", true).containsEntry("n", 0);
    }

    @Test
    void quartilesInterpolateLinearlyAsRType7() {
        String region = Programme.newRegion();
        for (int score : new int[]{4, 0, 3, 1, 4, 2}) {
            Programme.submit(Programme.organisation(region), "2025-06", null, Programme.lead(score));
        }
        JsonPath answer = compare(region);
        String at = "statistics.enablers.find { it.id == 'dedicated-lead' }.";
        // Sorted 0 1 2 3 4 4: h = (n - 1)p + 1 gives 2.25, 3.5 and 4.75 (type 6 would give 0.75, 2.5, 4).
        assertThat(answer.getDouble(at + "lowerQuartile")).isCloseTo(1.25, within(1e-9));
        assertThat(answer.getDouble(at + "median")).isCloseTo(2.5, within(1e-9));
        assertThat(answer.getDouble(at + "upperQuartile")).isCloseTo(3.75, within(1e-9));
        assertThat(answer.getString("statistics.method")).contains("type 7");
    }

    /** The same statistics over results of version 2, the version new drafts take. */
    @Test
    void quartilesOfVersion2Results() {
        String region = Programme.newRegion();
        for (int score : new int[]{4, 0, 3, 1, 4, 2}) {
            Programme.submit(2, Programme.organisation(region), "2025-06", null, Programme.leadV2(score));
        }
        JsonPath answer = compare(region);
        assertThat(answer.getList("questionnaireVersions")).containsExactly(2);
        assertThat(answer.getList("leftOut")).isEmpty();
        String at = "statistics.enablers.find { it.id == 'dedicated-lead' }.";
        assertThat(answer.getInt(at + "n")).isEqualTo(6);
        assertThat(answer.getDouble(at + "lowerQuartile")).isCloseTo(1.25, within(1e-9));
        assertThat(answer.getDouble(at + "median")).isCloseTo(2.5, within(1e-9));
        assertThat(answer.getDouble(at + "upperQuartile")).isCloseTo(3.75, within(1e-9));
    }

    @Test
    void eachOrganisationAppearsOnceWithItsLatestResultAsOfThePeriod() {
        String region = Programme.newRegion();
        String code = Programme.organisation("Latest Council", region, "HEALTH_BOARD");
        Programme.submit(code, "2025-09", null, Programme.lead(3));
        Programme.submit(code, "2025-03", null, Programme.lead(1));   // submitted later, for an earlier period
        Programme.submit(code, "2024-12-15", null, Programme.lead(0));

        JsonPath now = compare(region);
        assertThat(now.getList("organisations")).hasSize(1);
        assertThat(now.getString("organisations[0].period")).isEqualTo("2025-09");
        assertThat(now.getString("organisations[0].type")).isEqualTo("HEALTH_BOARD");
        assertThat(now.getFloat("organisations[0].enablers.find { it.id == 'dedicated-lead' }.score")).isEqualTo(3f);
        assertThat(now.getString("organisations[0].enablers.find { it.id == 'dedicated-lead' }.band")).isNotBlank();
        assertThat(now.getString("organisations[0].rulesetVersion")).hasSize(64);
        assertThat(now.getInt("organisations[0].questionnaireVersion")).isEqualTo(1);
        assertThat(now.getString("organisations[0].submittedAt")).isNotBlank();
        assertThat(now.getString("organisations[0].overall.band")).isNotBlank();
        assertThat(now.getString("note")).contains("self-assessment").contains("not a league table");

        assertThat(compare(region, "period", "2025-06").getString("organisations[0].period")).isEqualTo("2025-03");
        assertThat(compare(region, "period", "2025-03").getString("organisations[0].period")).isEqualTo("2025-03");
        assertThat(compare(region, "period", "2024-12").getString("organisations[0].period")).isEqualTo("2024-12-15");
        assertThat(compare(region, "period", "2024-12-14").getList("organisations")).isEmpty();
        assertThat(compare(region, "type", "LOCAL_AUTHORITY").getList("organisations")).isEmpty();
        assertThat(compare(region, "type", "HEALTH_BOARD", "version", "1").getList("organisations")).hasSize(1);
    }

    @Test
    void scopesAreComparedSeparatelyWhenAsked() {
        String region = Programme.newRegion();
        String code = Programme.organisation(region);
        Programme.submit(code, "2025-01", null, Programme.lead(1));
        Programme.submit(code, "2025-02", "Homelessness", Programme.lead(2));
        Programme.submit(code, "2025-03", "Justice", Programme.lead(3));

        assertThat(compare(region).getList("organisations.scope")).containsExactly("Justice");
        assertThat(compare(region, "byScope", "true").getList("organisations.period"))
                .containsExactly("2025-01", "2025-02", "2025-03");
        JsonPath homelessness = compare(region, "scope", "Homelessness");
        assertThat(homelessness.getList("organisations.scope")).containsExactly("Homelessness");
        assertThat(homelessness.getString("filters.scope")).isEqualTo("Homelessness");
    }

    @Test
    void anAnswerWithoutAcceptIsJsonAndAnEmptyCohortIsNoError() {
        Api.analyst().queryParam("questionnaire", "nttp-readiness").queryParam("region", Programme.newRegion())
                .get("/api/v1/comparison").then().statusCode(200).contentType("application/json")
                .body("organisations.size()", equalTo(0)).body("questionnaireVersions.size()", equalTo(0))
                .body("enablers", hasItem("dedicated-lead")).body("note", containsString("not a league table"));
    }

    @Test
    void everyProblemInTheQueryIsListed() {
        Api.analyst().queryParam("version", "0").queryParam("type", "COUNCIL").queryParam("period", "2025-13")
                .queryParam("byScope", "maybe").queryParam("colour", "red").queryParam("scope", " ")
                .get("/api/v1/comparison").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:readiness:problem:invalid-request"))
                .body("errors.pointer", containsInAnyOrder("questionnaire", "version", "type", "period", "byScope",
                        "colour", "scope"));
        Api.analyst().queryParam("questionnaire", "no-such").get("/api/v1/comparison").then().statusCode(400)
                .body("errors.pointer", equalTo(List.of("questionnaire")));
        Api.analyst().queryParam("questionnaire", "nttp-readiness").queryParam("version", "9").get("/api/v1/comparison")
                .then().statusCode(400).body("errors[0].pointer", equalTo("version"))
                .body("errors[0].detail", containsString("no version 9"));
        Api.analyst().queryParam("questionnaire", "nttp-readiness").queryParam("region", "a", "b").get("/api/v1/comparison")
                .then().statusCode(400).body("errors[0].pointer", equalTo("region"));
        Api.analyst().queryParam("questionnaire", "nttp-readiness").queryParam("type", "COUNCIL").accept("text/csv")
                .get("/api/v1/comparison").then().statusCode(400).contentType("application/problem+json");
    }
}
