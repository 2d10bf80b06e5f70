package org.readiness.config;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The form login's session key (quarkus.http.auth.session.encryption-key), settled before Quarkus makes the FORM
 * mechanism. Without a key Quarkus makes a temporary one and prints it in the log, where anyone who reads the log
 * can forge a session cookie for any user. So a key is always set:
 * <ul>
 * <li>set by the operator (QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY, or any other source): used as it is;</li>
 * <li>PostgreSQL (production): none set stops the start, naming the variable, since every instance needs the same key;</li>
 * <li>the embedded default: made once in {@code <readiness.data-dir>/form-session.key}, owner-only, and read from there
 * at every start, so that sessions survive a restart ({@link SecretFile}). It is never logged.</li>
 * </ul>
 * Registered in META-INF/services/io.smallrye.config.ConfigSourceFactory. It acts at run time only: the build reads
 * the configuration too, and must neither need the key nor write a key file.
 */
public class FormSessionKey implements ConfigSourceFactory {

    public static final String KEY = "quarkus.http.auth.session.encryption-key";
    public static final String VARIABLE = "QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY";
    static final String FILE = "form-session.key";
    static final int MIN_LENGTH = 32;
    /** Above every other source: it only speaks when none of them set a key, and then an empty value must not win. */
    private static final int ORDINAL = 500;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ExecutionMode mode = ExecutionMode.current();
        if (mode != ExecutionMode.RUNTIME_INIT && mode != ExecutionMode.RUNNING) {
            return List.of();
        }
        return sources(context);
    }

    static List<ConfigSource> sources(ConfigSourceContext context) {
        String configured = value(context, KEY);
        if (configured != null) {
            if (configured.length() < MIN_LENGTH) {
                // Quarkus takes 16; a cookie that signs people in deserves the audit key's length.
                throw new IllegalStateException(VARIABLE + " must be at least " + MIN_LENGTH + " characters, the same on "
                        + "every instance (e.g. from `openssl rand -base64 48`); see docs/operations.md");
            }
            return List.of();
        }
        if (context.getProfiles().contains("pg") || "postgresql".equals(value(context, "quarkus.datasource.db-kind"))) {
            throw new IllegalStateException("No form-login session key: set " + VARIABLE + " (32 characters or more, "
                    + "the same on every instance, e.g. from `openssl rand -base64 48`); see docs/operations.md");
        }
        String dataDir = value(context, "readiness.data-dir");
        Path file = dataDir(dataDir == null ? "./data" : dataDir).resolve(FILE);
        return List.of(new PropertiesConfigSource(Map.of(KEY, SecretFile.readOrCreate(file, 32)), "readiness " + file, ORDINAL));
    }

    /** H2 expands a leading ~/ of readiness.data-dir to the home folder; so does this. */
    static Path dataDir(String dataDir) {
        return dataDir.startsWith("~/") ? Path.of(System.getProperty("user.home"), dataDir.substring(2)) : Path.of(dataDir);
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? null : value.getValue();
    }
}
