package org.readiness.questionnaire;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Starts the real application on a faulty questionnaire: it must refuse to start, naming file and fault. */
@QuarkusMainTest
@TestProfile(BrokenQuestionnaireStopsTheStartTest.BrokenQuestionnaire.class)
class BrokenQuestionnaireStopsTheStartTest {

    public static class BrokenQuestionnaire implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Both paths are set: a profile override of an earlier main test can outlive its launch.
            return Map.of("readiness.questionnaires.path", "src/test/resources/broken-questionnaires", "readiness.rules.path", "rules");
        }
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void theStartFailsNamingFileAndFault(LaunchResult result) {
        assertThat(result.getOutput() + result.getErrorOutput())
                .contains("Questionnaire src/test/resources/broken-questionnaires/bad-v1.yaml is not valid")
                .contains("item LD-01: weight must be greater than 0, found 0.0");
    }
}
