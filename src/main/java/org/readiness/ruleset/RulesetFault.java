package org.readiness.ruleset;

/** One reason a ruleset cannot be used: the file (relative to the rules folder's parent) and line, when known. */
public record RulesetFault(String file, int line, String message) {

    @Override
    public String toString() {
        return (file == null ? "" : file + (line > 0 ? ":" + line : "") + ": ") + message;
    }
}
