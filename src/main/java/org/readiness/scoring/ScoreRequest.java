package org.readiness.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import org.readiness.problem.RequestBody;
import org.readiness.problem.Violation;
import org.readiness.scoring.engine.AnswerUpdate;
import org.readiness.scoring.facts.Scope;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A what-if scoring request as read: the questionnaire named (null when it could not be read), the answers, and the
 * problems met reading the rest of the body. {@link ScoringService#score(ScoreRequest)} adds its own checks and refuses
 * them all together.
 */
public record ScoreRequest(QuestionnaireRef questionnaire, String scope, AnswerUpdate answers, List<Violation> problems) {

    private static final Set<String> FIELDS = Set.of("questionnaire", "version", "scope", "answers");

    public ScoreRequest {
        problems = List.copyOf(problems);
    }

    /**
     * Reads {@code {"questionnaire": id, "version"?: n, "scope"?: "service area", "answers": [...]}}; a body that is no
     * object is refused at once. Without a scope the answers are for the whole organisation.
     */
    public static ScoreRequest read(JsonNode body) {
        RequestBody.requireObject(body, "questionnaire and answers");
        List<Violation> problems = new ArrayList<>();
        for (String name : (Iterable<String>) body::fieldNames) {
            if (!FIELDS.contains(name)) {
                problems.add(new Violation("/" + RequestBody.pointerSegment(name), "unknown field; expected questionnaire, version, scope and answers"));
            }
        }
        QuestionnaireRef questionnaire = QuestionnaireRef.read(body, problems);
        String scope = RequestBody.text(body, "scope", false, Scope.MAX_AREA, problems);
        return new ScoreRequest(questionnaire, scope, AnswerReader.read(body.get("answers"), "/answers"), problems);
    }
}
