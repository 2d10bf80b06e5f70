package org.readiness.scoring;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.readiness.scoring.facts.RuleMeta;
import org.readiness.scoring.facts.Subject;

import java.util.ArrayList;
import java.util.List;

/** Records, in firing order, each rule that fired and the facts its match held. One per scoring session. */
final class FiredRuleRecorder extends DefaultAgendaEventListener {

    private final List<Firing> firings = new ArrayList<>();

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        RuleMeta meta = RuleMeta.of(event.getMatch().getRule());
        List<Subject> matched = event.getMatch().getObjects().stream()
                .filter(Subject.class::isInstance).map(Subject.class::cast).toList();
        List<String> facts = matched.stream().map(Object::toString).toList();
        // What the matched facts concern, plus what the rule itself is about (a rule over accumulated
        // results, such as the overall score, matches no single fact that names its subject).
        java.util.stream.Stream<String> declared = "all".equals(meta.enabler()) ? java.util.stream.Stream.empty()
                : java.util.stream.Stream.of(meta.enabler());
        List<String> about = java.util.stream.Stream.concat(matched.stream().map(Subject::subject), declared)
                .distinct().sorted().toList();
        firings.add(new Firing(meta.id(), meta.name(), facts, about));
    }

    List<Firing> firings() {
        return List.copyOf(firings);
    }
}
