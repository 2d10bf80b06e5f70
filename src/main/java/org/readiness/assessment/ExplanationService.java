package org.readiness.assessment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.readiness.assessment.AssessmentService;
import org.readiness.questionnaire.Questionnaire;
import org.readiness.scoring.engine.Firing;
import org.readiness.scoring.engine.GivenAnswer;
import org.readiness.scoring.engine.RuleDescription;
import org.readiness.scoring.engine.Ruleset;
import org.readiness.scoring.engine.ScoreResult;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Builds an {@link Explanation} from the stored result, the stored answers and the ruleset that scored them. */
@ApplicationScoped
public class ExplanationService {

    @Inject
    AssessmentService assessments;

    @Inject
    ReplayService replays;

    public Explanation explain(UUID id) {
        AssessmentService.Stored stored = assessments.stored(id);
        ScoreResult result = replays.read(stored);
        Ruleset ruleset = replays.rulesetOf(stored);
        Map<String, RuleDescription> rules = ruleset.rules().stream()
                .collect(Collectors.toMap(RuleDescription::id, Function.identity()));
        Map<String, GivenAnswer> answers = stored.answers().stream()
                .collect(Collectors.toMap(GivenAnswer::question, Function.identity()));
        Questionnaire q = stored.questionnaire();

        List<Explanation.Input> themes = result.themes().stream().map(t -> new Explanation.Input(t.id(), t.title(),
                (t.score() == null ? "insufficient evidence" : t.score() + " (" + words(t.band()) + ")") + ", "
                        + t.scoredEnablers() + " of " + t.enablers() + " enablers scored", null)).toList();
        Explanation.Part overall = new Explanation.Part("overall", "Overall readiness", result.overall().score(),
                result.overall().band(), result.overall().uncappedBand(),
                result.overall().scoredThemes() + " of " + result.overall().themes() + " themes scored", themes,
                firings(result, "overall", rules), gates(result.overall().cappedBy(), rules),
                // Steps about a whole theme or the overall rating belong to the overall part; the rest to their enabler.
                result.recommendations().stream().filter(r -> result.enablers().stream().noneMatch(e -> e.id().equals(r.enabler())))
                        .map(Explanation.Step::of).toList());

        List<Explanation.Part> enablers = result.enablers().stream().map(e -> {
            Questionnaire.Enabler enabler = q.enablers().filter(x -> x.id().equals(e.id())).findFirst().orElseThrow();
            List<Explanation.Input> inputs = enabler.items().stream()
                    .map(item -> input(item, answers.get(item.id()))).toList();
            List<Explanation.Step> steps = result.recommendations().stream().filter(r -> r.enabler().equals(e.id()))
                    .map(Explanation.Step::of).toList();
            return new Explanation.Part(e.id(), e.title(), e.score(), e.band(), e.uncappedBand(),
                    e.answered() + " of " + e.items() + " items answered with a number", inputs,
                    firings(result, e.id(), rules), gates(e.cappedBy(), rules), steps);
        }).toList();
        return new Explanation(stored.id(), stored.organisation(), stored.organisationName(), stored.scope(),
                stored.period(), q.key(), stored.rulesetVersion(), result.note(), overall, enablers);
    }

    private static Explanation.Input input(Questionnaire.Item item, GivenAnswer given) {
        String answer;
        if (given == null) {
            answer = "not answered";
        } else if (given.value() == null) {
            answer = switch (given.kind()) {
                case NOT_APPLICABLE -> "not applicable (left out of the score)";
                case DONT_KNOW -> "don't know (left out of the score)";
                case SCORED -> throw new IllegalStateException("a scored answer without a value");
            };
        } else {
            int point = item.pointFor(given.value()).orElseThrow();
            String label = item.scale().stream().filter(p -> p.value() == point).findFirst().orElseThrow().label();
            answer = (Questionnaire.Item.PERCENTAGE.equals(item.type()) ? given.value() + "%, so " : "") + point + " (" + label + ")";
        }
        return new Explanation.Input(item.id(), item.text(), answer, given == null ? null : given.evidence());
    }

    private static List<Explanation.Rule> firings(ScoreResult result, String subject, Map<String, RuleDescription> rules) {
        return result.trace().stream().filter(f -> f.about().contains(subject))
                .map(f -> rule(f.rule(), rules, f.facts())).toList();
    }

    private static List<Explanation.Rule> gates(List<String> gateIds, Map<String, RuleDescription> rules) {
        return gateIds.stream().map(id -> rule(id, rules, List.of())).toList();
    }

    private static Explanation.Rule rule(String id, Map<String, RuleDescription> rules, List<String> facts) {
        RuleDescription d = rules.get(id);
        return d == null ? new Explanation.Rule(id, null, null, null, facts)
                : new Explanation.Rule(id, d.name(), d.rationale(), d.source(), facts);
    }

    /** The explanation in plain words, as Markdown (which reads as plain text too). */
    public String markdown(Explanation x) {
        StringBuilder md = new StringBuilder();
        md.append("# Why ").append(x.organisationName()).append(x.scope() == null ? "" : " (" + x.scope() + ")")
                .append(" got its rating for ").append(x.period()).append("\n\n");
        md.append("Assessment ").append(x.assessment()).append(", questionnaire ").append(x.questionnaire())
                .append(", ruleset ").append(x.rulesetVersion()).append(".\n\n").append(x.note()).append("\n\n");
        part(md, x.overall(), "##");
        x.enablers().forEach(e -> part(md, e, "##"));
        return md.toString();
    }

    private static void part(StringBuilder md, Explanation.Part p, String heading) {
        md.append(heading).append(' ').append(p.title()).append(": ").append(band(p))
                .append(p.score() == null ? "" : ", score " + p.score()).append(" (").append(p.coverage()).append(")\n\n");
        if (!p.gates().isEmpty()) {
            md.append("Held back by:\n");
            p.gates().forEach(g -> md.append("- ").append(g.name()).append(" (").append(g.id()).append("). ")
                    .append(g.rationale()).append(" Source: ").append(g.source()).append(".\n"));
            md.append('\n');
        }
        md.append(p.id().equals("overall") ? "Themes:\n" : "Answers:\n");
        p.inputs().forEach(i -> md.append("- ").append(i.id()).append(", \"").append(i.text()).append("\": ").append(i.answer())
                .append(i.evidence() == null ? "" : ". Evidence: \"" + i.evidence() + "\"").append('\n'));
        md.append("\nRules that fired:\n");
        p.rules().forEach(r -> md.append("- ").append(r.id()).append(": ").append(r.name()).append('\n'));
        if (!p.recommendations().isEmpty()) {
            md.append("\nNext steps:\n");
            p.recommendations().forEach(s -> md.append(s.rank()).append(". ").append(s.title()).append(" (rule ")
                    .append(s.rule()).append(").")
                    .append(s.owner() == null ? "" : " Usually owned by: " + s.owner() + ".")
                    .append(s.horizon() == null ? "" : s.horizon() == org.readiness.scoring.facts.Horizon.QUICK_WIN
                            ? " A quick win." : " Longer term.")
                    .append(s.doneWhen() == null ? "" : " Done when: " + s.doneWhen())
                    .append(" Why: ").append(s.rationale()).append(" Source: ").append(s.source()).append('\n'));
        }
        md.append('\n');
    }

    private static String band(Explanation.Part p) {
        String band = words(p.band());
        return Character.toUpperCase(band.charAt(0)) + band.substring(1)
                + (p.uncappedBand() == null ? "" : " (its answers alone would rate it " + words(p.uncappedBand()) + ")");
    }

    private static String words(org.readiness.scoring.facts.Band band) {
        return band.name().replace('_', ' ').toLowerCase();
    }
}
