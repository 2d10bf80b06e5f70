package org.readiness.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the form login's session key comes from: the operator, else (embedded default only) a file made once. */
class FormSessionKeyTest {

    @TempDir
    Path dir;

    @Test
    void theEmbeddedDefaultMakesAnOwnerOnlyKeyFileOnceAndReadsItAtTheNextStart() throws Exception {
        Map<String, String> config = Map.of("readiness.data-dir", dir.resolve("data").toString());
        String first = key(FormSessionKey.sources(context(config, List.of("prod"))));
        Path file = dir.resolve("data").resolve("form-session.key");
        assertThat(Files.readString(file)).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first).hasSizeGreaterThanOrEqualTo(32);

        String afterRestart = key(FormSessionKey.sources(context(config, List.of("prod"))));
        assertThat(afterRestart).isEqualTo(first);
    }

    @Test
    void aKeySetByTheOperatorIsUsedAndNoFileIsMade() {
        Map<String, String> config = Map.of(FormSessionKey.KEY, "operator-key-0123456789abcdef0123456789",
                "readiness.data-dir", dir.toString());
        assertThat(FormSessionKey.sources(context(config, List.of("pg")))).isEmpty();
        assertThat(FormSessionKey.sources(context(config, List.of("prod")))).isEmpty();
        assertThat(dir.resolve("form-session.key")).doesNotExist();
    }

    @Test
    void aKeyShorterThan32CharactersStopsTheStart() {
        Map<String, String> config = Map.of(FormSessionKey.KEY, "sixteen-chars-ok", "readiness.data-dir", dir.toString());
        assertThatThrownBy(() -> FormSessionKey.sources(context(config, List.of("pg"))))
                .hasMessageContaining("at least 32 characters").hasMessageNotContaining("sixteen-chars-ok");
    }

    @Test
    void postgresqlWithoutAKeyStopsTheStartNamingTheVariable() {
        for (Map<String, String> config : List.of(Map.of("readiness.data-dir", dir.toString()),
                Map.of("readiness.data-dir", dir.toString(), FormSessionKey.KEY, " "))) {
            assertThatThrownBy(() -> FormSessionKey.sources(context(config, List.of("pg"))))
                    .hasMessageContaining("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY");
        }
        assertThatThrownBy(() -> FormSessionKey.sources(context(Map.of("quarkus.datasource.db-kind", "postgresql"),
                List.of("prod")))).hasMessageContaining("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY");
        assertThat(dir.resolve("form-session.key")).doesNotExist();
    }

    @Test
    void aDataDirUnderTheHomeFolderIsExpandedAsH2Does() {
        assertThat(FormSessionKey.dataDir("~/readiness")).isEqualTo(Path.of(System.getProperty("user.home"), "readiness"));
        assertThat(FormSessionKey.dataDir("./data")).isEqualTo(Path.of("./data"));
    }

    private static String key(List<ConfigSource> sources) {
        assertThat(sources).hasSize(1);
        return sources.get(0).getValue(FormSessionKey.KEY);
    }

    private static ConfigSourceContext context(Map<String, String> values, List<String> profiles) {
        return new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                return ConfigValue.builder().withName(name).withValue(values.get(name)).build();
            }

            @Override
            public Iterator<String> iterateNames() {
                return Collections.unmodifiableSet(values.keySet()).iterator();
            }

            @Override
            public List<String> getProfiles() {
                return profiles;
            }
        };
    }
}
