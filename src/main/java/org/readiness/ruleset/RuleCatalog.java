package org.readiness.ruleset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.readiness.problem.ProblemException;
import org.readiness.scoring.engine.RuleDescription;
import org.readiness.ruleset.RulesetService;

import java.util.List;
import java.util.Map;

/** The rules of the active ruleset as an auditor reads them; shared by the rules API and the rules pages. */
@ApplicationScoped
public class RuleCatalog {

    /**
     * A rule as the catalogue shows it: its description, the priority of the next steps it makes (absent for rules
     * that make none) and how many stored results it fired in.
     */
    public record RuleView(String id, String name, String enabler, String rationale, String source, Integer priority,
                           String drlPackage, String file, int line, String drl, long firedIn) {
        static RuleView of(RuleDescription r, long firedIn) {
            return new RuleView(r.id(), r.name(), r.enabler(), r.rationale(), r.source(), r.priority(), r.drlPackage(),
                    r.file(), r.line(), r.drl(), firedIn);
        }
    }

    @Inject
    RulesetService rulesets;

    @Inject
    FiredRuleCounts firedRules;

    /** Every rule, or only those about {@code enabler} (an enabler, theme, "overall" or "all") when it is given. */
    public List<RuleView> rules(String enabler) {
        Map<String, Long> counts = firedRules.all();
        return rulesets.active().rules().stream()
                .filter(r -> enabler == null || enabler.isBlank() || enabler.equals(r.enabler()))
                .map(r -> RuleView.of(r, counts.getOrDefault(r.id(), 0L)))
                .toList();
    }

    /** One rule of the active ruleset; 404 when it has none of that id. */
    public RuleView rule(String id) {
        return rulesets.active().rules().stream().filter(r -> r.id().equals(id)).findFirst()
                .map(r -> RuleView.of(r, firedRules.of(id)))
                .orElseThrow(() -> ProblemException.notFound("No rule " + id + " in ruleset " + rulesets.active().version()));
    }

    /** The version of the active ruleset. */
    public String version() {
        return rulesets.active().version();
    }
}
