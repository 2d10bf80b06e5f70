package org.readiness.scoring;

import org.readiness.problem.ProblemException;
import org.readiness.problem.Violation;

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

    /** The 422 a client gets for a ruleset it asked for that cannot be used: one pointer (file:line) per fault. */
    public ProblemException toProblem(String title, String detail) {
        return new ProblemException(422, "ruleset-invalid", title, detail, faults.stream()
                .map(f -> new Violation(f.file() + (f.line() > 0 ? ":" + f.line() : ""), f.message())).toList());
    }
}
