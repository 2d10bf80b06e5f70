package org.readiness.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import java.nio.file.Path;

/** The service's own settings, under {@code readiness.} in application.properties. */
@ConfigMapping(prefix = "readiness")
public interface ReadinessConfig {

    Rules rules();

    Questionnaires questionnaires();

    /**
     * Folder of the embedded H2 database file; used by quarkus.datasource.jdbc.url in the default build. H2
     * refuses a path that is implicitly relative ("data"), so one is refused here, naming this setting.
     */
    @WithDefault("./data")
    @Pattern(regexp = DATA_DIR_PATTERN, message = "must be an absolute path or start with ./, ../ or ~/ "
            + "(the embedded H2 database refuses implicitly relative paths), such as ./data")
    String dataDir();

    String DATA_DIR_PATTERN = "(/|\\./|\\.\\./|~/|[A-Za-z]:[\\\\/]).*";

    Seeds seeds();

    Comparison comparison();

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

    interface Comparison {
        /**
         * The fewest organisations a cohort may have before its statistics (n, quartiles, median) are shown.
         * Smaller groups are suppressed, as public-sector statistics disclosure practice asks: with two or three
         * organisations a median all but names them.
         */
        @WithDefault("5")
        @Min(value = 1, message = "must be at least 1")
        int minCohort();
    }
}
