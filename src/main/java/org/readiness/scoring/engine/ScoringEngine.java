package org.readiness.scoring.engine;

import org.kie.api.runtime.KieSession;
import org.readiness.questionnaire.Questionnaire;
import org.readiness.questionnaire.Questionnaire.Placement;
import org.readiness.scoring.engine.ScoreResult.EnablerRating;
import org.readiness.scoring.engine.ScoreResult.Overall;
import org.readiness.scoring.engine.ScoreResult.RankedRecommendation;
import org.readiness.scoring.engine.ScoreResult.ThemeRating;
import org.readiness.scoring.facts.Answer;
import org.readiness.scoring.facts.EnablerFact;
import org.readiness.scoring.facts.Level;
import org.readiness.scoring.facts.Rating;
import org.readiness.scoring.facts.Question;
import org.readiness.scoring.facts.Recommendation;
import org.readiness.scoring.facts.Scope;
import org.readiness.scoring.facts.Theme;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs the rules over one set of answers. Java here only lays out facts and reads back what the rules
 * decided; every score, band, cap and recommendation comes from DRL. Thread-safe: each call has its own
 * session over the shared, immutable KieBase.
 */
public final class ScoringEngine {

    /** Scores answers given for the whole organisation. */
    public ScoreResult score(Ruleset ruleset, Questionnaire questionnaire, List<GivenAnswer> answers) {
        return score(ruleset, questionnaire, answers, Scope.WHOLE_ORGANISATION, true);
    }

    public ScoreResult score(Ruleset ruleset, Questionnaire questionnaire, List<GivenAnswer> answers, Scope scope) {
        return score(ruleset, questionnaire, answers, scope, true);
    }

    /** @param trace false only to measure what recording the fired rules costs; stored results always carry it */
    public ScoreResult score(Ruleset ruleset, Questionnaire questionnaire, List<GivenAnswer> answers, boolean trace) {
        return score(ruleset, questionnaire, answers, Scope.WHOLE_ORGANISATION, trace);
    }

    private ScoreResult score(Ruleset ruleset, Questionnaire questionnaire, List<GivenAnswer> answers, Scope scope,
                              boolean trace) {
        KieSession session = ruleset.sessions().newKieSession();
        FiredRuleRecorder recorder = new FiredRuleRecorder(ruleset);
        try {
            if (trace) {
                session.addEventListener(recorder);
            }
            // Only a ruleset with scoring/bands.yaml gets the fact: older rulesets' DRL has its numbers inline.
            ruleset.conventionsFile().ifPresent(session::insert);
            session.insert(scope);
            insertFacts(session, questionnaire, answers);
            session.fireAllRules();
            List<Rating> ratings = new ArrayList<>();
            List<Recommendation> recommendations = new ArrayList<>();
            // One pass over working memory for both kinds of result
            for (Object fact : session.getObjects()) {
                if (fact instanceof Rating r) {
                    ratings.add(r);
                } else if (fact instanceof Recommendation r) {
                    recommendations.add(r);
                }
            }
            return assemble(ruleset, questionnaire, ratings, recommendations, recorder.firings());
        } finally {
            // A pooled session is reset on dispose; its listeners are taken off here so none outlives its scoring.
            session.removeEventListener(recorder);
            session.dispose();
        }
    }

    /**
     * Scores made-up answers to every questionnaire (each point of the scale everywhere, a mix, and "don't know"
     * throughout) and throws the results away. Drools compiles each MVEL constraint on its first evaluation, loading
     * classes as it goes; done here, while a ruleset is being loaded, that happens once on one thread, instead of
     * on the first requests, all at once and queued on the class loader. A ruleset taken from the cache needs it
     * most: its constraints come back uncompiled.
     */
    public void warmUp(Ruleset ruleset, Iterable<Questionnaire> questionnaires) {
        for (Questionnaire q : questionnaires) {
            List<Questionnaire.Item> items = q.placements().map(Placement::item).toList();
            for (int variant = 0; variant <= 6; variant++) {
                List<GivenAnswer> answers = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    Questionnaire.Item item = items.get(i);
                    int point = variant <= 4 ? variant : (i + variant) % 5;
                    if (variant == 6) {
                        answers.add(new GivenAnswer(item.id(), org.readiness.scoring.facts.AnswerKind.DONT_KNOW, null, null));
                    } else {
                        int value = Questionnaire.Item.PERCENTAGE.equals(item.type())
                                ? item.scale().stream().filter(p -> p.value() == point).findFirst()
                                        .map(p -> p.from() == null ? point : p.from()).orElse(0)
                                : point;
                        answers.add(new GivenAnswer(item.id(), org.readiness.scoring.facts.AnswerKind.SCORED, value, null));
                    }
                }
                score(ruleset, q, answers, true);
            }
        }
    }

    private static void insertFacts(KieSession session, Questionnaire questionnaire, List<GivenAnswer> answers) {
        Map<String, Placement> items = questionnaire.itemsById();
        questionnaire.themes().forEach(t -> {
            session.insert(new Theme(t.id(), t.enablers().size(), t.title()));
            t.enablers().forEach(e -> {
                session.insert(new EnablerFact(e.id(), t.id(), e.items().size(), e.title(), e.weight()));
                e.items().forEach(i -> session.insert(new Question(i.id(), e.id(), t.id(), i.weight(), i.critical(), i.text())));
            });
        });
        // In questionnaire order, whatever order the answers came in: the trace then reads the same for the
        // same answers, which is what lets a replay of a stored result compare identical.
        Map<String, Integer> position = new HashMap<>(items.size() * 2);
        for (String id : items.keySet()) {
            position.put(id, position.size());
        }
        answers.stream().sorted(Comparator.comparingInt(g -> position.getOrDefault(g.question(), -1)))
                .forEach(given -> session.insert(Answer.of(items.get(given.question()), given.kind(), given.value())));
    }

    private static ScoreResult assemble(Ruleset ruleset, Questionnaire q, List<Rating> ratings,
                                        List<Recommendation> recommendations, List<Firing> trace) {
        Map<String, Rating> byId = ratings.stream().collect(Collectors.toMap(r -> r.getLevel() + "/" + r.getId(),
                Function.identity(), (a, b) -> {
                    throw new IllegalStateException("The ruleset rated " + a.getId() + " twice");
                }));
        Rating overall = require(byId, Level.OVERALL, Rating.OVERALL);
        List<ThemeRating> themes = q.themes().stream().map(t -> {
            Rating r = require(byId, Level.THEME, t.id());
            return new ThemeRating(t.id(), t.title(), r.getScore(), r.getBand(), uncapped(r), r.getCappedBy(),
                    r.getAnswered(), r.getTotal());
        }).toList();
        List<EnablerRating> enablers = q.themes().stream().flatMap(t -> t.enablers().stream().map(e -> {
            Rating r = require(byId, Level.ENABLER, e.id());
            return new EnablerRating(e.id(), e.title(), t.id(), r.getScore(), r.getBand(), uncapped(r), r.getCappedBy(),
                    r.getAnswered(), r.getTotal());
        })).toList();
        return new ScoreResult(new ScoreResult.QuestionnaireRef(q.id(), q.version()),
                new ScoreResult.RulesetRef(ruleset.version()),
                new Overall(overall.getScore(), overall.getBand(), uncapped(overall), overall.getCappedBy(),
                        overall.getAnswered(), overall.getTotal()),
                themes, enablers, rank(q, recommendations), trace, ScoreResult.bandsNote(ruleset.conventions()));
    }

    /** The band before any gate, shown only where a gate changed it. */
    private static org.readiness.scoring.facts.Band uncapped(Rating r) {
        return r.getUncappedBand() == r.getBand() ? null : r.getUncappedBand();
    }

    private static Rating require(Map<String, Rating> byId, Level level, String id) {
        Rating r = byId.get(level + "/" + id);
        if (r == null || r.getBand() == null) {
            throw new IllegalStateException("The ruleset left " + level.name().toLowerCase() + " " + id + " unrated");
        }
        return r;
    }

    /**
     * Most important first: the priority each rule gives (1 is highest), then the place in the questionnaire of the
     * enabler (or theme) the step is about, then the id, so equal priorities always come out in the same order.
     */
    private static List<RankedRecommendation> rank(Questionnaire q, List<Recommendation> recommendations) {
        // Enablers in questionnaire order, then themes (a step about a whole theme), then anything else; one rule may make
        // steps about several enablers or themes, so the enabler and the title settle the last ties.
        List<String> order = new ArrayList<>(q.enablers().map(Questionnaire.Enabler::id).toList());
        q.themes().forEach(t -> order.add(t.id()));
        Comparator<Recommendation> ranking = Comparator.comparingInt(Recommendation::priority)
                .thenComparingInt(r -> order.contains(r.enabler()) ? order.indexOf(r.enabler()) : order.size())
                .thenComparing(Recommendation::id)
                .thenComparing(Recommendation::enabler, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Recommendation::title, Comparator.nullsFirst(Comparator.naturalOrder()));
        List<Recommendation> sorted = recommendations.stream().sorted(ranking).toList();
        List<RankedRecommendation> ranked = new ArrayList<>();
        for (Recommendation r : sorted) {
            ranked.add(new RankedRecommendation(ranked.size() + 1, r.id(), r.enabler(), r.priority(), r.title(), r.text(),
                    r.rationale(), r.source(), r.rule(), r.owner(), r.horizon(), r.doneWhen()));
        }
        return List.copyOf(ranked);
    }
}
