package org.readiness.comparison;

import org.readiness.audit.AuditLog;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Reads, checks and replaces an organisation's targets. A PUT is checked in full before anything is written. */
@ApplicationScoped
public class TargetService {

    private static final Set<String> BODY_FIELDS = Set.of("targets");
    private static final Set<String> TARGET_FIELDS = Set.of("enabler", "score", "band");
    private static final String BANDS = Arrays.stream(Band.values()).filter(Band::onLadder).map(Enum::name)
            .collect(Collectors.joining(", "));

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
    public Targets replace(String code, String scope, JsonNode body, Stamp stamp) {
        Organisation organisation = organisations.get(code);
        List<NewTarget> wanted = read(body);
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
     * {@code {"targets":[{"enabler": id, "score": on the scale} | {"enabler": id, "band": BAND}]}}, every problem listed.
     * The scale and where each band starts are the active ruleset's (scoring/bands.yaml).
     */
    List<NewTarget> read(JsonNode body) {
        RequestBody.requireObject(body, "targets");
        List<Violation> problems = new ArrayList<>();
        RequestBody.unknownFields(body, BODY_FIELDS, problems);
        JsonNode list = body.get("targets");
        List<NewTarget> targets = new ArrayList<>();
        if (list == null || !list.isArray()) {
            problems.add(new Violation("/targets", list == null ? "required: a list of targets (may be empty)"
                    : "must be a list of targets"));
        } else {
            Set<String> known = knownEnablers();
            Set<String> seen = new HashSet<>();
            Conventions conventions = rulesets.active().conventions();
            for (int i = 0; i < list.size(); i++) {
                NewTarget t = target(list.get(i), "/targets/" + i, known, seen, conventions, problems);
                if (t != null) {
                    targets.add(t);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems.size() + " problem(s) found in the targets", problems);
        }
        return targets;
    }

    private static NewTarget target(JsonNode node, String at, Set<String> known, Set<String> seen,
                                    Conventions conventions, List<Violation> problems) {
        if (node == null || !node.isObject()) {
            problems.add(new Violation(at, "must be an object {\"enabler\", \"score\" or \"band\"}"));
            return null;
        }
        int before = problems.size();
        for (var names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!TARGET_FIELDS.contains(name)) {
                problems.add(new Violation(at + "/" + RequestBody.pointerSegment(name),
                        "unknown field; expected " + String.join(", ", new TreeSet<>(TARGET_FIELDS))));
            }
        }
        String enabler = null;
        JsonNode e = node.get("enabler");
        if (e == null || e.isNull()) {
            problems.add(new Violation(at + "/enabler", "required"));
        } else if (!e.isTextual()) {
            problems.add(new Violation(at + "/enabler", "must be text: an enabler id"));
        } else if (!known.contains(e.asText())) {
            problems.add(new Violation(at + "/enabler", "no questionnaire has an enabler "
                    + RequestBody.abbreviate(e.asText()) + "; known: " + String.join(", ", new TreeSet<>(known))));
        } else if (!seen.add(e.asText())) {
            problems.add(new Violation(at + "/enabler", "a second target for " + e.asText() + "; send one per enabler"));
        } else {
            enabler = e.asText();
        }
        JsonNode s = node.get("score");
        JsonNode b = node.get("band");
        Double score = null;
        Band band = null;
        if ((s == null || s.isNull()) == (b == null || b.isNull())) {
            problems.add(new Violation(at, "give either a score (" + scale(conventions) + ") or a band (" + BANDS
                    + "), not both or neither"));
        } else if (s != null && !s.isNull()) {
            if (!s.isNumber()) {
                problems.add(new Violation(at + "/score", "must be a number from " + scale(conventions)));
            } else if (s.asDouble() < conventions.getScaleFrom() || s.asDouble() > conventions.getScaleTo()) {
                problems.add(new Violation(at + "/score", "must be from " + scale(conventions) + "; found " + s.asText()));
            } else {
                score = s.asDouble();
            }
        } else {
            try {
                band = b.isTextual() ? Band.valueOf(b.asText()) : null;
            } catch (IllegalArgumentException ex) {
                band = null;
            }
            if (band == null || !band.onLadder()) {
                problems.add(new Violation(at + "/band", "must be one of " + BANDS + "; found "
                        + RequestBody.abbreviate(b.toString())));
                band = null;
            } else {
                // Reaching the bottom of a band is reaching the band.
                score = conventions.startOf(band);
            }
        }
        return problems.size() > before || enabler == null || score == null ? null : new NewTarget(enabler, score, band);
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
