package org.readiness.scoring;

import org.readiness.scoring.engine.AnswerValidator;
import org.readiness.scoring.engine.GivenAnswer;
import org.readiness.ruleset.RulesetService;
import org.readiness.scoring.engine.ScoreResult;
import org.readiness.scoring.engine.ScoringEngine;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.readiness.scoring.ScoringMetrics;
import org.readiness.problem.ProblemException;
import org.readiness.problem.RequestBody;
import org.readiness.problem.Violation;
import org.readiness.questionnaire.Questionnaire;
import org.readiness.questionnaire.QuestionnaireCatalog;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Validates a scoring request in full, then scores it under the active ruleset. */
@ApplicationScoped
public class ScoringService {

    private static final Set<String> FIELDS = Set.of("questionnaire", "version", "answers");

    @Inject
    QuestionnaireCatalog catalog;

    @Inject
    RulesetService rulesets;

    @Inject
    ScoringMetrics metrics;

    private final ScoringEngine engine = new ScoringEngine();
    private final AnswerValidator validator = new AnswerValidator();

    /** What-if scoring of {@code {"questionnaire": id, "version"?: n, "answers": [...]}}; stores nothing. */
    public ScoreResult score(JsonNode body) {
        List<Violation> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid("The body must be a JSON object with questionnaire and answers",
                    List.of(new Violation("", "must be a JSON object")));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                problems.add(new Violation("/" + RequestBody.pointerSegment(name), "unknown field; expected questionnaire, version and answers"));
            }
        }
        Optional<Questionnaire> questionnaire = questionnaire(body, problems);
        List<GivenAnswer> answers = questionnaire
                .map(q -> validator.validate(q, body.get("answers"), "/answers", problems))
                .orElse(List.of());
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems.size() + " problem(s) found in the answers", problems);
        }
        return score(questionnaire.orElseThrow(), answers);
    }

    public ScoreResult score(Questionnaire questionnaire, List<GivenAnswer> answers) {
        long started = System.nanoTime();
        ScoreResult result = engine.score(rulesets.active(), questionnaire, answers);
        metrics.scored(result, System.nanoTime() - started);
        return result;
    }

    /**
     * Resolves {@code /questionnaire} and optional {@code /version} of a request body to a loaded questionnaire
     * (the latest version when none is given), adding a problem with a pointer when it cannot.
     */
    public Optional<Questionnaire> questionnaire(JsonNode body, List<Violation> problems) {
        JsonNode id = body.get("questionnaire");
        JsonNode version = body.get("version");
        boolean versionOk = true;
        if (version != null && !version.isNull() && !(version.isIntegralNumber() && version.canConvertToInt() && version.intValue() >= 1)) {
            problems.add(new Violation("/version", "must be a whole number of 1 or more"));
            versionOk = false;
        }
        if (id == null || id.isNull()) {
            problems.add(new Violation("/questionnaire", "required: the id of a questionnaire"));
            return Optional.empty();
        }
        if (!id.isTextual()) {
            problems.add(new Violation("/questionnaire", "must be the id of a questionnaire, as text"));
            return Optional.empty();
        }
        if (!versionOk) {
            return Optional.empty();
        }
        Optional<Questionnaire> found = version == null || version.isNull()
                ? catalog.latest(id.asText())
                : catalog.find(id.asText(), version.intValue());
        if (found.isEmpty()) {
            problems.add(new Violation(version == null || version.isNull() ? "/questionnaire" : "/version",
                    "no questionnaire " + AnswerValidator.abbreviate(id.asText())
                            + (version == null || version.isNull() ? "" : " version " + version.intValue())));
        }
        return found;
    }
}
