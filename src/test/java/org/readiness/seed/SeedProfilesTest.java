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

/** The demo seeds follow the whole-site profiles of rules/scenarios/: the same answers, item for item. */
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

    private static void assertSameAnswers(String seedFile, String assessmentId, String profile) throws IOException {
        JsonNode seeds = new YAMLMapper().readTree(Path.of("seeds", seedFile).toFile());
        Map<String, Object> seeded = new HashMap<>();
        for (JsonNode assessment : seeds.get("assessments")) {
            if (assessment.get("id").asText().equals(assessmentId)) {
                assessment.get("answers").forEach(a -> seeded.put(a.get("question").asText(),
                        a.get("value").isNumber() ? (Object) a.get("value").intValue() : a.get("value").asText()));
            }
        }
        Map<String, Object> expected = Scenario.read(Scenario.FOLDER.resolve(profile)).allAnswers();
        assertThat(seeded).as(seedFile + " " + assessmentId + " against " + profile).isEqualTo(expected);
    }
}
