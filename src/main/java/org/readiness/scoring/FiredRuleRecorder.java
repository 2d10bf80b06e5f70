package org.readiness.scoring;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.readiness.scoring.facts.RuleMeta;

import java.util.ArrayList;
import java.util.List;

/** Records, in firing order, each rule that fired and the facts its match held. One per scoring session. */
final class FiredRuleRecorder extends DefaultAgendaEventListener {

    /** One firing: the rule's id and name, and a readable line per matched fact. */
    public record Firing(String rule, String name, List<String> facts) {
    }

    private final List<Firing> firings = new ArrayList<>();

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        RuleMeta meta = RuleMeta.of(event.getMatch().getRule());
        List<String> facts = event.getMatch().getObjects().stream()
                .filter(o -> o.getClass().getPackageName().endsWith(".facts"))
                .map(Object::toString)
                .toList();
        firings.add(new Firing(meta.id(), meta.name(), facts));
    }

    List<Firing> firings() {
        return List.copyOf(firings);
    }
}
