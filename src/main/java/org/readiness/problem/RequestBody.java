package org.readiness.problem;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Small checks shared by the JSON bodies the API reads field by field, so that every problem is listed. */
public final class RequestBody {

    private RequestBody() {
    }

    /** The one problem of a body that is not a JSON object: nothing else in it can be checked. */
    public static final Violation NOT_AN_OBJECT = new Violation("", "must be a JSON object");

    /** Refuses at once a body that is not a JSON object: nothing else can be checked. */
    public static void requireObject(JsonNode body, String what) {
        if (body == null || !body.isObject()) {
            throw notAnObject(what);
        }
    }

    private static ProblemException notAnObject(String what) {
        return ProblemException.invalid("The body must be a JSON object with " + what, List.of(NOT_AN_OBJECT));
    }

    /**
     * Refuses every problem in one answer, if there is any. A body that was not a JSON object (its reading found
     * only {@link #NOT_AN_OBJECT}) is refused as {@link #requireObject} refuses it, naming {@code fields}.
     */
    public static void refuseAny(List<Violation> problems, String fields, String what) {
        if (problems.equals(List.of(NOT_AN_OBJECT))) {
            throw notAnObject(fields);
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems.size() + " problem(s) found in " + what, problems);
        }
    }

    /**
     * Problems found reading a body and those its service found checking it, in the order of the top-level fields
     * they name ({@code fields}, a group per rank); problems at any other pointer (unknown fields) come first. The sort
     * is stable, so the problems of one field keep the order they were found in.
     */
    public static List<Violation> inFieldOrder(List<Violation> problems, List<List<String>> fields) {
        List<Violation> ordered = new ArrayList<>(problems);
        ordered.sort(Comparator.comparingInt(v -> {
            String[] segments = v.pointer().split("/", -1);
            for (int rank = 0; segments.length > 1 && rank < fields.size(); rank++) {
                if (fields.get(rank).contains(segments[1])) {
                    return rank + 1;
                }
            }
            return 0;
        }));
        return ordered;
    }

    public static void unknownFields(JsonNode body, Set<String> known, List<Violation> problems) {
        unknownFields(body, "", known, problems);
    }

    /** The same for an object inside the body, at pointer {@code at}. */
    public static void unknownFields(JsonNode node, String at, Set<String> known, List<Violation> problems) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                problems.add(new Violation(at + "/" + pointerSegment(name),
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
        if (node != null && !node.isNull() && !node.isTextual()) {
            problems.add(new Violation("/" + field, "must be text"));
            return null;
        }
        return text(node == null || node.isNull() ? null : node.asText(), "/" + field, required, maxLength, problems);
    }

    /** As {@link #text(JsonNode, String, boolean, int, List)}, for a value a form sent as text ({@code null}: absent). */
    public static String text(String value, String at, boolean required, int maxLength, List<Violation> problems) {
        if (value == null) {
            if (required) {
                problems.add(new Violation(at, "required"));
            }
            return null;
        }
        String text = value.strip();
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
