package org.readiness.comparison;

import org.readiness.testing.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Results under two versions of one questionnaire: the real nttp-readiness versions 1 and 2, joined by the crosswalk
 * questionnaires/crosswalks/nttp-readiness-v1-to-v2.yaml. Between them only sharing-learning keeps every item as the
 * same question with the same weights; the other fourteen enablers are left out, each with what the crosswalk says
 * changed. SharedEnablersTest covers the rule in detail, and the fallback for versions with no crosswalk.
 */
@QuarkusTest
class MixedVersionsTest {

    private static final String CRITICAL = "{\"question\":\"GV-01\",\"value\":0},{\"question\":\"PT-01\",\"value\":0}";

    private static void submit(String code, int version, String period, String answers) {
        String id = Api.as(Api.leadOf(code)).contentType(ContentType.JSON)
                .body("{\"organisation\":\"" + code + "\",\"questionnaire\":\"nttp-readiness\",\"version\":" + version
                        + ",\"period\":\"" + period + "\"}")
                .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
        Api.as(Api.leadOf(code)).contentType(ContentType.JSON).body("{\"answers\":[" + answers + "," + CRITICAL + "]}")
                .put("/api/v1/assessments/" + id + "/answers").then().statusCode(200);
        Api.as(Api.leadOf(code)).post("/api/v1/assessments/" + id + "/submit").then().statusCode(201);
    }

    private static String v1Answers() {
        return Programme.lead(2) + "," + Programme.same(1, "MA-01", "MA-02", "MA-03") + ","
                + Programme.same(3, "SL-01", "SL-02", "SL-03");
    }

    private static String v2Answers() {
        return Programme.same(3, "DL-01", "DL-02", "DL-04", "DL-06", "DL-07", "DL-09") + ","
                + Programme.same(2, "MA-03", "MA-04", "MA-05", "MA-06") + "," + Programme.same(4, "SL-01", "SL-02", "SL-03");
    }

    @Test
    void resultsUnderTwoVersionsAreComparedOnlyOnWhatTheCrosswalkKeeps() {
        String region = Programme.newRegion();
        String old = Programme.organisation(region);
        String current = Programme.organisation(region);
        submit(old, 1, "2025-03", v1Answers());
        submit(current, 2, "2025-03", v2Answers());

        JsonPath both = Api.analyst().queryParam("questionnaire", "nttp-readiness").queryParam("region", region)
                .get("/api/v1/comparison").then().statusCode(200).extract().jsonPath();
        assertThat(both.getList("questionnaireVersions")).containsExactly(1, 2);
        assertThat(both.getList("enablers", String.class)).containsExactly("sharing-learning");
        assertThat(both.getString("leftOut.find { it.enabler == 'dedicated-lead' }.reason"))
                .startsWith("version 2 ").contains("merged DL-03 and SB-05 into DL-06", "added DL-09");
        assertThat(both.getString("leftOut.find { it.enabler == 'multi-agency' }.reason"))
                .contains("split MA-02 into MA-05 and MA-06");
        assertThat(both.getString("leftOut.find { it.enabler == 'overall' }.reason")).contains("different items");
        assertThat(both.getList("leftOut")).hasSize(15);
        assertThat(both.getString("statistics.overall")).isNull();
        assertThat(both.getList("organisations[0].enablers.id")).isEqualTo(both.getList("enablers"));
        assertThat(both.getInt("statistics.enablers.find { it.id == 'sharing-learning' }.n")).isEqualTo(2);

        JsonPath v2 = Api.analyst().queryParam("questionnaire", "nttp-readiness").queryParam("region", region)
                .queryParam("version", "2").get("/api/v1/comparison").then().statusCode(200).extract().jsonPath();
        assertThat(v2.getList("organisations")).hasSize(1);
        assertThat(v2.getList("leftOut")).isEmpty();
        assertThat(v2.getList("enablers", String.class)).hasSize(15).contains("multi-agency", "dedicated-lead");
    }

    @Test
    void progressAcrossVersionsShowsChangesOnlyWhereTheCrosswalkKeepsTheItems() {
        String code = Programme.organisation(Programme.newRegion());
        submit(code, 1, "2025-01", v1Answers());
        submit(code, 2, "2025-07", v2Answers());
        JsonPath p = Api.analyst().get("/api/v1/organisations/" + code + "/progress").then().statusCode(200)
                .extract().jsonPath();
        assertThat(p.getList("series[0].results.questionnaireVersion")).containsExactly(1, 2);
        String later = "series[0].results[1].enablers.find { it.id == '%s' }.";
        assertThat(p.getDouble(String.format(later, "sharing-learning") + "changeSincePrevious")).isEqualTo(1.0);
        assertThat(p.getDouble(String.format(later, "sharing-learning") + "changeSinceBaseline")).isEqualTo(1.0);
        assertThat(p.getDouble(String.format(later, "dedicated-lead") + "score")).isEqualTo(3.0);
        assertThat(p.getString(String.format(later, "dedicated-lead") + "changeSincePrevious")).isNull();
        assertThat(p.getDouble(String.format(later, "multi-agency") + "score")).isEqualTo(2.0);
        assertThat(p.getString(String.format(later, "multi-agency") + "changeSincePrevious")).isNull();
        assertThat(p.getString("series[0].results[1].overall.changeSincePrevious")).isNull();
    }
}
