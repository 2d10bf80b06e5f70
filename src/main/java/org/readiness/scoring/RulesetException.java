package org.readiness.scoring;

import java.util.List;

/** A ruleset that cannot be used. Each fault names the file and line where Drools or our checks found it. */
public class RulesetException extends RuntimeException {

    private final List<String> faults;

    public RulesetException(String origin, List<String> faults) {
        super("Ruleset " + origin + " cannot be used:\n  - " + String.join("\n  - ", faults));
        this.faults = List.copyOf(faults);
    }

    public List<String> faults() {
        return faults;
    }
}
