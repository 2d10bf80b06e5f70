package org.readiness.problem;

/** One thing wrong with a request: where (an RFC 6901 JSON pointer into the body, or a parameter name) and what. */
public record Violation(String pointer, String detail) {
}
