package org.readiness.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import org.readiness.problem.RequestBody;
import org.readiness.problem.Violation;
import org.readiness.scoring.engine.AnswerInput;
import org.readiness.scoring.engine.AnswerUpdate;
import org.readiness.scoring.facts.AnswerKind;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a JSON array of answers (what-if scoring, saving a draft) into typed answers. It reads the tree by hand, not by
 * binding, because binding stops at the first type error and the API lists every problem in one answer.
 */
public final class AnswerReader {

    private static final Set<String> FIELDS = Set.of("question", "value", "evidence");

    private AnswerReader() {
    }

    /**
     * @param answers the array node (may be null or of the wrong type: that is reported too)
     * @param at      the JSON pointer of {@code answers} in the request body, such as "/answers"
     */
    public static AnswerUpdate read(JsonNode answers, String at) {
        List<Violation> problems = new ArrayList<>();
        if (answers == null || answers.isNull() || answers.isMissingNode()) {
            problems.add(new Violation(at, "required: a list of answers"));
            return new AnswerUpdate(List.of(), problems);
        }
        if (!answers.isArray()) {
            problems.add(new Violation(at, "must be a list of answers"));
            return new AnswerUpdate(List.of(), problems);
        }
        List<AnswerInput> read = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            String here = at + "/" + i;
            JsonNode answer = answers.get(i);
            if (!answer.isObject()) {
                problems.add(new Violation(here, "must be an object with question, value and optional evidence"));
                read.add(AnswerInput.UNREADABLE);
                continue;
            }
            unknownFields(answer, here, problems);
            String question = question(answer.get("question"), here + "/question", problems);
            JsonNode value = answer.get("value");
            AnswerKind kind = kind(value, here + "/value", problems);
            String evidence = evidence(answer.get("evidence"), here + "/evidence", problems);
            read.add(new AnswerInput(question, kind, kind == AnswerKind.SCORED ? value.intValue() : null, evidence));
        }
        return new AnswerUpdate(read, problems);
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

    private static String question(JsonNode node, String at, List<Violation> problems) {
        if (node == null || node.isNull()) {
            problems.add(new Violation(at, "required: the id of an item"));
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new Violation(at, "must be the id of an item, as text"));
            return null;
        }
        return node.asText();
    }

    private static AnswerKind kind(JsonNode node, String at, List<Violation> problems) {
        if (node == null || node.isNull()) {
            problems.add(new Violation(at, AnswerInput.VALUE_REQUIRED));
            return null;
        }
        if (node.isTextual()) {
            return AnswerInput.textValue(node.asText(), at, problems);
        }
        if (!node.isNumber()) {
            problems.add(new Violation(at, "must be a number on the item's scale, \"NA\" or \"DONT_KNOW\""));
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            problems.add(new Violation(at, "must be a whole number on the item's scale, found "
                    + RequestBody.abbreviate(node.asText())));
            return null;
        }
        return AnswerKind.SCORED;
    }

    private static String evidence(JsonNode node, String at, List<Violation> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new Violation(at, "must be text"));
            return null;
        }
        return AnswerInput.evidence(node.asText(), at, problems);
    }
}
