package org.readiness.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the audit chain's key comes from: the setting, required with PostgreSQL; else a file made once, owner-only. */
class AuditKeysTest {

    static final String KEY = "a-key-of-at-least-thirty-two-characters";

    @Test
    void postgresWithoutAKeyIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> AuditKeys.currentSecret(Optional.empty(), "postgresql", "./data"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("READINESS_AUDIT_KEY");
        assertThatThrownBy(() -> AuditKeys.currentSecret(Optional.of("  "), "postgresql", "./data"))
                .hasMessageContaining("READINESS_AUDIT_KEY");
        assertThatThrownBy(() -> AuditKeys.currentSecret(Optional.of("too-short"), "postgresql", "./data"))
                .hasMessageContaining("READINESS_AUDIT_KEY").hasMessageContaining("at least 32").hasMessageNotContaining("too-short");
        assertThat(AuditKeys.currentSecret(Optional.of(KEY), "postgresql", "./data")).isEqualTo(KEY);
    }

    @Test
    void theEmbeddedDefaultMakesItsKeyOnceInAnOwnerOnlyFile(@TempDir Path data) throws Exception {
        String made = AuditKeys.currentSecret(Optional.empty(), "h2", data.toString());
        Path file = data.resolve("audit.key");
        assertThat(Files.readString(file).trim()).isEqualTo(made);
        assertThat(made.length()).isGreaterThanOrEqualTo(AuditKeys.MIN_LENGTH);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(AuditKeys.currentSecret(Optional.empty(), "h2", data.toString())).as("made once").isEqualTo(made);
        assertThat(AuditKeys.currentSecret(Optional.of(KEY), "h2", data.toString())).as("a setting wins").isEqualTo(KEY);
    }

    @Test
    void aKeyIdNamesTheKeyWithoutShowingIt() {
        String id = AuditKeys.id(KEY);
        assertThat(id).matches("[0-9a-f]{16}").isEqualTo(AuditKeys.id(KEY)).isNotEqualTo(AuditKeys.id(KEY + "x"));
        assertThat(KEY).doesNotContain(id);
    }
}
