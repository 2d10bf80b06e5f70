package org.readiness.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import org.readiness.problem.RequestBody;
import org.readiness.problem.Violation;
import org.readiness.scoring.engine.AnswerUpdate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A what-if scoring request as read: the questionnaire named (null when it could not be read), the answers, and the
 * problems met reading the rest of the body. {@link ScoringService#score(ScoreRequest)} adds its own checks and refuses
 * them all together.
 */
public record ScoreRequest(QuestionnaireRef questionnaire, AnswerUpdate answers, List<Violation> problems) {

    private static final Set<String> FIELDS = Set.of("questionnaire", "version", "answers");

    public ScoreRequest {
        problems = List.copyOf(problems);
    }

    /** Reads {@code {"questionnaire": id, "version"?: n, "answers": [...]}}; a body that is no object is refused at once. */
    public static ScoreRequest read(JsonNode body) {
        RequestBody.requireObject(body, "questionnaire and answers");
        List<Violation> problems = new ArrayList<>();
        for (String name : (Iterable<String>) body::fieldNames) {
            if (!FIELDS.contains(name)) {
                problems.add(new Violation("/" + RequestBody.pointerSegment(name), "unknown field; expected questionnaire, version and answers"));
            }
        }
        QuestionnaireRef questionnaire = QuestionnaireRef.read(body, problems);
        return new ScoreRequest(questionnaire, AnswerReader.read(body.get("answers"), "/answers"), problems);
    }
}
