package org.readiness.scoring.facts;

import org.kie.api.definition.rule.Rule;

/** The auditor-facing metadata every rule carries: {@code @id @enabler @rationale @source}. */
public record RuleMeta(String id, String name, String enabler, String rationale, String source) {

    public static final String[] REQUIRED = {"id", "enabler", "rationale", "source"};

    public static RuleMeta of(Rule rule) {
        return new RuleMeta(text(rule, "id"), rule.getName(), text(rule, "enabler"), text(rule, "rationale"),
                text(rule, "source"));
    }

    private static String text(Rule rule, String key) {
        Object value = rule.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
