package org.readiness.scoring.engine;

import org.readiness.problem.Violation;

import java.util.List;

/**
 * The answers of a request as read, in the order sent (an answer's index is its place in the request), and every
 * problem met reading them. The problems are not refused at once: the questionnaire's checks
 * ({@link AnswerValidator}) add theirs, and the client learns all of them from one answer.
 */
public record AnswerUpdate(List<AnswerInput> answers, List<Violation> problems) {

    public AnswerUpdate {
        answers = List.copyOf(answers);
        problems = List.copyOf(problems);
    }
}
