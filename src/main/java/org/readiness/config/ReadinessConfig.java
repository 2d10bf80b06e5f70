package org.readiness.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;

/** The service's own settings, under {@code readiness.} in application.properties. */
@ConfigMapping(prefix = "readiness")
public interface ReadinessConfig {

    Rules rules();

    Questionnaires questionnaires();

    /** Folder of the embedded H2 database file; used by quarkus.datasource.jdbc.url in the default build. */
    @WithDefault("./data")
    Path dataDir();

    Seeds seeds();

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

    interface Seeds {
        /** Load the demo organisations and assessments when the database holds no organisation yet. */
        @WithDefault("true")
        boolean enabled();

        /** Folder of seed files (*.yaml). */
        @WithDefault("seeds")
        Path path();
    }
}
