package org.readiness.scoring.facts;

import org.kie.api.definition.rule.Rule;

/**
 * A next step. Its rationale, report source and priority are the metadata of the rule that made it, so the
 * reason shown to a site is the reason an auditor reads in the rule. Steps from rulesets of version 2 on also say who
 * usually owns them, how soon they can be done and what would show they are done; older rulesets' steps say none of
 * these (null), and their stored results stay as they were.
 */
public record Recommendation(String id, String enabler, int priority, String title, String text,
                             String rationale, String source, String rule, String owner, Horizon horizon,
                             String doneWhen) implements Subject {

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
        return new Recommendation(meta.id(), enabler, priority, title, text, meta.rationale(), meta.source(), meta.id(),
                null, null, null);
    }

    /** A step about the rule's own {@code @enabler}, at the rule's {@code @priority}. */
    public static Recommendation step(Rule rule, String title, String text, String owner, Horizon horizon, String doneWhen) {
        return step(rule, RuleMeta.of(rule).enabler(), title, text, owner, horizon, doneWhen);
    }

    /** A step about {@code enabler}, for a rule that applies to any enabler, at the rule's {@code @priority}. */
    public static Recommendation step(Rule rule, String enabler, String title, String text, String owner, Horizon horizon,
                                      String doneWhen) {
        RuleMeta meta = RuleMeta.of(rule);
        if (meta.priority() == null) {
            throw new IllegalStateException("rule " + meta.id() + " makes a next step but has no @priority from 1 to 9");
        }
        return new Recommendation(meta.id(), enabler, meta.priority(), title, text, meta.rationale(), meta.source(),
                meta.id(), owner, horizon, doneWhen);
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
