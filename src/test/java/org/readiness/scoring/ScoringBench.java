package org.readiness.scoring;

import org.readiness.scoring.engine.GivenAnswer;
import org.readiness.scoring.engine.Ruleset;
import org.readiness.ruleset.RulesetCache;
import org.readiness.ruleset.RulesetCompiler;
import org.readiness.ruleset.RulesetService;
import org.readiness.scoring.engine.ScoreResult;
import org.readiness.scoring.engine.ScoringEngine;

import java.util.Map;

/** What the benchmarks score: the real questionnaire and rules, every item answered (a mixed, realistic return). */
public final class ScoringBench {

    private final ScoringEngine engine = new ScoringEngine();
    private final java.util.List<GivenAnswer> answers;

    public ScoringBench() {
        Map<String, Object> given = RulesFixture.all(2);
        int[] spread = {0, 1, 2, 3, 4, 3, 2};
        int i = 0;
        for (String item : given.keySet()) {
            given.put(item, spread[i++ % spread.length]);
        }
        given.put("TN-08", 72);
        given.put("SB-02", 40);
        given.put("LE-02", "NA");
        given.put("SW-03", "DONT_KNOW");
        answers = RulesFixture.given(given);
    }

    public ScoreResult score(boolean trace) {
        return engine.score(RulesFixture.RULESET, RulesFixture.QUESTIONNAIRE, answers, trace);
    }

    /** Compiles rules/ without touching {@link RulesFixture}, whose own compile would be counted too. */
    public static Ruleset compileRules() {
        return compiler(java.util.Optional.empty()).compile(java.nio.file.Path.of("rules"));
    }

    /** The same through the compiled-ruleset cache: a hit when {@code cache} holds this version of rules/. */
    public static Ruleset compileRules(RulesetCache cache) {
        return compiler(java.util.Optional.of(cache)).compile(java.nio.file.Path.of("rules"));
    }

    private static RulesetCompiler compiler(java.util.Optional<RulesetCache> cache) {
        java.nio.file.Path questionnaires = java.nio.file.Path.of("questionnaires");
        return new RulesetCompiler(new org.readiness.questionnaire.QuestionnaireLoader().loadFolder(questionnaires), cache);
    }
}
