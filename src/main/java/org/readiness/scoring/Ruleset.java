package org.readiness.scoring;

import org.kie.api.KieBase;

import java.time.Instant;
import java.util.List;

/**
 * A compiled ruleset. {@code version} is the sha-256 over every rule file's relative path and content,
 * so two rulesets with the same version decide the same way, and a result names the exact rules behind it.
 */
public record Ruleset(String version, Instant loadedAt, String origin, List<RuleFile> files, List<RuleDescription> rules,
                      KieBase kieBase) {
}
