package org.readiness.ruleset;

import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.jboss.logging.Logger;
import org.kie.api.KieBase;
import org.readiness.scoring.facts.Rating;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Compiled rulesets on disk, so that a start (or a reload of unchanged rules) need not compile DRL again.
 * What is kept is Drools' compiled packages (rules, network definitions and the generated consequence
 * bytecode), serialised with Drools' own object streams; a KieBase is rebuilt from them.
 *
 * <p>Never stale: a file is named by a key over the ruleset version (sha-256 of every rule file's path and
 * content), the Drools version, the Java version and the bytes of the fact classes the rules are compiled against.
 * Never corrupt: each file carries its key and the sha-256 of its payload, both checked before anything is
 * deserialised; a file that fails any check, or does not deserialise, is deleted and the ruleset compiled afresh.
 * Files are written aside and moved into place, so a reader never sees half a file.
 */
public final class RulesetCache {

    private static final Logger LOG = Logger.getLogger(RulesetCache.class);
    private static final String MAGIC = "readiness-compiled-ruleset-1";
    private static final String SUFFIX = ".kbase";
    private static final int KEEP = 16;
    private static final String FACTS = Rating.class.getPackageName().replace('.', '/') + "/";
    private static volatile String environment;

    private final Path folder;

    public RulesetCache(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** The file name part: the ruleset version bound to what its compiled form depends on besides the DRL. */
    public static String key(String rulesetVersion) {
        return RulesetCompiler.sha256((rulesetVersion + "\n" + environment()).getBytes(StandardCharsets.UTF_8));
    }

    Path file(String rulesetVersion) {
        return folder.resolve(key(rulesetVersion) + SUFFIX);
    }

    /** The KieBase of {@code rulesetVersion} rebuilt from its cached compiled form, or empty when there is none fit to use. */
    public Optional<KieBase> load(String rulesetVersion, ClassLoader loader) {
        Path file = file(rulesetVersion);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            if (othersMayWrite(folder) || othersMayWrite(file)) {
                // What is read here is deserialised into code: only what the service's own user could have written.
                return discard(file, "its folder or the file can be written by other users than the service's");
            }
        } catch (IOException e) {
            return discard(file, "its permissions cannot be read (" + e + ")");
        }
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            String magic = in.readUTF();
            String key = in.readUTF();
            byte[] digest = in.readNBytes(in.readInt());
            byte[] payload = in.readNBytes(in.readInt());
            if (!MAGIC.equals(magic) || !key(rulesetVersion).equals(key)
                    || !MessageDigest.isEqual(digest, sha256(payload)) || in.read() != -1) {
                return discard(file, "it fails its header or digest check");
            }
            List<InternalKnowledgePackage> packages = new ArrayList<>();
            try (DroolsObjectInputStream objects = new DroolsObjectInputStream(new ByteArrayInputStream(payload), loader)) {
                for (Object o : (List<?>) objects.readObject()) {
                    packages.add((InternalKnowledgePackage) o);
                }
            }
            InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
            kieBase.addPackages(packages);
            LOG.infof("Ruleset %s taken compiled from %s", rulesetVersion, file);
            return Optional.of(kieBase);
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return discard(file, "it cannot be read (" + e + ")");
        }
    }

    private static boolean othersMayWrite(Path path) throws IOException {
        if (!Files.getFileStore(path).supportsFileAttributeView("posix")) {
            return false;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
        return permissions.contains(PosixFilePermission.GROUP_WRITE) || permissions.contains(PosixFilePermission.OTHERS_WRITE);
    }

    private static void ownerOnly(Path folder) throws IOException {
        if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /** Keeps the compiled form of a KieBase; a failure to write is logged and otherwise ignored (the cache is optional). */
    public void store(String rulesetVersion, KieBase kieBase) {
        Path file = file(rulesetVersion);
        Path temporary = null;
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
            try (DroolsObjectOutputStream objects = new DroolsObjectOutputStream(bytes)) {
                objects.writeObject(new ArrayList<>(Arrays.asList(((InternalKnowledgeBase) kieBase).getPackages())));
            }
            byte[] payload = bytes.toByteArray();
            Files.createDirectories(folder);
            ownerOnly(folder);
            temporary = Files.createTempFile(folder, "writing-", ".tmp");
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(temporary))) {
                out.writeUTF(MAGIC);
                out.writeUTF(key(rulesetVersion));
                byte[] digest = sha256(payload);
                out.writeInt(digest.length);
                out.write(digest);
                out.writeInt(payload.length);
                out.write(payload);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
            prune();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Could not keep compiled ruleset %s in %s: %s", rulesetVersion, folder, e);
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // already reported
                }
            }
        }
    }

    /** Keeps the most recently written files only: every draft that impact analysis compiles lands here too. */
    private void prune() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> kept = files.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .sorted(Comparator.comparing(RulesetCache::modified).reversed()).toList();
            for (Path old : kept.subList(Math.min(KEEP, kept.size()), kept.size())) {
                Files.deleteIfExists(old);
            }
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static Optional<KieBase> discard(Path file, String why) {
        LOG.warnf("Ignoring compiled ruleset %s: %s; compiling the rules instead", file, why);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not delete %s: %s", file, e);
        }
        return Optional.empty();
    }

    /** Drools and Java versions and the fact classes' bytes: the compiled form is only valid against the same. */
    private static String environment() {
        String known = environment;
        if (known == null) {
            MessageDigest digest = RulesetCompiler.sha256Digest();
            update(digest, String.valueOf(KieBase.class.getPackage().getImplementationVersion()));
            update(digest, String.valueOf(KnowledgeBaseFactory.class.getPackage().getImplementationVersion()));
            update(digest, String.valueOf(Runtime.version().feature()));
            factClasses(digest);
            known = HexFormat.of().formatHex(digest.digest());
            environment = known;
        }
        return known;
    }

    private static void factClasses(MessageDigest digest) {
        CodeSource source = Rating.class.getProtectionDomain().getCodeSource();
        try {
            Path location = Path.of(source.getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> walk = Files.walk(location.resolve(FACTS))) {
                    for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                        update(digest, location.relativize(p).toString().replace('\\', '/'));
                        digest.update(Files.readAllBytes(p));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    for (JarEntry entry : jar.stream().filter(e -> e.getName().startsWith(FACTS) && !e.isDirectory())
                            .sorted((a, b) -> a.getName().compareTo(b.getName())).toList()) {
                        update(digest, entry.getName());
                        try (InputStream in = jar.getInputStream(entry)) {
                            digest.update(in.readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // Unknown fact classes: a key no other process shares, so nothing cached is ever trusted.
            update(digest, "unreadable fact classes " + System.nanoTime() + " " + e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static byte[] sha256(byte[] bytes) {
        return RulesetCompiler.sha256Digest().digest(bytes);
    }
}
