package org.readiness.scoring;

import org.readiness.scoring.engine.AnswerValidator;
import org.readiness.scoring.engine.GivenAnswer;
import org.readiness.ruleset.RulesetService;
import org.readiness.scoring.engine.ScoreResult;
import org.readiness.scoring.engine.ScoringEngine;
import org.readiness.scoring.engine.Ruleset;
import org.readiness.scoring.facts.Scope;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.readiness.problem.ProblemException;
import org.readiness.problem.RequestBody;
import org.readiness.problem.Violation;
import org.readiness.questionnaire.Questionnaire;
import org.readiness.questionnaire.QuestionnaireCatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Validates a scoring request in full, then scores it under the active ruleset. */
@ApplicationScoped
public class ScoringService {

    @Inject
    QuestionnaireCatalog catalog;

    @Inject
    RulesetService rulesets;

    @Inject
    ScoringMetrics metrics;

    private final ScoringEngine engine = new ScoringEngine();
    private final AnswerValidator validator = new AnswerValidator();

    /**
     * What-if scoring of a request as read; stores nothing. The answers are checked only against a questionnaire that
     * was found: against none, every answer would be an unknown question.
     */
    public ScoreResult score(ScoreRequest request) {
        List<Violation> problems = new ArrayList<>(request.problems());
        Optional<Questionnaire> questionnaire = questionnaire(request.questionnaire(), problems);
        List<GivenAnswer> answers = questionnaire
                .map(q -> validator.validate(q, request.answers(), "/answers", problems))
                .orElse(List.of());
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems.size() + " problem(s) found in the answers", problems);
        }
        return score(questionnaire.orElseThrow(), answers, Scope.of(request.scope()));
    }

    /**
     * Scores under the active ruleset, which must serve the questionnaire's version (its ruleset.yaml): rules written for
     * other questions would rate answers they cannot read. Refused with 422 naming the versions served.
     */
    public ScoreResult score(Questionnaire questionnaire, List<GivenAnswer> answers, Scope scope) {
        long started = System.nanoTime();
        Ruleset ruleset = rulesets.active();
        if (!ruleset.serves(questionnaire.id(), questionnaire.version())) {
            throw new ProblemException(422, "questionnaire-not-served", "The rules do not serve this questionnaire version",
                    "Ruleset " + ruleset.version() + " serves " + ruleset.serves() + "; it cannot score "
                            + questionnaire.key(), List.of(new Violation("/version", "not served by the active rules")));
        }
        ScoreResult result = engine.score(ruleset, questionnaire, answers, scope);
        metrics.scored(result, System.nanoTime() - started);
        return result;
    }

    /**
     * The loaded questionnaire {@code ref} names (the latest version when it names none), or a problem at
     * {@code /questionnaire} or {@code /version}, also when the active rules do not serve that version. A null {@code ref} could not be read: its problem is reported already.
     */
    public Optional<Questionnaire> questionnaire(QuestionnaireRef ref, List<Violation> problems) {
        if (ref == null) {
            return Optional.empty();
        }
        Optional<Questionnaire> found = ref.version() == null ? catalog.latest(ref.id()) : catalog.find(ref.id(), ref.version());
        if (found.isEmpty()) {
            problems.add(new Violation(ref.version() == null ? "/questionnaire" : "/version",
                    "no questionnaire " + RequestBody.abbreviate(ref.id())
                            + (ref.version() == null ? "" : " version " + ref.version())));
        } else if (!rulesets.active().serves(found.get().id(), found.get().version())) {
            problems.add(new Violation("/version", "version " + found.get().version() + " of " + found.get().id()
                    + " is not served by the active rules (rules/ruleset.yaml)"));
            return Optional.empty();
        }
        return found;
    }
}
