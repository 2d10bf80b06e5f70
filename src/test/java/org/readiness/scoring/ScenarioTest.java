package org.readiness.scoring;

import org.readiness.scoring.engine.Firing;
import org.readiness.scoring.engine.RuleDescription;
import org.readiness.scoring.engine.ScoreResult;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every scenario under rules/scenarios/ against the real rules, and proves each rule id is made to
 * fire by one scenario and held silent by another.
 */
class ScenarioTest {

    @TestFactory
    Stream<DynamicTest> everyScenarioReachesItsExpectedOutcome() {
        return Scenario.files().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
    }

    @Test
    void everyRuleIsFiredByOneScenarioAndSilencedByAnother() {
        Set<String> fired = new HashSet<>();
        Set<String> silenced = new HashSet<>();
        Scenario.files().map(Scenario::read).forEach(s -> {
            fired.addAll(s.expect().fired());
            silenced.addAll(s.expect().silent());
        });
        Set<String> neverFired = new TreeSet<>();
        Set<String> neverSilenced = new TreeSet<>();
        for (RuleDescription rule : RulesFixture.RULESET.rules()) {
            if (!fired.contains(rule.id())) {
                neverFired.add(rule.id());
            }
            if (!silenced.contains(rule.id())) {
                neverSilenced.add(rule.id());
            }
        }
        assertTrue(neverFired.isEmpty(), "no scenario expects these rules to fire: " + neverFired);
        assertTrue(neverSilenced.isEmpty(), "no scenario expects these rules to stay silent: " + neverSilenced);
    }

    @Test
    void scenariosNameOnlyRulesThatExist() {
        Set<String> ids = new HashSet<>(RulesFixture.RULESET.rules().stream().map(RuleDescription::id).toList());
        Scenario.files().map(Scenario::read).forEach(s -> Stream.concat(s.expect().fired().stream(), s.expect().silent().stream())
                .forEach(id -> assertTrue(ids.contains(id), s.name() + " names unknown rule " + id)));
    }

    private static void check(Path file) {
        Scenario scenario = Scenario.read(file);
        assertEquals(RulesFixture.QUESTIONNAIRE.id(), scenario.questionnaire(), file + ": questionnaire");
        ScoreResult result = RulesFixture.score(scenario.questionnaireVersion(), scenario.allAnswers(), scenario.scope());
        Scenario.Expect expect = scenario.expect();
        List<String> mismatches = new ArrayList<>();
        if (expect.overall() != null) {
            compare("overall", expect.overall(), result.overall().band().name(), result.overall().uncappedBand(),
                    result.overall().score(), result.overall().cappedBy(), mismatches);
        }
        if (expect.themes() != null) {
            expect.themes().forEach((id, want) -> result.themes().stream().filter(t -> t.id().equals(id)).findFirst()
                    .ifPresentOrElse(t -> compare("theme " + id, want, t.band().name(), t.uncappedBand(), t.score(), t.cappedBy(), mismatches),
                            () -> mismatches.add("no theme " + id)));
        }
        if (expect.enablers() != null) {
            expect.enablers().forEach((id, want) -> result.enablers().stream().filter(e -> e.id().equals(id)).findFirst()
                    .ifPresentOrElse(e -> compare("enabler " + id, want, e.band().name(), e.uncappedBand(), e.score(), e.cappedBy(), mismatches),
                            () -> mismatches.add("no enabler " + id)));
        }
        List<String> got = result.recommendations().stream().map(ScoreResult.RankedRecommendation::id).toList();
        if (expect.recommendations() != null && !got.equals(expect.recommendations())) {
            mismatches.add("recommendations: expected " + expect.recommendations() + " in that order, got " + got);
        }
        if (expect.stepsAbout() != null) {
            expect.stepsAbout().forEach((about, want) -> {
                List<String> steps = result.recommendations().stream().filter(r -> r.enabler().equals(about))
                        .map(ScoreResult.RankedRecommendation::id).toList();
                if (!steps.equals(want)) {
                    mismatches.add("steps about " + about + ": expected " + want + ", got " + steps);
                }
            });
        }
        List<String> first = expect.firstRecommendations();
        if (first != null && !got.subList(0, Math.min(first.size(), got.size())).equals(first)) {
            mismatches.add("recommendations: expected to start with " + first + ", got " + got);
        }
        Set<String> firedIds = new HashSet<>(result.trace().stream().map(Firing::rule).toList());
        expect.fired().stream().filter(id -> !firedIds.contains(id)).forEach(id -> mismatches.add(id + " should fire but did not"));
        expect.silent().stream().filter(firedIds::contains).forEach(id -> mismatches.add(id + " should stay silent but fired"));
        assertTrue(mismatches.isEmpty(), scenario.name() + " (" + file.getFileName() + "):\n  " + String.join("\n  ", mismatches));
    }

    private static void compare(String what, Scenario.Rating want, String band, Object uncapped, Double score,
                                List<String> cappedBy, List<String> mismatches) {
        if (want.band() != null && !want.band().equals(band)) {
            mismatches.add(what + " band: expected " + want.band() + ", got " + band);
        }
        if (want.uncappedBand() != null && !want.uncappedBand().equals(Objects.toString(uncapped, null))) {
            mismatches.add(what + " band before gates: expected " + want.uncappedBand() + ", got " + uncapped);
        }
        if (want.score() != null && (score == null || Math.abs(want.score() - score) > 1e-9)) {
            mismatches.add(what + " score: expected " + want.score() + ", got " + score);
        }
        if (want.cappedBy() != null && !want.cappedBy().equals(cappedBy)) {
            mismatches.add(what + " capped by: expected " + want.cappedBy() + ", got " + cappedBy);
        }
    }
}
