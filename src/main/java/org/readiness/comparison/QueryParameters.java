package org.readiness.comparison;

import jakarta.ws.rs.core.MultivaluedMap;
import org.readiness.problem.ProblemException;
import org.readiness.problem.RequestBody;
import org.readiness.problem.Violation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads query parameters for the comparison and progress views and collects every problem, each named by its
 * parameter, so that a client fixes a query in one round trip (400 problem+json, like a body's problems).
 * An unknown parameter is a problem too: a misspelt filter silently ignored would widen the cohort unseen.
 */
final class QueryParameters {

    private final MultivaluedMap<String, String> query;
    private final List<Violation> problems;

    QueryParameters(MultivaluedMap<String, String> query, Set<String> known, List<Violation> problems) {
        this.query = query;
        this.problems = problems;
        for (String name : new TreeSet<>(query.keySet())) {
            if (!known.contains(name)) {
                problems.add(new Violation(name, "unknown parameter; expected " + String.join(", ", new TreeSet<>(known))));
            } else if (query.get(name).size() > 1) {
                problems.add(new Violation(name, "given " + query.get(name).size() + " times; give it once"));
            }
        }
    }

    /** A text parameter, null when absent; blank or longer than {@code max} is a problem. */
    String text(String name, int max) {
        String value = query.getFirst(name);
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.isEmpty() || stripped.length() > max) {
            problems.add(new Violation(name, "must be 1 to " + max + " characters; found "
                    + (stripped.isEmpty() ? "nothing" : stripped.length() + " characters")));
            return null;
        }
        return stripped;
    }

    Integer positiveInt(String name) {
        String value = text(name, 9);
        if (value == null) {
            return null;
        }
        if (!value.matches("[1-9][0-9]{0,8}")) {
            problems.add(new Violation(name, "must be a whole number from 1; found " + RequestBody.abbreviate(value)));
            return null;
        }
        return Integer.valueOf(value);
    }

    Boolean bool(String name) {
        String value = text(name, 5);
        if (value == null) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            problems.add(new Violation(name, "must be true or false; found " + RequestBody.abbreviate(value)));
            return null;
        }
        return Boolean.valueOf(value);
    }

    /** A month (YYYY-MM) or a day (YYYY-MM-DD), the forms an assessment's period takes. */
    String period(String name) {
        String value = text(name, 10);
        if (value == null) {
            return null;
        }
        try {
            if (value.matches("[0-9]{4}-[0-9]{2}")) {
                YearMonth.parse(value);
                return value;
            }
            if (value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                LocalDate.parse(value);
                return value;
            }
        } catch (DateTimeException e) {
            // reported below
        }
        problems.add(new Violation(name, "must be a month (YYYY-MM) or a day (YYYY-MM-DD); found "
                + RequestBody.abbreviate(value)));
        return null;
    }

    <E extends Enum<E>> E oneOf(String name, Class<E> type) {
        String value = text(name, 40);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problems.add(new Violation(name, "must be one of " + String.join(", ",
                    java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + "; found "
                    + RequestBody.abbreviate(value)));
            return null;
        }
    }

    void add(String name, String detail) {
        problems.add(new Violation(name, detail));
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems.size() + " problem(s) found in the query parameters", problems);
        }
    }
}
