package org.readiness.scoring.facts;

import org.kie.api.definition.rule.Rule;

/**
 * The auditor-facing metadata every rule carries: {@code @id @enabler @rationale @source}, and {@code @priority} (1 is
 * the most urgent) on a rule that makes a next step.
 */
public record RuleMeta(String id, String name, String enabler, String rationale, String source, Integer priority) {

    public static final String[] REQUIRED = {"id", "enabler", "rationale", "source"};

    public static RuleMeta of(Rule rule) {
        String priority = text(rule, "priority");
        return new RuleMeta(text(rule, "id"), rule.getName(), text(rule, "enabler"), text(rule, "rationale"),
                text(rule, "source"), priority == null || !priority.strip().matches("[1-9]") ? null : Integer.valueOf(priority.strip()));
    }

    private static String text(Rule rule, String key) {
        Object value = rule.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
