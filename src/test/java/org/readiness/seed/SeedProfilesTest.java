package org.readiness.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.readiness.scoring.Scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo seeds follow the whole-site profiles of rules/scenarios/: the same answers, item for item, in the same
 * questionnaire version. The version 2 profiles answer every item of version 2, so a seed that left one out would
 * differ here.
 */
class SeedProfilesTest {

    @Test
    void argyllBeginsAsTheSiteWithoutALead() throws IOException {
        assertSameAnswers("argyll-and-bute.yaml", "5eed0035-0000-4000-8000-000000202503", "profile-site-without-a-lead.yaml");
    }

    @Test
    void glasgowIsTheSiteWithStrongGovernance() throws IOException {
        assertSameAnswers("glasgow.yaml", "5eed0049-0000-4000-8000-000000202510", "profile-strong-governance.yaml");
    }

    @Test
    void midlothianBeginsAsTheTrainingLedSite() throws IOException {
        assertSameAnswers("midlothian.yaml", "5eed0019-0000-4000-8000-000000202503", "profile-training-led.yaml");
    }

    @Test
    void argyllInVersionTwoHasItsLeadInPost() throws IOException {
        assertSameAnswers("argyll-and-bute.yaml", "5eed0035-0000-4000-8000-000000202603", "profile-argyll-and-bute-v2.yaml");
    }

    @Test
    void glasgowInVersionTwoIsSpreadingAndSustaining() throws IOException {
        assertSameAnswers("glasgow.yaml", "5eed0049-0000-4000-8000-000000202603", "profile-glasgow-v2.yaml");
    }

    @Test
    void midlothianInVersionTwoIsFollowingItsActionPlan() throws IOException {
        assertSameAnswers("midlothian.yaml", "5eed0019-0001-4000-8000-000000202603", "profile-midlothian-v2.yaml");
    }

    private static void assertSameAnswers(String seedFile, String assessmentId, String profile) throws IOException {
        JsonNode seeds = new YAMLMapper().readTree(Path.of("seeds", seedFile).toFile());
        Map<String, Object> seeded = new HashMap<>();
        Integer seededVersion = null;
        String seededScope = null;
        for (JsonNode assessment : seeds.get("assessments")) {
            if (assessment.get("id").asText().equals(assessmentId)) {
                seededVersion = assessment.hasNonNull("version") ? assessment.get("version").intValue() : null;
                seededScope = assessment.hasNonNull("scope") ? assessment.get("scope").asText() : null;
                assessment.get("answers").forEach(a -> seeded.put(a.get("question").asText(),
                        a.get("value").isNumber() ? (Object) a.get("value").intValue() : a.get("value").asText()));
            }
        }
        Scenario scenario = Scenario.read(Scenario.FOLDER.resolve(profile));
        assertThat(seeded).as(seedFile + " " + assessmentId + " is seeded").isNotEmpty();
        assertThat(seededVersion).as(seedFile + " " + assessmentId + " questionnaire version against " + profile)
                .isEqualTo(scenario.version());
        assertThat(seededScope).as(seedFile + " " + assessmentId + " scope against " + profile).isEqualTo(scenario.scope());
        assertThat(seeded).as(seedFile + " " + assessmentId + " against " + profile).isEqualTo(scenario.allAnswers());
    }
}
