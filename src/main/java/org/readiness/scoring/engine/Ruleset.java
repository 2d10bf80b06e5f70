package org.readiness.scoring.engine;

import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSessionsPool;
import org.readiness.scoring.facts.Conventions;
import org.readiness.scoring.facts.RuleMeta;

import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A compiled ruleset. {@code version} is the sha-256 over every file's relative path and content (the DRL files and
 * scoring/bands.yaml), so two rulesets with the same version decide the same way, and a result names the exact rules
 * behind it. {@code conventionsFile} is what its scoring/bands.yaml says, empty for a ruleset kept from before that
 * file. {@code sessions} hands out reset sessions over the KieBase, each used by one scoring at a time;
 * {@code metadata} holds each rule's auditor metadata, read once here rather than from the rule's map on every firing.
 */
public record Ruleset(String version, Instant loadedAt, String origin, List<RuleFile> files, List<RuleDescription> rules,
                      KieBase kieBase, Optional<Conventions> conventionsFile, Map<String, Set<Integer>> serves,
                      Map<Rule, RuleMeta> metadata, KieSessionsPool sessions) {

    /** Sessions kept for reuse: creating one sets up every node's memory, a large part of a scoring's cost. */
    private static final int POOLED_SESSIONS = 4;

    /** A ruleset kept from before ruleset.yaml, which serves every questionnaire version. */
    public Ruleset(String version, Instant loadedAt, String origin, List<RuleFile> files, List<RuleDescription> rules,
                   KieBase kieBase, Optional<Conventions> conventionsFile) {
        this(version, loadedAt, origin, files, rules, kieBase, conventionsFile, Map.of());
    }

    /** @param serves the questionnaire versions it serves, by questionnaire id; empty when it declares none (every one) */
    public Ruleset(String version, Instant loadedAt, String origin, List<RuleFile> files, List<RuleDescription> rules,
                   KieBase kieBase, Optional<Conventions> conventionsFile, Map<String, Set<Integer>> serves) {
        this(version, loadedAt, origin, files, rules, kieBase, conventionsFile, Map.copyOf(serves), metadataOf(kieBase),
                kieBase == null ? null : kieBase.newKieSessionsPool(POOLED_SESSIONS));
    }

    /** True when these rules were written for version {@code version} of questionnaire {@code id}. */
    public boolean serves(String id, int version) {
        return serves.isEmpty() || serves.getOrDefault(id, Set.of()).contains(version);
    }

    /**
     * The scale, band ladder and coverage minimum these rules apply: their scoring/bands.yaml, or for a ruleset kept
     * from before that file, the numbers its DRL spelled out.
     */
    public Conventions conventions() {
        return conventionsFile.orElse(Conventions.BEFORE_THE_FILE);
    }

    /** The metadata of a rule of this ruleset (read afresh for a rule object the KieBase did not list). */
    public RuleMeta meta(Rule rule) {
        RuleMeta meta = metadata.get(rule);
        return meta != null ? meta : RuleMeta.of(rule);
    }

    private static Map<Rule, RuleMeta> metadataOf(KieBase kieBase) {
        Map<Rule, RuleMeta> byRule = new IdentityHashMap<>();
        if (kieBase != null) {
            for (KiePackage pkg : kieBase.getKiePackages()) {
                pkg.getRules().forEach(rule -> byRule.put(rule, RuleMeta.of(rule)));
            }
        }
        return Collections.unmodifiableMap(byRule);
    }
}
