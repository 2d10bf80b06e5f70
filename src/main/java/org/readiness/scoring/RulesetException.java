package org.readiness.scoring;

import java.util.List;

/** A ruleset that cannot be used. Each fault names the file and line where Drools or our checks found it. */
public class RulesetException extends RuntimeException {

    private final List<RulesetFault> faults;

    public RulesetException(String origin, List<RulesetFault> faults) {
        super("Ruleset " + origin + " cannot be used:\n  - "
                + String.join("\n  - ", faults.stream().map(RulesetFault::toString).toList()));
        this.faults = List.copyOf(faults);
    }

    public List<RulesetFault> faults() {
        return faults;
    }
}
