package org.readiness.scoring.engine;

import org.readiness.problem.RequestBody;
import org.readiness.problem.Violation;
import org.readiness.questionnaire.Questionnaire;
import org.readiness.questionnaire.Questionnaire.Placement;
import org.readiness.scoring.facts.AnswerKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks answers, as read, against a questionnaire (unknown question, the same question twice, a value off the item's
 * scale, NA where the item does not allow it) and reports every problem with a JSON pointer, together with those met
 * reading them, so that a client learns all that is wrong from one response. The same check serves what-if scoring and
 * saving answers to a draft.
 */
public final class AnswerValidator {

    public static final String NOT_APPLICABLE = AnswerInput.NOT_APPLICABLE;
    public static final String DONT_KNOW = AnswerInput.DONT_KNOW;
    public static final int MAX_EVIDENCE_LENGTH = AnswerInput.MAX_EVIDENCE_LENGTH;

    /**
     * @param at the JSON pointer of the answers in the request body, such as "/answers"
     * @return the valid answers; when {@code problems} grew, the caller must not use them
     */
    public List<GivenAnswer> validate(Questionnaire questionnaire, AnswerUpdate update, String at, List<Violation> problems) {
        Map<String, Placement> items = questionnaire.itemsById();
        Map<String, Integer> firstSeen = new HashMap<>();
        List<Violation> found = new ArrayList<>(update.problems());
        List<GivenAnswer> valid = new ArrayList<>();
        for (int i = 0; i < update.answers().size(); i++) {
            AnswerInput answer = update.answers().get(i);
            String here = at + "/" + i;
            if (answer.question() == null) {
                continue;
            }
            Placement placement = items.get(answer.question());
            if (placement == null) {
                found.add(new Violation(here + "/question", "questionnaire " + questionnaire.id() + " version "
                        + questionnaire.version() + " has no question " + RequestBody.abbreviate(answer.question())));
                continue;
            }
            Integer earlier = firstSeen.putIfAbsent(placement.item().id(), i);
            if (earlier != null) {
                found.add(new Violation(here + "/question", "question " + placement.item().id()
                        + " is answered more than once (first at " + at + "/" + earlier + ")"));
            }
            if (answer.kind() != null && onScale(answer, placement.item(), here + "/value", found)) {
                valid.add(new GivenAnswer(placement.item().id(), answer.kind(), answer.value(), answer.evidence()));
            }
        }
        problems.addAll(inAnswerOrder(found, at));
        return List.copyOf(valid);
    }

    private static boolean onScale(AnswerInput answer, Questionnaire.Item item, String at, List<Violation> problems) {
        if (answer.kind() == AnswerKind.NOT_APPLICABLE && !item.allowNotApplicable()) {
            problems.add(new Violation(at, "question " + item.id()
                    + " applies to every organisation; answer it, or say \"DONT_KNOW\""));
            return false;
        }
        if (answer.kind() == AnswerKind.SCORED && item.pointFor(answer.value()).isEmpty()) {
            problems.add(new Violation(at, (Questionnaire.Item.PERCENTAGE.equals(item.type())
                    ? "must be a whole percentage from 0 to 100"
                    : "must be one of " + item.scale().stream().map(p -> String.valueOf(p.value()))
                    .collect(Collectors.joining(", "))) + " for question " + item.id() + ", found " + answer.value()));
            return false;
        }
        return true;
    }

    /**
     * Problems met reading and checking, as one pass over the answers would list them: anything outside the answers
     * first, then answer by answer its unknown fields, question, value and evidence (a stable sort keeps each one's order).
     */
    private static List<Violation> inAnswerOrder(List<Violation> problems, String at) {
        List<String> fields = List.of("question", "value", "evidence");
        List<Violation> ordered = new ArrayList<>(problems);
        ordered.sort(Comparator.<Violation>comparingLong(v -> {
            if (!v.pointer().startsWith(at + "/")) {
                return v.pointer().equals(at) ? -1 : -2;
            }
            String[] segments = v.pointer().substring(at.length() + 1).split("/", -1);
            long index = segments[0].matches("[0-9]{1,9}") ? Long.parseLong(segments[0]) : -1;
            return index * 4 + (segments.length > 1 ? fields.indexOf(segments[1]) + 1 : 0);
        }));
        return ordered;
    }
}
