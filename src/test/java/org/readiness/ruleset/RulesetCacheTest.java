package org.readiness.ruleset;

import org.readiness.scoring.engine.Firing;
import org.readiness.scoring.engine.GivenAnswer;
import org.readiness.scoring.RulesFixture;
import org.readiness.scoring.engine.Ruleset;
import org.readiness.scoring.engine.ScoreResult;
import org.readiness.scoring.engine.ScoringEngine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compiled-ruleset cache: a hit gives a KieBase that scores exactly as a fresh compile does; a changed rule
 * file has another version and misses; a damaged or foreign file is ignored, deleted and replaced by a rebuild.
 */
class RulesetCacheTest {

    private static Map<String, String> rules;
    private static List<GivenAnswer> answers;
    private static ScoreResult fresh;

    @TempDir
    Path folder;

    @BeforeAll
    static void freshCompile() {
        rules = RulesetCompiler.readFolder(RulesFixture.RULES);
        answers = RulesFixture.given(RulesFixture.all(4));
        fresh = score(RulesFixture.RULESET);
    }

    @Test
    void aMissCompilesAndKeepsTheRulesetAndTheNextCompileTakesItFromTheCache() {
        RulesetCache cache = new RulesetCache(folder);
        String version = RulesetCompiler.version(new TreeMap<>(rules));
        assertThat(cache.load(version, loader())).isEmpty();

        Ruleset first = compiler(cache).compile(rules, "rules");
        assertThat(first.version()).isEqualTo(version);
        assertThat(cacheFiles()).containsExactly(cache.file(version));
        Optional<KieBase> cached = cache.load(version, loader());
        assertThat(cached).isPresent();

        Ruleset second = compiler(cache).compile(rules, "rules");
        assertThat(second.rules()).isEqualTo(RulesFixture.RULESET.rules());
        assertThat(score(second)).isEqualTo(fresh);
        assertThat(score(new Ruleset(version, first.loadedAt(), "cache", first.files(), first.rules(), cached.get(),
                first.conventionsFile())))
                .isEqualTo(fresh);
    }

    @Test
    void theCacheIsTheServicesOwnAndAFileOthersCouldWriteIsNeverDeserialised() throws Exception {
        RulesetCache cache = new RulesetCache(folder);
        String version = compiler(cache).compile(rules, "rules").version();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(folder)))
                .isEqualTo("rwx------");
        assertThat(cache.load(version, loader())).isPresent();
        // A compiled ruleset is deserialised into code: one that another user could have replaced is not read.
        java.nio.file.Files.setPosixFilePermissions(cache.file(version),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw-rw-"));
        assertThat(cache.load(version, loader())).isEmpty();
        assertThat(cache.file(version)).doesNotExist();
    }

    @Test
    void aChangedRuleFileMissesTheCacheAndItsChangeIsWhatScores() {
        RulesetCache cache = new RulesetCache(folder);
        Ruleset original = compiler(cache).compile(rules, "rules");

        Map<String, String> changed = new TreeMap<>(rules);
        String bands = changed.get("scoring/bands.drl");
        assertThat(bands).contains("@id(\"BAND-EMBEDDED\")");
        changed.put("scoring/bands.drl", bands.replace("@id(\"BAND-EMBEDDED\")", "@id(\"BAND-EMBEDDED-CHANGED\")"));
        String version = RulesetCompiler.version(new TreeMap<>(changed));
        assertThat(version).isNotEqualTo(original.version());
        assertThat(cache.load(version, loader())).isEmpty();

        Ruleset recompiled = compiler(cache).compile(changed, "changed");
        assertThat(recompiled.version()).isEqualTo(version);
        assertThat(score(recompiled).trace()).extracting(Firing::rule)
                .contains("BAND-EMBEDDED-CHANGED").doesNotContain("BAND-EMBEDDED");
        // Both versions are now kept, each under its own key; the original still scores as before.
        assertThat(cacheFiles()).containsExactlyInAnyOrder(cache.file(original.version()), cache.file(version));
        assertThat(score(compiler(cache).compile(rules, "rules"))).isEqualTo(fresh);
    }

    @Test
    void aCorruptCacheFileIsIgnoredDeletedAndRebuilt() throws IOException {
        RulesetCache cache = new RulesetCache(folder);
        String version = compiler(cache).compile(rules, "rules").version();
        Path file = cache.file(version);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(file, bytes);

        assertThat(cache.load(version, loader())).isEmpty();
        assertThat(file).doesNotExist();

        Files.write(file, new byte[] {1, 2, 3});
        Ruleset rebuilt = compiler(cache).compile(rules, "rules");
        assertThat(score(rebuilt)).isEqualTo(fresh);
        assertThat(cache.load(version, loader())).isPresent();
    }

    @Test
    void aFileOfAnotherVersionUnderThisVersionsNameIsIgnored() throws IOException {
        RulesetCache cache = new RulesetCache(folder);
        Ruleset original = compiler(cache).compile(rules, "rules");
        Map<String, String> changed = new TreeMap<>(rules);
        changed.put("scoring/bands.drl", changed.get("scoring/bands.drl") + "\n// a comment changes the version\n");
        String version = RulesetCompiler.version(new TreeMap<>(changed));
        // A whole, well-formed file, but one whose header names the other version
        Files.copy(cache.file(original.version()), cache.file(version));

        assertThat(cache.load(version, loader())).isEmpty();
        assertThat(cache.file(version)).doesNotExist();
    }

    @Test
    void anUnwritableCacheFolderOnlyMeansCompilingEveryTime() throws IOException {
        Path notAFolder = folder.resolve("file");
        Files.writeString(notAFolder, "in the way");
        RulesetCache cache = new RulesetCache(notAFolder);
        assertThat(score(compiler(cache).compile(rules, "rules"))).isEqualTo(fresh);
    }

    private List<Path> cacheFiles() {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".kbase")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static RulesetCompiler compiler(RulesetCache cache) {
        return new RulesetCompiler(RulesFixture.QUESTIONNAIRES, Optional.of(cache));
    }

    private static ClassLoader loader() {
        return Thread.currentThread().getContextClassLoader();
    }

    private static ScoreResult score(Ruleset ruleset) {
        return new ScoringEngine().score(ruleset, RulesFixture.QUESTIONNAIRE, answers);
    }
}
