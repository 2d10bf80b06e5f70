package org.readiness.ruleset;

import org.readiness.scoring.engine.RuleDescription;
import org.readiness.scoring.engine.RuleFile;
import org.readiness.scoring.engine.Ruleset;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.readiness.scoring.facts.Conventions;
import org.readiness.scoring.facts.RuleMeta;
import org.readiness.questionnaire.Questionnaire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns a rules folder (its DRL files, scoring/bands.yaml and ruleset.yaml) into a {@link Ruleset}, or refuses it with
 * every fault named by file and line: Drools' own compile errors, a package that does not match its folder, rules that
 * lack the metadata an auditor relies on, faults in scoring/bands.yaml, and a rule naming a question that no
 * questionnaire version the ruleset serves asks.
 */
public final class RulesetCompiler {

    private static final String RESOURCES = "src/main/resources/";
    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE);
    private static final Pattern USES_CONVENTIONS = Pattern.compile("\\bConventions\\s*\\(");
    /** The shared KieRepository keeps one default module; building two rulesets at once would mix them up. */
    private static final Object BUILD_LOCK = new Object();

    private final Set<String> knownEnablers;
    private final Collection<Questionnaire> questionnaires;
    private final Optional<RulesetCache> cache;

    /** @param questionnaires the loaded questionnaires: what a rule may name (enablers, themes, questions) */
    public RulesetCompiler(Collection<Questionnaire> questionnaires) {
        this(questionnaires, Optional.empty());
    }

    /** @param cache where compiled rulesets are kept by version, so that unchanged rules are not compiled again */
    public RulesetCompiler(Collection<Questionnaire> questionnaires, Optional<RulesetCache> cache) {
        this.knownEnablers = Set.copyOf(RulesetService.knownEnablers(questionnaires));
        this.questionnaires = List.copyOf(questionnaires);
        this.cache = cache;
    }

    public Ruleset compile(Path folder) {
        return compile(readFolder(folder), folder.toString());
    }

    /** @param files DRL (and scoring/bands.yaml) content by path relative to the rules folder, with '/' separators */
    public Ruleset compile(Map<String, String> files, String origin) {
        SortedMap<String, String> sorted = new TreeMap<>(files);
        SortedMap<String, String> drl = new TreeMap<>(sorted);
        drl.keySet().removeIf(path -> !path.endsWith(".drl"));
        List<RulesetFault> faults = new ArrayList<>();
        if (drl.isEmpty()) {
            throw new RulesetException(origin, List.of(new RulesetFault(origin, 0, "no .drl files found")));
        }
        // Known before anything is compiled, so that a refusal names the files it refused (the audit log does).
        String version = version(sorted);
        drl.forEach((path, content) -> checkPackageMatchesFolder(origin, path, content, faults));
        if (!faults.isEmpty()) {
            throw new RulesetException(origin, faults, version);
        }
        Optional<Conventions> conventions = conventions(sorted, drl, origin, faults);
        Served served = Served.read(origin, sorted.get(Served.PATH), questionnaires, faults);
        ClassLoader loader = RuleClassLoader.ofContext();
        // A cached KieBase is only the compiled form of these very files; every check below still runs on it.
        Optional<KieBase> cached = cache.flatMap(c -> c.load(version, loader));
        KieBase kieBase = cached.orElseGet(() -> build(drl, origin, loader, faults));
        List<RuleFile> ruleFiles = sorted.entrySet().stream()
                .map(e -> new RuleFile(e.getKey(), sha256(e.getValue().getBytes(StandardCharsets.UTF_8)), e.getValue()))
                .toList();
        List<RuleDescription> rules = kieBase == null ? List.of() : catalogue(kieBase, ruleFiles, origin, faults);
        served.checkQuestionsNamed(rules, origin, faults);
        if (!faults.isEmpty()) {
            throw new RulesetException(origin, faults, version);
        }
        if (cached.isEmpty()) {
            cache.ifPresent(c -> c.store(version, kieBase));
        }
        return new Ruleset(version, Instant.now(), origin, ruleFiles, rules, kieBase, conventions, served.versions());
    }

    /**
     * The ruleset's scoring/bands.yaml, read and checked. A ruleset kept from before the file has none and needs none:
     * its DRL spells its numbers out. Rules that match the Conventions fact without the file would rate nothing.
     */
    private static Optional<Conventions> conventions(Map<String, String> files, Map<String, String> drl, String origin,
                                                     List<RulesetFault> faults) {
        String content = files.get(ConventionsFile.PATH);
        if (content != null) {
            return Optional.ofNullable(ConventionsFile.read(origin, content, faults));
        }
        drl.forEach((path, text) -> {
            if (USES_CONVENTIONS.matcher(text).find()) {
                faults.add(new RulesetFault(origin + "/" + path, 0, "matches the Conventions fact, but the ruleset has no "
                        + ConventionsFile.PATH + " to give it"));
            }
        });
        return Optional.empty();
    }

    /** sha-256 over, for each file in path order: its relative path, a NUL, its UTF-8 content, a NUL. */
    public static String version(SortedMap<String, String> files) {
        MessageDigest digest = sha256Digest();
        files.forEach((path, content) -> {
            digest.update(path.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(content.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The files of the ruleset in {@code folder} by relative path ('/' separators): every .drl file,
     * scoring/bands.yaml and ruleset.yaml (the scenarios and other notes beside them are not rules). A missing folder is a RulesetException.
     */
    public static Map<String, String> readFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new RulesetException(folder.toString(), List.of(new RulesetFault(folder.toString(), 0,
                    "the rules folder " + folder.toAbsolutePath() + " does not exist")));
        }
        Map<String, String> files = new HashMap<>();
        // Links are followed and hidden entries skipped so that a Kubernetes ConfigMap volume reads as the folder it
        // was made from: its files are links through ..data to a hidden, timestamped folder (docs/operations.md).
        try (Stream<Path> walk = Files.walk(folder, FileVisitOption.FOLLOW_LINKS)) {
            for (Path file : walk.filter(p -> Files.isRegularFile(p) && !hidden(folder.relativize(p))).toList()) {
                String relative = folder.relativize(file).toString().replace('\\', '/');
                if (relative.endsWith(".drl") || relative.equals(ConventionsFile.PATH) || relative.equals(Served.PATH)) {
                    files.put(relative, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read rules folder " + folder, e);
        }
        return files;
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static void checkPackageMatchesFolder(String origin, String path, String content, List<RulesetFault> faults) {
        int slash = path.lastIndexOf('/');
        String folder = slash < 0 ? "" : path.substring(0, slash).replace('/', '.');
        Matcher m = PACKAGE.matcher(content);
        String declared = m.find() ? m.group(1) : "";
        if (!declared.equals(folder)) {
            faults.add(new RulesetFault(origin + "/" + path, 0, "declares package '" + declared + "' but lives in folder '"
                    + folder.replace('.', '/') + "'; each DRL package has its own folder"));
        }
    }

    private static KieBase build(SortedMap<String, String> files, String origin, ClassLoader loader,
                                 List<RulesetFault> faults) {
        KieServices ks = KieServices.Factory.get();
        synchronized (BUILD_LOCK) {
            KieFileSystem kfs = ks.newKieFileSystem();
            files.forEach((path, content) -> kfs.write(RESOURCES + path, content));
            KieBuilder builder = ks.newKieBuilder(kfs, loader).buildAll();
            List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
            if (!errors.isEmpty()) {
                errors.stream()
                        // Drools adds this after any syntax error; the syntax error itself is the useful line.
                        .filter(e -> !(errors.size() > 1 && e.getText().contains("Parser returned a null Package")))
                        .sorted(Comparator.comparing((Message e) -> String.valueOf(e.getPath())).thenComparingInt(Message::getLine))
                        .forEach(e -> faults.add(new RulesetFault(origin + "/" + String.valueOf(e.getPath()).replace(RESOURCES, ""),
                                e.getLine(), e.getText().strip())));
                return null;
            }
            return ks.newKieContainer(builder.getKieModule().getReleaseId(), loader).getKieBase();
        }
    }

    private List<RuleDescription> catalogue(KieBase kieBase, List<RuleFile> files, String origin, List<RulesetFault> faults) {
        List<RuleDescription> rules = new ArrayList<>();
        Map<String, String> idsSeen = new HashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                RuleDescription described = describe(RuleMeta.of(rule), pkg.getName(), files);
                String file = described.file() == null ? origin : origin + "/" + described.file();
                String where = "rule \"" + rule.getName() + "\"";
                for (String key : RuleMeta.REQUIRED) {
                    Object value = rule.getMetaData().get(key);
                    if (value == null || value.toString().isBlank()) {
                        faults.add(new RulesetFault(file, described.line(), where + ": missing @" + key));
                    }
                }
                RuleMeta meta = RuleMeta.of(rule);
                if (meta.enabler() != null && !knownEnablers.contains(meta.enabler())) {
                    faults.add(new RulesetFault(file, described.line(), where + ": @enabler(\"" + meta.enabler()
                            + "\") names no enabler or theme of any questionnaire"));
                }
                if (meta.id() != null) {
                    String earlier = idsSeen.putIfAbsent(meta.id(), rule.getName());
                    if (earlier != null) {
                        faults.add(new RulesetFault(file, described.line(), where + ": @id(\"" + meta.id()
                            + "\") is already used by rule \"" + earlier + "\""));
                    }
                }
                rules.add(described);
            }
        }
        rules.sort(Comparator.comparing(r -> String.valueOf(r.id())));
        return List.copyOf(rules);
    }

    /** Finds the rule's text in the files of its package: from its {@code rule "name"} line to its {@code end}. */
    private static RuleDescription describe(RuleMeta meta, String drlPackage, List<RuleFile> files) {
        Pattern start = Pattern.compile("^rule\\s+\"" + Pattern.quote(meta.name()) + "\"", Pattern.MULTILINE);
        Pattern end = Pattern.compile("^end\\s*$", Pattern.MULTILINE);
        String folder = drlPackage.replace('.', '/') + "/";
        for (RuleFile file : files) {
            if (!file.path().startsWith(folder) || file.path().substring(folder.length()).contains("/")) {
                continue;
            }
            Matcher m = start.matcher(file.content());
            if (m.find()) {
                Matcher e = end.matcher(file.content());
                int stop = e.find(m.start()) ? e.end() : file.content().length();
                int line = (int) file.content().substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                return RuleDescription.of(meta, drlPackage, file, line, file.content().substring(m.start(), stop));
            }
        }
        return RuleDescription.of(meta, drlPackage, null, 0, null);
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256Digest().digest(bytes));
    }

    static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
