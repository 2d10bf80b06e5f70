package org.readiness.problem;

import java.util.List;

/** Thrown by services for a request that cannot be honoured; mapped to a problem+json response. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Violation> violations;

    public ProblemException(int status, String slug, String title, String detail, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public static ProblemException invalid(String detail, List<Violation> violations) {
        return new ProblemException(400, "invalid-request", "The request is not valid", detail, violations);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail, List.of());
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.type(slug), title, status, getMessage(), instance, violations);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** Every problem found, each with a JSON pointer or parameter name: the web pages link each to its field. */
    public List<Violation> violations() {
        return violations;
    }
}
