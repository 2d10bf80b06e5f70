package org.readiness.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class SecretFileTest {

    @Test
    void makesASecretOnceReadableByTheOwnerOnlyAndKeepsIt(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("keys/session.key");
        String first = SecretFile.readOrCreate(file, 32);
        assertEquals(32, Base64.getDecoder().decode(first).length);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(first, SecretFile.readOrCreate(file, 32), "the second start reads the same secret");
        assertNotEquals(first, SecretFile.readOrCreate(folder.resolve("other.key"), 32));
    }
}
