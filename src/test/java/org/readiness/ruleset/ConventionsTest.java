package org.readiness.ruleset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.readiness.questionnaire.Questionnaire;
import org.readiness.scoring.RulesFixture;
import org.readiness.scoring.Scenario;
import org.readiness.scoring.engine.Firing;
import org.readiness.scoring.engine.Ruleset;
import org.readiness.scoring.engine.ScoreResult;
import org.readiness.scoring.engine.ScoringEngine;
import org.readiness.scoring.facts.Band;
import org.readiness.scoring.facts.Conventions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * scoring/bands.yaml is the one place the band cut-offs, coverage minimum and scale live: the rules read it as the
 * Conventions fact, Java from the compiled ruleset, and rulesets kept from before it still score as they did.
 */
class ConventionsTest {

    private static final String SHIPPED = "scoring/bands.yaml";
    private static final ScoringEngine ENGINE = new ScoringEngine();

    @Test
    void theShippedRulesetReadsItsNumbersFromTheFile() {
        Ruleset ruleset = RulesFixture.RULESET;
        assertThat(ruleset.conventionsFile()).isPresent();
        assertThat(ruleset.files()).anySatisfy(f -> assertThat(f.path()).isEqualTo(SHIPPED));
        Conventions c = ruleset.conventions();
        assertThat(Conventions.ladder()).allSatisfy(b -> assertThat(c.bandOf(c.startOf(b))).isEqualTo(b));
        assertThat(c.startOf(Band.GETTING_STARTED)).isEqualTo(c.getScaleFrom());
    }

    @Test
    void aChangedCutOffInACopyOfTheRulesChangesTheBandAssigned(@TempDir Path dir) throws IOException {
        Map<String, String> files = RulesetCompiler.readFolder(RulesFixture.RULES);
        Conventions shipped = RulesFixture.RULESET.conventions();
        String established = "{band: ESTABLISHED, from: " + shipped.startOf(Band.ESTABLISHED) + "}";
        assertThat(files.get(SHIPPED)).contains(established);
        // Every item at the Established start: Established as shipped, Developing once Established starts higher.
        Map<String, Object> answers = RulesFixture.all((int) shipped.startOf(Band.ESTABLISHED));
        double higher = (shipped.startOf(Band.ESTABLISHED) + shipped.startOf(Band.EMBEDDED)) / 2;
        write(dir, files, Map.of(SHIPPED, files.get(SHIPPED).replace(established, "{band: ESTABLISHED, from: " + higher + "}")));

        Ruleset copy = RulesFixture.compiler().compile(dir);

        assertThat(copy.version()).isNotEqualTo(RulesFixture.RULESET.version());
        assertThat(copy.conventions().startOf(Band.ESTABLISHED)).isEqualTo(higher);
        ScoreResult before = RulesFixture.score(answers);
        ScoreResult after = ENGINE.score(copy, RulesFixture.QUESTIONNAIRE, RulesFixture.given(answers));
        assertThat(before.enablers()).allSatisfy(e -> assertThat(uncapped(e)).isEqualTo(Band.ESTABLISHED));
        assertThat(after.enablers()).allSatisfy(e -> assertThat(uncapped(e)).isEqualTo(Band.DEVELOPING));
        assertThat(after.enablers()).extracting(ScoreResult.EnablerRating::score)
                .isEqualTo(before.enablers().stream().map(ScoreResult.EnablerRating::score).toList());
    }

    @Test
    void aHigherCoverageMinimumInACopyOfTheRulesLeavesAThinEnablerUnrated(@TempDir Path dir) throws IOException {
        Map<String, String> files = RulesetCompiler.readFolder(RulesFixture.RULES);
        Map<String, Object> answers = RulesFixture.all(3);
        // One item left out of an enabler with enough items that the shipped minimum still rates it.
        String dropped = RulesFixture.QUESTIONNAIRE.placements().filter(p -> p.enabler().items().size() >= 4)
                .findFirst().orElseThrow().item().id();
        answers.remove(dropped);
        write(dir, files, Map.of(SHIPPED, files.get(SHIPPED).replaceAll("(?m)^coverage: .*$", "coverage: 1")));

        ScoreResult after = ENGINE.score(RulesFixture.compiler().compile(dir), RulesFixture.QUESTIONNAIRE,
                RulesFixture.given(answers));

        String enabler = RulesFixture.QUESTIONNAIRE.itemsById().get(dropped).enabler().id();
        assertThat(RulesFixture.score(answers).enablers()).filteredOn(e -> e.id().equals(enabler))
                .singleElement().satisfies(e -> assertThat(e.score()).isNotNull());
        assertThat(after.enablers()).filteredOn(e -> e.id().equals(enabler))
                .singleElement().satisfies(e -> assertThat(e.band()).isEqualTo(Band.INSUFFICIENT_EVIDENCE));
    }

    @Test
    void aFaultyFileStopsCompilationNamingTheFileAndEveryFault() {
        Map<String, String> files = new HashMap<>(RulesetCompiler.readFolder(RulesFixture.RULES));
        files.put(SHIPPED, """
                scale: {from: 0, to: 4}
                bands:
                  - {band: GETTING_STARTED, from: 0}
                  - {band: ESTABLISHED, from: 2}
                  - {band: DEVELOPING, from: 1}
                  - {band: INSUFFICIENT_EVIDENCE, from: 3}
                coverage: 1.5
                weights: {}
                """);
        assertThatThrownBy(() -> RulesFixture.compiler().compile(files, "copy"))
                .isInstanceOf(RulesetException.class)
                .hasMessageContaining("copy/scoring/bands.yaml: unknown key 'weights'")
                .hasMessageContaining("copy/scoring/bands.yaml: coverage must be a share above 0 and at most 1; found 1.5")
                .hasMessageContaining("copy/scoring/bands.yaml: bands[2]: DEVELOPING starts at 1.0, not above the band before it (2.0)")
                .hasMessageContaining("copy/scoring/bands.yaml: bands[3].band must be one of [GETTING_STARTED, DEVELOPING, ESTABLISHED, EMBEDDED]")
                .hasMessageContaining("copy/scoring/bands.yaml: bands lacks [EMBEDDED]");
    }

    @Test
    void aFileThatIsNotYamlIsNamed() {
        Map<String, String> files = new HashMap<>(RulesetCompiler.readFolder(RulesFixture.RULES));
        files.put(SHIPPED, "bands: [ {band: DEVELOPING");
        assertThatThrownBy(() -> RulesFixture.compiler().compile(files, "copy"))
                .hasMessageContaining("copy/scoring/bands.yaml: is not YAML");
    }

    @Test
    void rulesThatMatchTheFactWithoutTheFileAreRefused() {
        Map<String, String> files = new HashMap<>(RulesetCompiler.readFolder(RulesFixture.RULES));
        files.remove(SHIPPED);
        assertThatThrownBy(() -> RulesFixture.compiler().compile(files, "copy"))
                .hasMessageContaining("copy/scoring/bands.drl: matches the Conventions fact, but the ruleset has no "
                        + "scoring/bands.yaml");
    }

    /**
     * A ruleset kept from before the file (its scoring DRL with the numbers inline, no bands.yaml) compiles, gets no
     * Conventions fact, and decides every scenario as the same numbers in the file do, with the note it always had.
     * Both are built on version 1 of the rules (src/test/resources/rules-version-1), the last whose only readers of the
     * Conventions fact were its scoring files: from version 2 on, gates and patterns read it too, so no ruleset of
     * today's rules can do without the file.
     */
    @Test
    void aRulesetFromBeforeTheFileStillScoresAsItDid(@TempDir Path dir) throws IOException {
        Map<String, String> versionOne = RulesetCompiler.readFolder(Path.of("src/test/resources/rules-version-1"));
        assertThat(versionOne).containsKey(SHIPPED);
        Map<String, String> before = new HashMap<>(versionOne);
        before.remove(SHIPPED);
        Path legacy = Path.of("src/test/resources/rules-before-bands-yaml/scoring");
        for (String drl : List.of("bands.drl", "enabler-scores.drl", "theme-and-overall-scores.drl")) {
            before.put("scoring/" + drl, Files.readString(legacy.resolve(drl)));
        }
        Ruleset old = RulesFixture.compiler().compile(before, "archived");
        Map<String, String> now = new HashMap<>(versionOne);
        Conventions inline = Conventions.BEFORE_THE_FILE;
        now.put(SHIPPED, "scale: {from: 0, to: 4}\nbands:\n" + Conventions.ladder().stream()
                .map(b -> "  - {band: " + b + ", from: " + inline.startOf(b) + "}\n").reduce("", String::concat)
                + "coverage: " + inline.getCoverage() + "\n");
        Ruleset current = RulesFixture.compiler().compile(now, "current");

        assertThat(old.conventionsFile()).isEmpty();
        assertThat(current.conventions()).isEqualTo(inline);
        // Rules of version 1 scored answers to questionnaire version 1: its scenarios, and every item at each answer.
        Questionnaire versionOneItems = RulesFixture.version(1);
        Map<String, Map<String, Object>> inputs = new LinkedHashMap<>();
        Scenario.files().map(Scenario::read).filter(s -> Integer.valueOf(1).equals(s.version()))
                .forEach(s -> inputs.put(s.name(), s.allAnswers()));
        for (Object value : List.of(0, 1, 2, 3, 4, "NA", "DONT_KNOW")) {
            inputs.put("every item " + value, RulesFixture.all(versionOneItems, value));
        }
        inputs.forEach((name, answers) -> {
            ScoreResult a = ENGINE.score(old, versionOneItems, RulesFixture.given(answers));
            ScoreResult b = ENGINE.score(current, versionOneItems, RulesFixture.given(answers));
            assertThat(b.overall()).as(name).isEqualTo(a.overall());
            assertThat(b.themes()).as(name).isEqualTo(a.themes());
            assertThat(b.enablers()).as(name).isEqualTo(a.enablers());
            assertThat(b.recommendations()).as(name).isEqualTo(a.recommendations());
            assertThat(b.trace().stream().map(Firing::rule).toList()).as(name)
                    .isEqualTo(a.trace().stream().map(Firing::rule).toList());
            assertThat(b.note()).isEqualTo(a.note());
        });
        // The note as results stored before the file carry it, word for word.
        assertThat(ENGINE.score(old, versionOneItems, RulesFixture.given(RulesFixture.all(versionOneItems, 2))).note())
                .isEqualTo("Bands are conventions for comparing sites and planning next steps; they are not validated "
                        + "cut-offs. Scores are weighted means on the 0-4 readiness scale; 'not applicable' and 'don't "
                        + "know' answers are left out, never counted as zero.");
    }

    private static Band uncapped(ScoreResult.EnablerRating e) {
        return e.uncappedBand() != null ? e.uncappedBand() : e.band();
    }

    private static void write(Path dir, Map<String, String> files, Map<String, String> changed) throws IOException {
        Map<String, String> all = new HashMap<>(files);
        all.putAll(changed);
        for (Map.Entry<String, String> f : all.entrySet()) {
            Path target = dir.resolve(f.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.getValue());
        }
    }
}
