package org.readiness.scoring;

import org.readiness.scoring.engine.GivenAnswer;
import org.readiness.scoring.engine.Ruleset;
import org.readiness.ruleset.RulesetCompiler;
import org.readiness.ruleset.RulesetService;
import org.readiness.scoring.engine.ScoreResult;
import org.readiness.scoring.engine.ScoringEngine;

import org.readiness.questionnaire.Questionnaire;
import org.readiness.questionnaire.QuestionnaireLoader;
import org.readiness.scoring.facts.AnswerKind;
import org.readiness.scoring.facts.Scope;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The real questionnaires and rules, compiled once per test JVM (a cold KieBase build takes seconds),
 * for plain JUnit and property tests that need no running service.
 */
public final class RulesFixture {

    public static final Path RULES = Path.of("rules");
    public static final List<Questionnaire> QUESTIONNAIRES = new QuestionnaireLoader().loadFolder(Path.of("questionnaires"));
    public static final Questionnaire QUESTIONNAIRE = QUESTIONNAIRES.get(QUESTIONNAIRES.size() - 1);
    public static final Ruleset RULESET = compiler().compile(RULES);
    private static final ScoringEngine ENGINE = new ScoringEngine();

    private RulesFixture() {
    }

    public static RulesetCompiler compiler() {
        return new RulesetCompiler(QUESTIONNAIRES);
    }

    /** Scores answers to the latest questionnaire, given as item id to a whole number, "NA" or "DONT_KNOW". */
    public static ScoreResult score(Map<String, ?> answers) {
        return ENGINE.score(RULESET, QUESTIONNAIRE, given(answers));
    }

    /** Scores answers to {@code questionnaire} for {@code scope} (a service area, or null for the whole organisation). */
    public static ScoreResult score(Questionnaire questionnaire, Map<String, ?> answers, String scope) {
        return ENGINE.score(RULESET, questionnaire, given(answers), Scope.of(scope));
    }

    /** The loaded questionnaire of that version. */
    public static Questionnaire version(int version) {
        return QUESTIONNAIRES.stream().filter(q -> q.version() == version).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no questionnaire version " + version));
    }

    public static List<GivenAnswer> given(Map<String, ?> answers) {
        List<GivenAnswer> given = new ArrayList<>();
        answers.forEach((question, value) -> given.add(switch (String.valueOf(value)) {
            case "NA" -> new GivenAnswer(question, AnswerKind.NOT_APPLICABLE, null, null);
            case "DONT_KNOW" -> new GivenAnswer(question, AnswerKind.DONT_KNOW, null, null);
            default -> new GivenAnswer(question, AnswerKind.SCORED, ((Number) value).intValue(), null);
        }));
        return given;
    }

    /**
     * Every item of the questionnaire answered with {@code value}: a 0-4 point, "NA" or "DONT_KNOW". A
     * percentage item gets the lowest percentage that earns that point; NA goes only where it is allowed
     * (elsewhere the item is left unanswered).
     */
    public static Map<String, Object> all(Object value) {
        return all(QUESTIONNAIRE, value);
    }

    /** As {@link #all(Object)}, for every item of {@code questionnaire}. */
    public static Map<String, Object> all(Questionnaire questionnaire, Object value) {
        Map<String, Object> answers = new java.util.LinkedHashMap<>();
        questionnaire.placements().map(Questionnaire.Placement::item).forEach(item -> {
            if (value instanceof Number point && Questionnaire.Item.PERCENTAGE.equals(item.type())) {
                answers.put(item.id(), item.scale().stream().filter(p -> p.value() == point.intValue())
                        .findFirst().orElseThrow().from());
            } else if (!"NA".equals(value) || item.allowNotApplicable()) {
                answers.put(item.id(), value);
            }
        });
        return answers;
    }
}
