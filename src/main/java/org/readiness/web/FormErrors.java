package org.readiness.web;

import org.readiness.problem.ProblemException;
import org.readiness.problem.Violation;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The problems to show on a page with the GOV.UK error summary, each linked to its field. The services report
 * problems as {@link Violation}s with JSON pointers into the request they were given; the page that built that
 * request knows which field each pointer came from.
 */
public record FormErrors(String title, List<FieldError> items) {

    public static final FormErrors NONE = new FormErrors("", List.of());

    public static FormErrors of(FieldError... items) {
        return new FormErrors("There is a problem", List.of(items));
    }

    /**
     * The problems of {@code e}, each placed by {@code field} (pointer to field id and the words to put before the
     * service's own); a problem without violations becomes one line linked to {@code fallbackField}.
     */
    public static FormErrors of(ProblemException e, Function<Violation, FieldError> field, String fallbackField) {
        if (e.violations().isEmpty()) {
            return new FormErrors("There is a problem", List.of(new FieldError(fallbackField, e.getMessage())));
        }
        return new FormErrors("There is a problem", e.violations().stream().map(field).toList());
    }

    public boolean any() {
        return !items.isEmpty();
    }

    public boolean has(String field) {
        return items.stream().anyMatch(i -> i.field().equals(field));
    }

    /** The message shown next to the field: the first problem about it. */
    public String message(String field) {
        return find(field).map(FieldError::text).orElse("");
    }

    private Optional<FieldError> find(String field) {
        return items.stream().filter(i -> i.field().equals(field)).findFirst();
    }
}
