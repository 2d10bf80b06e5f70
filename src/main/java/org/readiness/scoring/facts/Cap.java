package org.readiness.scoring.facts;

import org.kie.api.definition.rule.Rule;

/** A gate's ruling: the rating of {@code target} (an enabler, a theme or "overall") may not rise above {@code maxBand}. */
public record Cap(String target, Band maxBand, String gate) implements Subject {

    @Override
    public String subject() {
        return target;
    }

    public static Cap of(Rule gateRule, String target, Band maxBand) {
        return new Cap(target, maxBand, RuleMeta.of(gateRule).id());
    }

    public String getTarget() {
        return target;
    }

    public Band getMaxBand() {
        return maxBand;
    }

    public String getGate() {
        return gate;
    }

    @Override
    public String toString() {
        return "Cap " + target + " at " + maxBand + " by " + gate;
    }
}
