package org.readiness.ruleset;

import org.readiness.scoring.RulesFixture;
import org.readiness.scoring.engine.Ruleset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RulesetCompilerTest {

    private static final String HEADER = "package checks\n\nimport org.readiness.scoring.facts.*\n\n";
    private static final String GOOD_RULE = """
            rule "A lead answer is noticed"
                @id("CHECK-01")
                @enabler("dedicated-lead")
                @rationale("Only here to test the compiler.")
                @source("Delivery personnel and collaboration > A dedicated lead")
            when
                Answer( question == "DL-01" )
            then
            end
            """;

    @Test
    void aSyntaxErrorIsReportedWithFileAndLine() {
        String broken = HEADER + GOOD_RULE + "\nrule \"Broken\"\nwhen\n    Answer( question == )\nthen\nend\n";
        assertThatThrownBy(() -> compile(Map.of("checks/broken.drl", broken)))
                .isInstanceOf(RulesetException.class)
                .hasMessageContaining("test-rules/checks/broken.drl:")
                .satisfies(e -> assertThat(((RulesetException) e).faults())
                        .anyMatch(f -> f.file().equals("test-rules/checks/broken.drl") && f.line() >= 10));
    }

    @Test
    void anUnknownFactTypeIsReportedWithFileAndLine() {
        String broken = HEADER + GOOD_RULE.replace("Answer(", "Answr(");
        assertThatThrownBy(() -> compile(Map.of("checks/typo.drl", broken)))
                .hasMessageContaining("test-rules/checks/typo.drl:11: Unable to resolve ObjectType 'Answr'")
                .hasMessageContaining("Answr");
    }

    @Test
    void everyMissingMetadataKeyIsNamed() {
        String bare = HEADER + "rule \"Bare\"\nwhen\n    Answer()\nthen\nend\n";
        assertThatThrownBy(() -> compile(Map.of("checks/bare.drl", bare)))
                .hasMessageContaining("test-rules/checks/bare.drl:5: rule \"Bare\": missing @id")
                .hasMessageContaining("missing @enabler")
                .hasMessageContaining("missing @rationale")
                .hasMessageContaining("missing @source");
    }

    @Test
    void anEnablerNoQuestionnaireHasIsRefused() {
        String rule = HEADER + GOOD_RULE.replace("@enabler(\"dedicated-lead\")", "@enabler(\"charisma\")");
        assertThatThrownBy(() -> compile(Map.of("checks/a.drl", rule)))
                .hasMessageContaining("@enabler(\"charisma\") names no enabler or theme");
    }

    @Test
    void aRuleIdUsedTwiceIsRefused() {
        String second = GOOD_RULE.replace("A lead answer is noticed", "Another rule");
        assertThatThrownBy(() -> compile(Map.of("checks/a.drl", HEADER + GOOD_RULE, "checks/b.drl", HEADER + second)))
                .hasMessageContaining("@id(\"CHECK-01\") is already used");
    }

    @Test
    void aPackageOutsideItsFolderIsRefused() {
        assertThatThrownBy(() -> compile(Map.of("elsewhere/a.drl", HEADER + GOOD_RULE)))
                .hasMessageContaining("test-rules/elsewhere/a.drl: declares package 'checks' but lives in folder 'elsewhere'");
    }

    @Test
    void theVersionIsTheDigestOfPathsAndContents() {
        Ruleset ruleset = compile(Map.of("checks/a.drl", HEADER + GOOD_RULE));
        assertThat(ruleset.version()).matches("[0-9a-f]{64}")
                .isEqualTo(RulesetCompiler.version(new TreeMap<>(Map.of("checks/a.drl", HEADER + GOOD_RULE))))
                .isNotEqualTo(RulesetCompiler.version(new TreeMap<>(Map.of("checks/b.drl", HEADER + GOOD_RULE))))
                .isNotEqualTo(RulesetCompiler.version(new TreeMap<>(Map.of("checks/a.drl", HEADER + GOOD_RULE + "\n"))));
        assertThat(ruleset.files()).singleElement().satisfies(f -> assertThat(f.sha256()).matches("[0-9a-f]{64}"));
        assertThat(ruleset.rules()).singleElement().satisfies(r -> assertThat(r.id()).isEqualTo("CHECK-01"));
    }

    @Test
    void theRealRulesetCompilesAndEveryRuleIsDocumented() {
        assertThat(RulesFixture.RULESET.rules()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.id()).matches("[A-Z]+(-[A-Z0-9]+)+");
            assertThat(r.rationale()).hasSizeGreaterThan(40);
            assertThat(r.source()).isNotBlank();
        });
    }

    @Test
    void aFolderIsReadRecursivelyAndTheSameAsItsFiles(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("checks"));
        Files.writeString(dir.resolve("checks/a.drl"), HEADER + GOOD_RULE);
        Files.writeString(dir.resolve("checks/notes.txt"), "not a rule");
        Ruleset fromFolder = RulesFixture.compiler().compile(dir);
        assertThat(fromFolder.version()).isEqualTo(compile(Map.of("checks/a.drl", HEADER + GOOD_RULE)).version());
    }

    @Test
    void aMissingFolderIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> RulesFixture.compiler().compile(dir.resolve("absent")))
                .hasMessageContaining("does not exist");
    }

    @Test
    void aRuleNamingAQuestionNoServedVersionAsksIsRefusedWithFileLineAndRule() {
        String rule = HEADER + GOOD_RULE.replace("question == \"DL-01\"", "question == \"DL-05\"");
        Map<String, String> servesOnlyTwo = Map.of("checks/a.drl", rule, "ruleset.yaml", "serves:\n  nttp-readiness: [2]\n");
        assertThatThrownBy(() -> compile(servesOnlyTwo))
                .hasMessageContaining("test-rules/checks/a.drl:5: rule \"A lead answer is noticed\" names DL-05, which no "
                        + "questionnaire version it serves (nttp-readiness 2) asks");
        // Version 1 asks DL-05: serving it too makes the rule sound.
        Ruleset both = compile(Map.of("checks/a.drl", rule, "ruleset.yaml", "serves:\n  nttp-readiness: [1, 2]\n"));
        assertThat(both.serves("nttp-readiness", 1)).isTrue();
        assertThat(both.serves("nttp-readiness", 3)).isFalse();
    }

    @Test
    void aRulesetServingAVersionNoFileDefinesOrWithoutServesIsRefused() {
        assertThatThrownBy(() -> compile(Map.of("checks/a.drl", HEADER + GOOD_RULE, "ruleset.yaml",
                "serves:\n  nttp-readiness: [9]\n")))
                .hasMessageContaining("test-rules/ruleset.yaml: serves nttp-readiness version 9, which no loaded questionnaire file defines");
        assertThatThrownBy(() -> compile(Map.of("checks/a.drl", HEADER + GOOD_RULE, "ruleset.yaml", "serve: all\n")))
                .hasMessageContaining("unknown key 'serve'")
                .hasMessageContaining("serves must map each questionnaire id");
    }

    @Test
    void aRulesetWithoutTheFileServesEveryVersion() {
        Ruleset kept = compile(Map.of("checks/a.drl", HEADER + GOOD_RULE));
        assertThat(kept.serves("nttp-readiness", 1)).isTrue();
        assertThat(kept.serves("anything", 7)).isTrue();
    }

    private static Ruleset compile(Map<String, String> files) {
        return RulesFixture.compiler().compile(files, "test-rules");
    }
}
