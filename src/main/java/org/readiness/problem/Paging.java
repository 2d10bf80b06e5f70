package org.readiness.problem;

import java.util.List;

/** Page and size query parameters, read the same way by every list endpoint; each problem names its parameter. */
public final class Paging {

    public static final int MAX_PAGE_SIZE = 100;
    public static final int DEFAULT_PAGE_SIZE = 20;

    private Paging() {
    }

    /** A whole number from {@code min} to {@code max}, or {@code fallback} when absent; anything else is a problem. */
    public static int number(String text, String name, int fallback, int min, int max, List<Violation> problems) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        if (!text.matches("[0-9]{1,9}") || Integer.parseInt(text) < min || Integer.parseInt(text) > max) {
            problems.add(new Violation(name, "must be a whole number from " + min
                    + (max == Integer.MAX_VALUE ? " up" : " to " + max) + "; found " + RequestBody.abbreviate(text)));
            return fallback;
        }
        return Integer.parseInt(text);
    }
}
