package org.readiness.scoring.engine;

import org.readiness.scoring.facts.RuleMeta;

/** A rule as an auditor reads it: its metadata (with the priority of the steps it makes), where it is written, and its DRL text. */
public record RuleDescription(String id, String name, String enabler, String rationale, String source,
                              Integer priority, String drlPackage, String file, int line, String drl) {

    public static RuleDescription of(RuleMeta meta, String drlPackage, RuleFile file, int line, String drl) {
        return new RuleDescription(meta.id(), meta.name(), meta.enabler(), meta.rationale(), meta.source(), meta.priority(),
                drlPackage,
                file == null ? null : file.path(), line, drl);
    }
}
