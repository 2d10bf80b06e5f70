package org.readiness.audit;

import org.readiness.persistence.Digests;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.readiness.config.ReadinessConfig;
import org.readiness.config.SecretFile;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of the audit chain's HMAC, held outside the database: whoever can write to the database but does not
 * hold a key cannot make a row that verifies. New rows use the current key ({@code readiness.audit.key}); rows
 * made with an earlier key verify as long as it is listed in {@code readiness.audit.old-keys}. Each row records
 * the id of its key, a fingerprint that names the key without revealing it. Made at start, so that a missing key
 * stops the start rather than the first write. No key is ever logged.
 */
@Startup
@ApplicationScoped
public class AuditKeys {

    public static final String VARIABLE = "READINESS_AUDIT_KEY";
    static final int MIN_LENGTH = 32;
    static final String FILE = "audit.key";
    private static final String HMAC = "HmacSHA256";

    @Inject
    ReadinessConfig config;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    private String currentId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    @PostConstruct
    void load() {
        String current = currentSecret(config.audit().key(), dbKind, config.dataDir());
        currentId = id(current);
        keys.put(currentId, spec(current));
        for (String old : config.audit().oldKeys().orElse(List.of())) {
            if (!old.isBlank()) {
                keys.putIfAbsent(id(old.trim()), spec(old.trim()));
            }
        }
    }

    /**
     * The current key: the configured one, else (embedded H2 only) one made once in {@code dataDir}/audit.key,
     * owner-only. PostgreSQL is production, where a key made on one instance's disk would differ on the next.
     */
    static String currentSecret(Optional<String> configured, String dbKind, String dataDir) {
        Optional<String> key = configured.map(String::trim).filter(k -> !k.isEmpty());
        if (key.isPresent()) {
            if (key.get().length() < MIN_LENGTH) {
                throw new IllegalStateException(VARIABLE + " (readiness.audit.key) must be at least " + MIN_LENGTH
                        + " characters, such as the output of: openssl rand -base64 32");
            }
            return key.get();
        }
        if ("postgresql".equals(dbKind)) {
            throw new IllegalStateException("Set " + VARIABLE + " (readiness.audit.key): the audit chain's HMAC key, "
                    + MIN_LENGTH + " characters or more (openssl rand -base64 32), kept outside the database. "
                    + "It is required with PostgreSQL; see docs/operations.md");
        }
        return SecretFile.readOrCreate(keyFile(dataDir), 32);
    }

    /** Where the embedded default keeps its key; readiness.data-dir may start with ~/ as H2 allows. */
    static Path keyFile(String dataDir) {
        String folder = dataDir.startsWith("~/") ? System.getProperty("user.home") + dataDir.substring(1) : dataDir;
        return Path.of(folder).resolve(FILE);
    }

    /** A key's public name: part of an HMAC under the key of a fixed text, so it tells nothing of the key. */
    static String id(String secret) {
        return hex(spec(secret), "readiness audit key id").substring(0, 16);
    }

    /** The id of the key new rows are made with. */
    public String currentId() {
        return currentId;
    }

    /** Whether a row made with this key id can be checked here. */
    public boolean knows(String keyId) {
        return keys.containsKey(keyId);
    }

    /** The HMAC-SHA-256, in hex, of {@code text} under the key named {@code keyId} (which {@link #knows}). */
    public String sign(String keyId, String text) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new IllegalArgumentException("No audit key has the id " + keyId);
        }
        return hex(key, text);
    }

    /**
     * The hash a row must carry: the HMAC of its fields and its key id under that key, or for a row made before
     * V7 (no key id) the plain sha-256 of its fields.
     */
    public String rowHash(AuditEntry e) {
        String text = Digests.rowText(e.id, e.at, e.actor, e.action, e.target, e.beforeDigest, e.afterDigest, e.prevHash);
        return e.keyId == null ? Digests.sha256(text) : sign(e.keyId, text + Digests.SEPARATOR + e.keyId);
    }

    private static SecretKeySpec spec(String secret) {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
    }

    private static String hex(SecretKeySpec key, String text) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java runtime", e);
        }
    }
}
