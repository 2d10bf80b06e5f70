package org.readiness.audit;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;
import org.readiness.testing.PostgresToo;
import org.readiness.testing.TestDatabase;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * With PostgreSQL (production) the service refuses to start without READINESS_AUDIT_KEY and says so. Meaningful in
 * the PostgreSQL run only: the H2 build makes its own key (AuditKeysTest).
 */
@QuarkusMainTest
@PostgresToo
@TestProfile(AuditKeyRequiredTest.NoKey.class)
class AuditKeyRequiredTest {

    public static class NoKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("readiness.audit.key", "");
        }
    }

    @Test
    void aPostgresStartWithoutTheKeyIsRefused(QuarkusMainLauncher launcher) {
        assumeTrue(TestDatabase.postgres(), "the H2 build makes its own key");
        LaunchResult result = launcher.launch();
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.getOutput() + result.getErrorOutput()).contains("Set READINESS_AUDIT_KEY (readiness.audit.key)");
    }
}
