package org.readiness.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;

/** The service's own settings, under {@code readiness.} in application.properties. */
@ConfigMapping(prefix = "readiness")
public interface ReadinessConfig {

    Rules rules();

    Questionnaires questionnaires();

    interface Rules {
        /** Folder of DRL files, one sub-folder per DRL package; relative paths resolve against the working directory. */
        @WithDefault("rules")
        Path path();
    }

    interface Questionnaires {
        /** Folder of questionnaire files, one per id and version. */
        @WithDefault("questionnaires")
        Path path();
    }
}
