package org.readiness.ruleset;

import org.readiness.problem.Refusal;
import org.readiness.problem.ProblemException;
import org.readiness.problem.Violation;

import java.util.List;
import java.util.Optional;

/** A ruleset that cannot be used. Each fault names the file and line where Drools or our checks found it. */
public class RulesetException extends RuntimeException implements Refusal {

    private final List<RulesetFault> faults;
    private final String version;

    public RulesetException(String origin, List<RulesetFault> faults) {
        this(origin, faults, null);
    }

    /** @param version the digest of the refused files (as a ruleset's version), for the audit log; null if unread */
    public RulesetException(String origin, List<RulesetFault> faults, String version) {
        super("Ruleset " + origin + " cannot be used:\n  - "
                + String.join("\n  - ", faults.stream().map(RulesetFault::toString).toList()));
        this.faults = List.copyOf(faults);
        this.version = version;
    }

    /** The version the refused files would have had, when they could be read. */
    public Optional<String> version() {
        return Optional.ofNullable(version);
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
