package org.readiness.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * A random secret that the embedded default makes once and keeps in its data folder, readable by the owner only:
 * the embedded default has no operator to supply one, and a key made anew at each start would end every session
 * (or break every keyed check) at a restart. Production supplies its secrets from the environment instead.
 * The secret is never logged.
 */
public final class SecretFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFile() {
    }

    /**
     * The secret kept in {@code file}, made of {@code bytes} random bytes (kept Base64-encoded) if the file does not
     * exist yet. Two processes starting together on one data folder end up with the same secret: the file is created
     * exclusively, and the one that loses the race reads the winner's.
     */
    public static String readOrCreate(Path file, int bytes) {
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] secret = new byte[bytes];
            RANDOM.nextBytes(secret);
            String encoded = Base64.getEncoder().withoutPadding().encodeToString(secret);
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".secret", ".tmp");
            try {
                restrict(temporary);
                Files.writeString(temporary, encoded, StandardOpenOption.TRUNCATE_EXISTING);
                try {
                    Files.createLink(file, temporary);
                } catch (FileAlreadyExistsException lostTheRace) {
                    return read(file);
                } catch (UnsupportedOperationException | IOException noHardLinks) {
                    Files.move(temporary, file);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret file " + file, e);
        }
    }

    private static String read(Path file) throws IOException {
        String secret = Files.readString(file).trim();
        if (secret.isEmpty()) {
            throw new IOException("the secret file " + file + " is empty; delete it to have a new secret made");
        }
        return secret;
    }

    private static void restrict(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }
}
