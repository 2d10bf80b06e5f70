package org.readiness.comparison;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MultivaluedMap;
import org.readiness.comparison.ProgressView.Change;
import org.readiness.comparison.ProgressView.Result;
import org.readiness.comparison.ProgressView.Series;
import org.readiness.comparison.SammMetrics.Point;
import org.readiness.comparison.TargetService.TargetView;
import org.readiness.organisation.Organisation;
import org.readiness.organisation.OrganisationService;
import org.readiness.problem.Violation;
import org.readiness.questionnaire.Questionnaire;
import org.readiness.questionnaire.QuestionnaireCatalog;
import org.readiness.scoring.facts.Band;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An organisation's progress: its submitted results in period order (then submission order), per questionnaire
 * and scope, with changes per enabler and, against its targets, OWASP SAMM's two measures ({@link SammMetrics}).
 * One indexed query reads the organisation's results and their enabler ratings (a few hundred rows at most).
 */
@ApplicationScoped
public class ProgressService {

    static final Set<String> PARAMETERS = Set.of("questionnaire", "scope");

    private static final String SQL = "SELECT r.assessment_id, r.questionnaire_id, r.scope, r.period, r.submitted_at,"
            + " r.questionnaire_version, r.ruleset_version, r.overall_score, r.overall_band, rr.rating_id, rr.score, rr.band"
            + " FROM result_summary r"
            + " LEFT JOIN result_rating rr ON rr.assessment_id = r.assessment_id AND rr.level = 'ENABLER'"
            + " WHERE r.organisation_id = ?%s"
            + " ORDER BY r.questionnaire_id, COALESCE(r.scope, ''), r.period, r.submitted_at, r.assessment_id, rr.rating_id";

    @Inject
    AgroalDataSource db;

    @Inject
    OrganisationService organisations;

    @Inject
    QuestionnaireCatalog catalog;

    /** A stored result as read, before changes are worked out. */
    private record Stored(String id, String questionnaire, String scope, String period, OffsetDateTime submittedAt,
                          int version, String ruleset, Double overall, Band overallBand, Map<String, Change> enablers) {
    }

    @Transactional
    public ProgressView progress(String code, MultivaluedMap<String, String> query) {
        QueryParameters p = new QueryParameters(query, PARAMETERS, new ArrayList<>());
        String questionnaire = p.text("questionnaire", 100);
        String scope = p.text("scope", 200);
        if (questionnaire != null && catalog.latest(questionnaire).isEmpty()) {
            p.add("questionnaire", "no questionnaire " + questionnaire);
        }
        p.throwIfAny();
        Organisation organisation = organisations.get(code);
        Map<String, List<Stored>> series = new LinkedHashMap<>();
        for (Stored s : read(organisation.id, questionnaire, scope)) {
            series.computeIfAbsent(s.questionnaire() + "\u0000" + Objects.toString(s.scope(), ""), k -> new ArrayList<>()).add(s);
        }
        List<TargetView> whole = Target.of(organisation.id, Target.WHOLE).stream().map(TargetView::of).toList();
        List<Series> out = new ArrayList<>();
        for (List<Stored> results : series.values()) {
            Stored first = results.get(0);
            List<TargetView> own = first.scope() == null ? whole
                    : Target.of(organisation.id, first.scope()).stream().map(TargetView::of).toList();
            List<TargetView> targets = own.isEmpty() ? whole : own;
            String from = targets.isEmpty() ? "none" : own.isEmpty() ? "organisation" : first.scope() == null
                    ? "organisation" : "scope";
            out.add(new Series(first.questionnaire(), first.scope(), from, targets, results(results, targets)));
        }
        return new ProgressView(ComparisonView.NOTE, organisation.code, organisation.name, out);
    }

    private List<Result> results(List<Stored> stored, List<TargetView> targets) {
        Map<String, Double> target = new LinkedHashMap<>();
        targets.forEach(t -> target.put(t.enabler(), t.score()));
        Stored baseline = stored.get(0);
        List<Result> out = new ArrayList<>();
        Stored previous = null;
        for (Stored s : stored) {
            Questionnaire q = questionnaire(s);
            List<Change> changes = new ArrayList<>();
            List<Point> points = new ArrayList<>();
            List<String> leftOut = new ArrayList<>();
            for (Questionnaire.Enabler e : q.enablers().toList()) {
                Change c = s.enablers().get(e.id());
                if (c == null) {
                    continue;
                }
                Double t = target.get(e.id());
                Double base = change(baseline, s, e.id(), c.score()) == null ? null : baseline.enablers().get(e.id()).score();
                changes.add(new Change(e.id(), c.score(), c.band(), change(previous, s, e.id(), c.score()),
                        change(baseline, s, e.id(), c.score()), t,
                        t == null || c.score() == null ? null : Math.max(0, t - c.score())));
                if (t != null && c.score() != null) {
                    points.add(new Point(t, c.score(), base));
                }
            }
            for (String e : target.keySet()) {
                if (changes.stream().noneMatch(c -> c.id().equals(e) && c.score() != null)) {
                    leftOut.add(e);
                }
            }
            Double overallSincePrevious = previous == null || previous.version() != s.version()
                    || previous.overall() == null || s.overall() == null ? null : s.overall() - previous.overall();
            Double overallSinceBaseline = baseline.version() != s.version() || baseline.overall() == null
                    || s.overall() == null ? null : s.overall() - baseline.overall();
            out.add(new Result(s.id(), s.period(), s.submittedAt(), s.version(), s.ruleset(),
                    new Change("overall", s.overall(), s.overallBand(), overallSincePrevious, overallSinceBaseline,
                            null, null),
                    changes, SammMetrics.percentageToTarget(points), SammMetrics.progressToDate(points), leftOut));
            previous = s;
        }
        return out;
    }

    /** Score now minus score then, when both exist and the two versions' enablers are comparable ({@link SharedEnablers}). */
    private Double change(Stored then, Stored now, String enabler, Double score) {
        if (then == null || score == null) {
            return null;
        }
        Change before = then.enablers().get(enabler);
        if (before == null || before.score() == null
                || !SharedEnablers.comparable(questionnaire(then), questionnaire(now), enabler, catalog::crosswalk)) {
            return null;
        }
        return score - before.score();
    }

    private Questionnaire questionnaire(Stored s) {
        return catalog.find(s.questionnaire(), s.version()).orElseThrow(() -> new IllegalStateException(
                "Result " + s.id() + " uses questionnaire " + s.questionnaire() + " version " + s.version()
                        + ", which is no longer loaded"));
    }

    private List<Stored> read(long organisation, String questionnaire, String scope) {
        String filters = (questionnaire == null ? "" : " AND r.questionnaire_id = ?") + (scope == null ? "" : " AND r.scope = ?");
        Map<String, Stored> results = new LinkedHashMap<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(String.format(SQL, filters))) {
            int i = 1;
            s.setLong(i++, organisation);
            if (questionnaire != null) {
                s.setString(i++, questionnaire);
            }
            if (scope != null) {
                s.setString(i, scope);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String id = r.getString("assessment_id");
                    Stored stored = results.get(id);
                    if (stored == null) {
                        double score = r.getDouble("overall_score");
                        Double overall = r.wasNull() ? null : score;
                        stored = new Stored(id, r.getString("questionnaire_id"), r.getString("scope"),
                                r.getString("period"), r.getObject("submitted_at", OffsetDateTime.class),
                                r.getInt("questionnaire_version"), r.getString("ruleset_version"),
                                overall, Band.valueOf(r.getString("overall_band")),
                                new LinkedHashMap<>());
                        results.put(id, stored);
                    }
                    String enabler = r.getString("rating_id");
                    if (enabler != null) {
                        double score = r.getDouble("score");
                        Double value = r.wasNull() ? null : score;
                        stored.enablers().put(enabler, new Change(enabler, value, Band.valueOf(r.getString("band")),
                                null, null, null, null));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Progress query failed", e);
        }
        return new ArrayList<>(results.values());
    }
}
