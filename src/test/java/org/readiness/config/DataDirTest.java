package org.readiness.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** readiness.data-dir must be a path H2 accepts in a file URL: absolute, or explicitly relative. */
class DataDirTest {

    @Test
    void acceptsAbsoluteAndExplicitlyRelativePaths() {
        for (String ok : List.of("./data", "/var/lib/readiness", "../shared/data", "~/readiness", "C:\\readiness", "D:/data")) {
            assertTrue(ok.matches(ReadinessConfig.DATA_DIR_PATTERN), ok);
        }
    }

    @Test
    void refusesImplicitlyRelativePaths() {
        for (String bad : List.of("data", "var/readiness", "", ".data")) {
            assertFalse(bad.matches(ReadinessConfig.DATA_DIR_PATTERN), bad);
        }
    }
}
