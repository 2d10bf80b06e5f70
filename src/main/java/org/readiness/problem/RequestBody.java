package org.readiness.problem;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Small checks shared by the JSON bodies the API reads field by field, so that every problem is listed. */
public final class RequestBody {

    private RequestBody() {
    }

    /** Refuses at once a body that is not a JSON object: nothing else can be checked. */
    public static void requireObject(JsonNode body, String what) {
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid("The body must be a JSON object with " + what,
                    List.of(new Violation("", "must be a JSON object")));
        }
    }

    public static void unknownFields(JsonNode body, Set<String> known, List<Violation> problems) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(new Violation("/" + pointerSegment(name),
                        "unknown field; expected " + String.join(", ", new TreeSet<>(known))));
            }
        }
    }

    /**
     * A text field: null when absent (and {@code required} is false) or invalid (a problem is added).
     * Surrounding white space is removed; what is left must not be empty.
     */
    public static String text(JsonNode body, String field, boolean required, int maxLength, List<Violation> problems) {
        JsonNode node = body.get(field);
        String at = "/" + field;
        if (node == null || node.isNull()) {
            if (required) {
                problems.add(new Violation(at, "required"));
            }
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new Violation(at, "must be text"));
            return null;
        }
        String text = node.asText().strip();
        if (text.isEmpty()) {
            problems.add(new Violation(at, "must not be blank"));
            return null;
        }
        if (text.length() > maxLength) {
            problems.add(new Violation(at, "must be at most " + maxLength + " characters, found " + text.length()));
            return null;
        }
        return text;
    }

    /** A field name as one segment of a JSON pointer (RFC 6901: "~" and "/" escaped). */
    public static String pointerSegment(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** Echo client text back briefly: enough to recognise it. */
    public static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
