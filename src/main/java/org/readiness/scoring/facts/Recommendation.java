package org.readiness.scoring.facts;

import org.kie.api.definition.rule.Rule;

/**
 * A next step. Its rationale and report source are the metadata of the rule that made it, so the
 * reason shown to a site is the reason an auditor reads in the rule.
 */
public record Recommendation(String id, String enabler, int priority, String title, String text,
                             String rationale, String source, String rule) implements Subject {

    @Override
    public String subject() {
        return enabler;
    }

    /** For a rule about one enabler: the enabler is the rule's own {@code @enabler}. */
    public static Recommendation of(Rule rule, int priority, String title, String text) {
        return of(rule, RuleMeta.of(rule).enabler(), priority, title, text);
    }

    /** For a rule that applies to any enabler: the enabler is the one the rule matched. */
    public static Recommendation of(Rule rule, String enabler, int priority, String title, String text) {
        RuleMeta meta = RuleMeta.of(rule);
        return new Recommendation(meta.id(), enabler, priority, title, text, meta.rationale(), meta.source(), meta.id());
    }

    public String getId() {
        return id;
    }

    public String getEnabler() {
        return enabler;
    }

    public int getPriority() {
        return priority;
    }

    @Override
    public String toString() {
        return "Recommendation " + id + " for " + enabler + " (priority " + priority + ")";
    }
}
