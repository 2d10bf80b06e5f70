package org.readiness.comparison;

import org.readiness.testing.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Results under two versions of one questionnaire. The application runs with a questionnaires folder holding
 * the real version 1 and a test-only version 2 (src/test/resources/mixed-questionnaires) that drops
 * sharing-learning and adds an item to multi-agency.
 */
@QuarkusTest
@TestProfile(MixedVersionsTest.TwoVersions.class)
class MixedVersionsTest {

    /** Version 1 is copied from questionnaires/ at start, so the test never holds a stale copy of it. */
    public static class TwoVersions implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Path folder = Files.createDirectories(Path.of("target", "mixed-questionnaires"));
                Files.copy(Path.of("questionnaires", "nttp-readiness-v1.yaml"), folder.resolve("nttp-readiness-v1.yaml"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Files.copy(Path.of("src", "test", "resources", "mixed-questionnaires", "nttp-readiness-v2.yaml"),
                        folder.resolve("nttp-readiness-v2.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return Map.of("readiness.questionnaires.path", folder.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final String ANSWERS = Programme.lead(2) + ","
            + Programme.same(1, "MA-01", "MA-02", "MA-03") + "," + Programme.same(3, "SL-01", "SL-02", "SL-03");

    private static void submit(String code, int version, String period, String answers) {
        String id = Api.as(Api.leadOf(code)).contentType(ContentType.JSON)
                .body("{\"organisation\":\"" + code + "\",\"questionnaire\":\"nttp-readiness\",\"version\":" + version
                        + ",\"period\":\"" + period + "\"}")
                .post("/api/v1/assessments").then().statusCode(201).extract().path("id");
        Api.as(Api.leadOf(code)).contentType(ContentType.JSON).body("{\"answers\":[" + answers
                        + ",{\"question\":\"GV-01\",\"value\":0},{\"question\":\"PT-01\",\"value\":0}]}")
                .put("/api/v1/assessments/" + id + "/answers").then().statusCode(200);
        Api.as(Api.leadOf(code)).post("/api/v1/assessments/" + id + "/submit").then().statusCode(201);
    }

    private static String v2Answers() {
        return Programme.lead(3) + "," + Programme.same(2, "MA-01", "MA-02", "MA-03", "MA-04");
    }

    @Test
    void resultsUnderTwoVersionsAreComparedOnlyOnWhatTheyShare() {
        String region = Programme.newRegion();
        String old = Programme.organisation(region);
        String current = Programme.organisation(region);
        submit(old, 1, "2025-03", ANSWERS);
        submit(current, 2, "2025-03", v2Answers());

        JsonPath both = Api.analyst().queryParam("questionnaire", "nttp-readiness").queryParam("region", region)
                .get("/api/v1/comparison").then().statusCode(200).extract().jsonPath();
        assertThat(both.getList("questionnaireVersions")).containsExactly(1, 2);
        assertThat(both.getList("enablers", String.class)).contains("dedicated-lead", "governance")
                .doesNotContain("sharing-learning", "multi-agency");
        assertThat(both.getString("leftOut.find { it.enabler == 'sharing-learning' }.reason"))
                .isEqualTo("not in questionnaire version 2");
        assertThat(both.getString("leftOut.find { it.enabler == 'multi-agency' }.reason")).contains("items differ");
        assertThat(both.getString("leftOut.find { it.enabler == 'overall' }.reason")).contains("different items");
        assertThat(both.getString("statistics.overall")).isNull();
        assertThat(both.getList("organisations[0].enablers.id")).isEqualTo(both.getList("enablers"));
        assertThat(both.getInt("statistics.enablers.find { it.id == 'dedicated-lead' }.n")).isEqualTo(2);

        JsonPath v2 = Api.analyst().queryParam("questionnaire", "nttp-readiness").queryParam("region", region)
                .queryParam("version", "2").get("/api/v1/comparison").then().statusCode(200).extract().jsonPath();
        assertThat(v2.getList("organisations")).hasSize(1);
        assertThat(v2.getList("leftOut")).isEmpty();
        assertThat(v2.getList("enablers", String.class)).contains("multi-agency").doesNotContain("sharing-learning");
    }

    @Test
    void progressAcrossVersionsShowsChangesOnlyWhereTheItemsAreTheSame() {
        String code = Programme.organisation(Programme.newRegion());
        submit(code, 1, "2025-01", ANSWERS);
        submit(code, 2, "2025-07", v2Answers());
        JsonPath p = Api.analyst().get("/api/v1/organisations/" + code + "/progress").then().statusCode(200)
                .extract().jsonPath();
        assertThat(p.getList("series[0].results.questionnaireVersion")).containsExactly(1, 2);
        String later = "series[0].results[1].enablers.find { it.id == '%s' }.";
        assertThat(p.getDouble(String.format(later, "dedicated-lead") + "changeSincePrevious")).isEqualTo(1.0);
        assertThat(p.getDouble(String.format(later, "multi-agency") + "score")).isEqualTo(2.0);
        assertThat(p.getString(String.format(later, "multi-agency") + "changeSincePrevious")).isNull();
        assertThat(p.getString("series[0].results[1].overall.changeSincePrevious")).isNull();
    }
}
