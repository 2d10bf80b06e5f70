package org.readiness.comparison;

import org.readiness.audit.AuditLog;
import org.readiness.comparison.TargetsUpdate.Goal;
import org.readiness.comparison.TargetsUpdate.SentTarget;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.readiness.identity.Stamp;
import org.readiness.organisation.Organisation;
import org.readiness.organisation.OrganisationService;
import org.readiness.persistence.Conflicts;
import org.readiness.problem.ProblemException;
import org.readiness.problem.RequestBody;
import org.readiness.problem.Violation;
import org.readiness.questionnaire.Questionnaire;
import org.readiness.questionnaire.QuestionnaireCatalog;
import org.readiness.ruleset.RulesetService;
import org.readiness.scoring.facts.Band;
import org.readiness.scoring.facts.Conventions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Reads, checks and replaces an organisation's targets. A PUT is checked in full before anything is written. */
@ApplicationScoped
public class TargetService {

    @Inject
    OrganisationService organisations;

    @Inject
    AuditLog audit;

    @Inject
    QuestionnaireCatalog catalog;

    @Inject
    RulesetService rulesets;

    /** A target as the API shows it. {@code band} is set only when the organisation chose a band. */
    public record TargetView(String enabler, double score, Band band, String setBy, Instant setAt) {
        static TargetView of(Target t) {
            return new TargetView(t.enabler, t.score, t.band, t.setBy, t.setAt);
        }
    }

    public record Targets(String organisation, String scope, List<TargetView> targets) {
    }

    /** One checked target from a request: the score to use and, when a band was sent, that band. */
    record NewTarget(String enabler, double score, Band band) {
    }

    @Transactional
    public Targets get(String code, String scope) {
        Organisation organisation = organisations.get(code);
        String key = scopeKey(scope);
        return new Targets(organisation.code, scope, Target.of(organisation.id, key).stream().map(TargetView::of).toList());
    }

    /**
     * Replaces every target of the organisation (or of the scope) with those sent: an enabler left out has no
     * target afterwards; an empty list clears them all. Delete and inserts are one transaction.
     */
    @Transactional
    public Targets replace(String code, String scope, TargetsUpdate update, Stamp stamp) {
        Organisation organisation = organisations.get(code);
        List<NewTarget> wanted = check(update);
        String key = scopeKey(scope);
        Targets before = get(code, scope);
        Conflicts.write("The targets were changed by another request at the same time; repeat the change", () -> {
            Target.delete("organisationId = ?1 and scope = ?2", organisation.id, key);
            Panache.getEntityManager().flush();
            for (NewTarget n : wanted) {
                Target t = new Target();
                t.organisationId = organisation.id;
                t.scope = key;
                t.enabler = n.enabler();
                t.score = n.score();
                t.band = n.band();
                t.setBy = stamp.by();
                t.setAt = stamp.at();
                t.persist();
            }
            Panache.getEntityManager().flush();
            return wanted;
        });
        Targets after = get(code, scope);
        audit.append("targets.replace", "organisation/" + organisation.code + "/targets" + (key.isEmpty() ? "" : "/" + key),
                before, after, stamp);
        return after;
    }

    /**
     * Checks what the reading could not: each enabler is known and has one target, each score is on the active
     * ruleset's scale, a band counts from where it starts there. Refuses these problems and the reading's in one
     * answer.
     */
    List<NewTarget> check(TargetsUpdate update) {
        Set<String> known = knownEnablers();
        Set<String> seen = new HashSet<>();
        Conventions conventions = rulesets.active().conventions();
        List<Violation> problems = new ArrayList<>();
        List<NewTarget> targets = new ArrayList<>();
        for (SentTarget sent : update.targets()) {
            String enabler = enabler(sent, known, seen, problems);
            Double score = score(sent, conventions, problems);
            if (enabler != null && score != null) {
                targets.add(new NewTarget(enabler, score, sent.goal() instanceof Goal.OnBand b ? b.band() : null));
            }
        }
        List<Violation> all = update.withChecked(problems);
        if (!all.isEmpty()) {
            throw ProblemException.invalid(all.size() + " problem(s) found in the targets", all);
        }
        return targets;
    }

    private static String enabler(SentTarget sent, Set<String> known, Set<String> seen, List<Violation> problems) {
        String enabler = sent.enabler();
        if (enabler == null) {
            return null;
        }
        if (!known.contains(enabler)) {
            problems.add(new Violation(sent.at() + "/enabler", "no questionnaire has an enabler "
                    + RequestBody.abbreviate(enabler) + "; known: " + String.join(", ", new TreeSet<>(known))));
            return null;
        }
        if (!seen.add(enabler)) {
            problems.add(new Violation(sent.at() + "/enabler", "a second target for " + enabler
                    + "; send one per enabler"));
            return null;
        }
        return enabler;
    }

    private static Double score(SentTarget sent, Conventions conventions, List<Violation> problems) {
        if (sent.goal() instanceof Goal.OnBand b) {
            // Reaching the bottom of a band is reaching the band.
            return conventions.startOf(b.band());
        }
        if (sent.goal() instanceof Goal.Score s) {
            if (s.value() >= conventions.getScaleFrom() && s.value() <= conventions.getScaleTo()) {
                return s.value();
            }
            problems.add(new Violation(sent.at() + "/score", "must be from " + scale(conventions) + "; found "
                    + s.asSent()));
        } else if (sent.goal() instanceof Goal.ScoreNotANumber) {
            problems.add(new Violation(sent.at() + "/score", "must be a number from " + scale(conventions)));
        } else if (sent.goal() instanceof Goal.ScoreAndBandOrNeither) {
            problems.add(new Violation(sent.at(), "give either a score (" + scale(conventions) + ") or a band ("
                    + TargetsUpdate.BANDS + "), not both or neither"));
        }
        return null;
    }

    private static String scale(Conventions conventions) {
        return Conventions.number(conventions.getScaleFrom()) + " to " + Conventions.number(conventions.getScaleTo());
    }

    /** Enablers any loaded questionnaire version defines: a target may outlive one version of the questionnaire. */
    private Set<String> knownEnablers() {
        return catalog.all().stream().flatMap(Questionnaire::enablers).map(Questionnaire.Enabler::id)
                .collect(Collectors.toSet());
    }

    /** Checks the {@code scope} query parameter; null or absent means the whole organisation. */
    static String scopeKey(String scope) {
        if (scope == null) {
            return Target.WHOLE;
        }
        if (scope.isBlank() || scope.length() > 200) {
            throw ProblemException.invalid("The scope parameter is not valid", List.of(
                    new Violation("scope", "must be a service area name of 1 to 200 characters, or left out for "
                            + "the whole organisation")));
        }
        return scope.strip();
    }
}
