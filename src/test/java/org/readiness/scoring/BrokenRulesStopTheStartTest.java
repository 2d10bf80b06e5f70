package org.readiness.scoring;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Starts the real application on a rules folder with a DRL error: it must refuse to start and say where. */
@QuarkusMainTest
@TestProfile(BrokenRulesStopTheStartTest.BrokenRules.class)
class BrokenRulesStopTheStartTest {

    public static class BrokenRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Both paths are set: a profile override of an earlier main test can outlive its launch.
            return Map.of("readiness.rules.path", "src/test/resources/broken-rules", "readiness.questionnaires.path", "questionnaires");
        }
    }

    @Test
    @Launch(value = {}, exitCode = 1)
    void theStartFailsNamingFileAndLine(LaunchResult result) {
        assertThat(result.getOutput() + result.getErrorOutput())
                .contains("Ruleset src/test/resources/broken-rules cannot be used")
                .containsPattern("src/test/resources/broken-rules/checks/broken\\.drl:1[0-9]: ");
    }
}
