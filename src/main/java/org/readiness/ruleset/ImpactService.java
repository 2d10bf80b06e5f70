package org.readiness.ruleset;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.readiness.questionnaire.Questionnaire;
import org.readiness.questionnaire.QuestionnaireCatalog;
import org.readiness.scoring.engine.GivenAnswer;
import org.readiness.scoring.engine.Ruleset;
import org.readiness.scoring.engine.ScoreResult;
import org.readiness.scoring.engine.ScoringEngine;
import org.readiness.scoring.facts.AnswerKind;
import org.readiness.scoring.facts.Scope;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a candidate ruleset would change: every submitted assessment's stored answers are re-scored under it,
 * in memory, and compared with the stored result's bands and recommendations. Nothing is stored. Works in
 * chunks read straight from the tables, so ten thousand assessments need neither their result JSON nor an
 * entity each.
 */
@ApplicationScoped
public class ImpactService {

    private static final int CHUNK = 500;

    public record Impact(String candidateVersion, String activeVersion, int assessments, int changed, Totals totals,
                         List<Change> changes, long millis) {
    }

    public record Totals(int overallBandChanges, Map<String, Integer> enablerBandChanges,
                         Map<String, Integer> recommendationsAdded, Map<String, Integer> recommendationsRemoved) {
    }

    public record Change(UUID assessment, String organisation, String period, BandChange overall, List<EnablerChange> enablers,
                         List<String> recommendationsAdded, List<String> recommendationsRemoved) {
    }

    public record BandChange(String from, String to) {
    }

    public record EnablerChange(String id, String from, String to) {
    }

    private record Stored(UUID id, String organisation, String period, String scope, String questionnaire, int version, String overall,
                          Map<String, String> enablers, Set<String> recommendations, List<GivenAnswer> answers) {
    }

    @Inject
    AgroalDataSource db;

    @Inject
    QuestionnaireCatalog questionnaires;

    private final ScoringEngine engine = new ScoringEngine();

    public Impact assess(Ruleset candidate, String activeVersion) {
        long started = System.nanoTime();
        List<Change> changes = Collections.synchronizedList(new ArrayList<>());
        int total = 0;
        try (Connection c = db.getConnection()) {
            List<UUID> ids = ids(c);
            total = ids.size();
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<Stored> chunk = load(c, ids.subList(from, Math.min(ids.size(), from + CHUNK)));
                chunk.parallelStream().map(s -> compare(s, candidate)).filter(Objects::nonNull).forEach(changes::add);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the stored assessments", e);
        }
        List<Change> sorted = changes.stream().sorted((a, b) -> a.assessment().compareTo(b.assessment())).toList();
        return new Impact(candidate.version(), activeVersion, total, sorted.size(), totals(sorted), sorted,
                (System.nanoTime() - started) / 1_000_000);
    }

    private Change compare(Stored s, Ruleset candidate) {
        Questionnaire q = questionnaires.find(s.questionnaire(), s.version()).orElseThrow();
        ScoreResult again = engine.score(candidate, q, s.answers(), Scope.of(s.scope()));
        BandChange overall = s.overall().equals(again.overall().band().name()) ? null
                : new BandChange(s.overall(), again.overall().band().name());
        List<EnablerChange> enablers = again.enablers().stream()
                .filter(e -> !e.band().name().equals(s.enablers().get(e.id())))
                .map(e -> new EnablerChange(e.id(), s.enablers().get(e.id()), e.band().name())).toList();
        Set<String> now = again.recommendations().stream().map(r -> r.id() + "@" + r.enabler())
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> added = now.stream().filter(r -> !s.recommendations().contains(r)).toList();
        List<String> removed = s.recommendations().stream().filter(r -> !now.contains(r)).sorted().toList();
        if (overall == null && enablers.isEmpty() && added.isEmpty() && removed.isEmpty()) {
            return null;
        }
        return new Change(s.id(), s.organisation(), s.period(), overall, enablers, added, removed);
    }

    private static Totals totals(List<Change> changes) {
        Map<String, Integer> enablers = new TreeMap<>();
        Map<String, Integer> added = new TreeMap<>();
        Map<String, Integer> removed = new TreeMap<>();
        int overall = 0;
        for (Change c : changes) {
            overall += c.overall() == null ? 0 : 1;
            c.enablers().forEach(e -> enablers.merge(e.id(), 1, Integer::sum));
            c.recommendationsAdded().forEach(r -> added.merge(r.substring(0, r.indexOf('@')), 1, Integer::sum));
            c.recommendationsRemoved().forEach(r -> removed.merge(r.substring(0, r.indexOf('@')), 1, Integer::sum));
        }
        return new Totals(overall, enablers, added, removed);
    }

    private static List<UUID> ids(Connection c) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT assessment_id FROM assessment_result ORDER BY assessment_id");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                ids.add(r.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    private static List<Stored> load(Connection c, List<UUID> ids) throws SQLException {
        String in = ids.stream().map(x -> "?").collect(Collectors.joining(","));
        Map<UUID, Map<String, String>> enablers = new HashMap<>();
        query(c, "SELECT assessment_id, rating_id, band FROM result_rating WHERE level = 'ENABLER' AND assessment_id IN (" + in + ")",
                ids, r -> enablers.computeIfAbsent(r.getObject(1, UUID.class), k -> new HashMap<>()).put(r.getString(2), r.getString(3)));
        Map<UUID, Set<String>> recommendations = new HashMap<>();
        query(c, "SELECT assessment_id, recommendation_id, enabler FROM result_recommendation WHERE assessment_id IN (" + in + ")",
                ids, r -> recommendations.computeIfAbsent(r.getObject(1, UUID.class), k -> new TreeSet<>())
                        .add(r.getString(2) + "@" + r.getString(3)));
        Map<UUID, List<GivenAnswer>> answers = new HashMap<>();
        query(c, "SELECT assessment_id, question, kind, scale_value FROM assessment_answer WHERE assessment_id IN (" + in + ")",
                ids, r -> answers.computeIfAbsent(r.getObject(1, UUID.class), k -> new ArrayList<>()).add(new GivenAnswer(
                        r.getString(2), AnswerKind.valueOf(r.getString(3)), (Integer) r.getObject(4, Integer.class), null)));
        List<Stored> stored = new ArrayList<>();
        query(c, "SELECT r.assessment_id, o.code, a.period, a.scope, r.questionnaire_id, r.questionnaire_version, r.overall_band"
                + " FROM assessment_result r JOIN assessment a ON a.id = r.assessment_id"
                + " JOIN organisation o ON o.id = r.organisation_id WHERE r.assessment_id IN (" + in + ")", ids, r -> {
                    UUID id = r.getObject(1, UUID.class);
                    stored.add(new Stored(id, r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getInt(6), r.getString(7),
                            enablers.getOrDefault(id, Map.of()), recommendations.getOrDefault(id, Set.of()),
                            answers.getOrDefault(id, List.of())));
                });
        return stored;
    }

    private interface Row {
        void accept(ResultSet r) throws SQLException;
    }

    private static void query(Connection c, String sql, List<UUID> ids, Row row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < ids.size(); i++) {
                s.setObject(i + 1, ids.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    row.accept(r);
                }
            }
        }
    }
}
