package org.readiness.scoring.engine;

import com.fasterxml.jackson.databind.JsonNode;
import org.readiness.problem.RequestBody;
import org.readiness.problem.Violation;
import org.readiness.questionnaire.Questionnaire;
import org.readiness.questionnaire.Questionnaire.Placement;
import org.readiness.scoring.facts.AnswerKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a JSON array of answers against a questionnaire and reports every problem with a JSON pointer,
 * so that a client learns all that is wrong from one response. The same check serves what-if scoring and
 * saving answers to a draft.
 */
public final class AnswerValidator {

    public static final String NOT_APPLICABLE = "NA";
    public static final String DONT_KNOW = "DONT_KNOW";
    public static final int MAX_EVIDENCE_LENGTH = 5_000;
    private static final Set<String> FIELDS = Set.of("question", "value", "evidence");

    /**
     * @param answers the array node (may be null or of the wrong type: that is reported too)
     * @param at      the JSON pointer of {@code answers} in the request body, such as "/answers"
     * @return the valid answers; when {@code problems} grew, the caller must not use them
     */
    public List<GivenAnswer> validate(Questionnaire questionnaire, JsonNode answers, String at, List<Violation> problems) {
        if (answers == null || answers.isNull() || answers.isMissingNode()) {
            problems.add(new Violation(at, "required: a list of answers"));
            return List.of();
        }
        if (!answers.isArray()) {
            problems.add(new Violation(at, "must be a list of answers"));
            return List.of();
        }
        Map<String, Placement> items = questionnaire.itemsById();
        Map<String, Integer> firstSeen = new HashMap<>();
        List<GivenAnswer> valid = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            String here = at + "/" + i;
            JsonNode answer = answers.get(i);
            if (!answer.isObject()) {
                problems.add(new Violation(here, "must be an object with question, value and optional evidence"));
                continue;
            }
            int before = problems.size();
            unknownFields(answer, here, problems);
            Placement placement = question(answer.get("question"), here, items, questionnaire, problems);
            if (placement != null) {
                Integer earlier = firstSeen.putIfAbsent(placement.item().id(), i);
                if (earlier != null) {
                    problems.add(new Violation(here + "/question", "question " + placement.item().id()
                            + " is answered more than once (first at " + at + "/" + earlier + ")"));
                }
            }
            GivenAnswer given = value(answer.get("value"), here, placement, problems);
            String evidence = evidence(answer.get("evidence"), here, problems);
            if (problems.size() == before && given != null) {
                valid.add(new GivenAnswer(given.question(), given.kind(), given.value(), evidence));
            }
        }
        return List.copyOf(valid);
    }

    private static void unknownFields(JsonNode answer, String here, List<Violation> problems) {
        for (Iterator<String> names = answer.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                problems.add(new Violation(here + "/" + RequestBody.pointerSegment(name), "unknown field; an answer has only "
                        + FIELDS.stream().sorted().collect(Collectors.joining(", "))));
            }
        }
    }

    private static Placement question(JsonNode node, String here, Map<String, Placement> items,
                                      Questionnaire questionnaire, List<Violation> problems) {
        if (node == null || node.isNull()) {
            problems.add(new Violation(here + "/question", "required: the id of an item"));
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new Violation(here + "/question", "must be the id of an item, as text"));
            return null;
        }
        Placement placement = items.get(node.asText());
        if (placement == null) {
            problems.add(new Violation(here + "/question", "questionnaire " + questionnaire.id() + " version "
                    + questionnaire.version() + " has no question " + abbreviate(node.asText())));
        }
        return placement;
    }

    private static GivenAnswer value(JsonNode node, String here, Placement placement, List<Violation> problems) {
        String at = here + "/value";
        if (node == null || node.isNull()) {
            problems.add(new Violation(at, "required: a number on the item's scale, \"NA\" or \"DONT_KNOW\""));
            return null;
        }
        if (node.isTextual()) {
            String text = node.asText();
            if (DONT_KNOW.equals(text)) {
                return placement == null ? null : new GivenAnswer(placement.item().id(), AnswerKind.DONT_KNOW, null, null);
            }
            if (NOT_APPLICABLE.equals(text)) {
                if (placement != null && !placement.item().allowNotApplicable()) {
                    problems.add(new Violation(at, "question " + placement.item().id()
                            + " applies to every organisation; answer it, or say \"DONT_KNOW\""));
                    return null;
                }
                return placement == null ? null : new GivenAnswer(placement.item().id(), AnswerKind.NOT_APPLICABLE, null, null);
            }
            problems.add(new Violation(at, "must be a number on the item's scale, \"NA\" or \"DONT_KNOW\"; a number must not be sent as text"));
            return null;
        }
        if (!node.isNumber()) {
            problems.add(new Violation(at, "must be a number on the item's scale, \"NA\" or \"DONT_KNOW\""));
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            problems.add(new Violation(at, "must be a whole number on the item's scale, found " + abbreviate(node.asText())));
            return null;
        }
        int value = node.intValue();
        if (placement == null) {
            return null;
        }
        if (placement.item().pointFor(value).isEmpty()) {
            problems.add(new Violation(at, (Questionnaire.Item.PERCENTAGE.equals(placement.item().type())
                    ? "must be a whole percentage from 0 to 100"
                    : "must be one of " + placement.item().scale().stream().map(p -> String.valueOf(p.value()))
                    .collect(Collectors.joining(", "))) + " for question " + placement.item().id() + ", found " + value));
            return null;
        }
        return new GivenAnswer(placement.item().id(), AnswerKind.SCORED, value, null);
    }

    private static String evidence(JsonNode node, String here, List<Violation> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new Violation(here + "/evidence", "must be text"));
            return null;
        }
        if (node.asText().length() > MAX_EVIDENCE_LENGTH) {
            problems.add(new Violation(here + "/evidence", "must be at most " + MAX_EVIDENCE_LENGTH
                    + " characters, found " + node.asText().length()));
            return null;
        }
        return node.asText();
    }

    /** Echo client text back briefly: enough to recognise it, never a 100,000-character error. */
    public static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
