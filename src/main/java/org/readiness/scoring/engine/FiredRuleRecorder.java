package org.readiness.scoring.engine;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.readiness.scoring.facts.RuleMeta;
import org.readiness.scoring.facts.Subject;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Records, in firing order, each rule that fired and the facts its match held. One per scoring session.
 * Plain loops rather than streams: this runs for every firing of every scoring.
 */
final class FiredRuleRecorder extends DefaultAgendaEventListener {

    private final List<Firing> firings = new ArrayList<>();
    private final Ruleset ruleset;

    FiredRuleRecorder(Ruleset ruleset) {
        this.ruleset = ruleset;
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        RuleMeta meta = ruleset.meta(event.getMatch().getRule());
        List<String> facts = new ArrayList<>(4);
        // What the matched facts concern, plus what the rule itself is about (a rule over accumulated
        // results, such as the overall score, matches no single fact that names its subject); sorted, distinct.
        TreeSet<String> about = new TreeSet<>();
        for (Object fact : event.getMatch().getObjects()) {
            if (fact instanceof Subject subject) {
                facts.add(subject.toString());
                about.add(subject.subject());
            }
        }
        if (!"all".equals(meta.enabler())) {
            about.add(meta.enabler());
        }
        firings.add(new Firing(meta.id(), meta.name(), List.copyOf(facts), List.copyOf(about)));
    }

    List<Firing> firings() {
        return List.copyOf(firings);
    }
}
