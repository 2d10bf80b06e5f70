package org.readiness.comparison;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import org.readiness.comparison.ComparisonView.EnablerRating;
import org.readiness.comparison.ComparisonView.Filters;
import org.readiness.comparison.ComparisonView.Rating;
import org.readiness.comparison.ComparisonView.Row;
import org.readiness.comparison.ComparisonView.Statistic;
import org.readiness.comparison.ComparisonView.Statistics;
import org.readiness.comparison.SharedEnablers.LeftOut;
import org.readiness.comparison.SharedEnablers.Shared;
import org.readiness.config.ReadinessConfig;
import org.readiness.organisation.OrganisationType;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The national comparison: the latest submitted result of each organisation (or of each organisation and scope)
 * among those the filters select, and cohort statistics per enabler. Selection and statistics run in SQL
 * ({@link CohortSql}); Java only shapes the answer and applies the suppression and version rules.
 */
@ApplicationScoped
public class ComparisonService {

    static final Set<String> PARAMETERS = Set.of("questionnaire", "version", "region", "type", "period", "scope", "byScope");
    static final String METHOD = "Quartiles and median by linear interpolation between order statistics (Hyndman and "
            + "Fan type 7, the default of R and Excel's QUARTILE.INC; SQL PERCENTILE_CONT): the p-quantile of n "
            + "sorted scores x1..xn is x(h) with h = (n - 1)p + 1, interpolated between neighbours";

    @Inject
    AgroalDataSource db;

    @Inject
    QuestionnaireCatalog catalog;

    @Inject
    ReadinessConfig config;

    /** Checks the query parameters (every problem listed; 400) and returns the filters. */
    public Filters filters(MultivaluedMap<String, String> query) {
        List<Violation> problems = new ArrayList<>();
        QueryParameters p = new QueryParameters(query, PARAMETERS, problems);
        String questionnaire = p.text("questionnaire", 100);
        Integer version = p.positiveInt("version");
        String region = p.text("region", 100);
        OrganisationType type = p.oneOf("type", OrganisationType.class);
        String period = p.period("period");
        String scope = p.text("scope", 200);
        Boolean byScope = p.bool("byScope");
        if (query.getFirst("questionnaire") == null) {
            p.add("questionnaire", "required: the questionnaire id to compare on, one of " + questionnaireIds());
        } else if (questionnaire != null && catalog.latest(questionnaire).isEmpty()) {
            p.add("questionnaire", "no questionnaire " + questionnaire + "; known: " + questionnaireIds());
            questionnaire = null;
        }
        if (questionnaire != null && version != null && catalog.find(questionnaire, version).isEmpty()) {
            p.add("version", "questionnaire " + questionnaire + " has no version " + version);
        }
        p.throwIfAny();
        return new Filters(questionnaire, version, region, type, period, scope, Boolean.TRUE.equals(byScope));
    }

    public ComparisonView compare(Filters filters) {
        CohortSql sql = new CohortSql(filters);
        List<Row> rows;
        Map<String, Statistic> stats;
        try (Connection c = db.getConnection()) {
            Map<UUID, Row> latest = rows(c, sql);
            stats = latest.isEmpty() ? Map.of() : statistics(c, sql, latest.keySet());
            rows = new ArrayList<>(latest.values());
        } catch (SQLException e) {
            throw new IllegalStateException("Comparison query failed", e);
        }
        List<Integer> versions = rows.stream().map(Row::questionnaireVersion).distinct().sorted().toList();
        List<Questionnaire> questionnaires = versions.stream()
                .map(v -> catalog.find(filters.questionnaire(), v).orElseThrow(() -> new IllegalStateException(
                        "Results of " + filters.questionnaire() + " version " + v + " exist but the version is not loaded")))
                .toList();
        Shared shared = questionnaires.isEmpty()
                ? SharedEnablers.across(List.of(catalog.find(filters.questionnaire(),
                        filters.version() == null ? catalog.latest(filters.questionnaire()).orElseThrow().version()
                                : filters.version()).orElseThrow()), catalog::crosswalk)
                : SharedEnablers.across(questionnaires, catalog::crosswalk);
        List<LeftOut> leftOut = new ArrayList<>(shared.leftOut());
        boolean mixed = versions.size() > 1;
        if (mixed) {
            leftOut.add(new LeftOut("overall", "the overall score of each version is a mean over different items, so "
                    + "no cohort statistics are given for it; each organisation's own overall rating is shown"));
        }
        List<Row> compared = rows.stream().map(r -> {
            Map<String, EnablerRating> byId = new HashMap<>();
            r.enablers().forEach(e -> byId.put(e.id(), e));
            return new Row(r.code(), r.name(), r.type(), r.region(), r.scope(), r.period(), r.submittedAt(),
                    r.questionnaireVersion(), r.rulesetVersion(), r.overall(), shared.compared().stream()
                    .map(id -> byId.getOrDefault(id, new EnablerRating(id, null, null))).toList());
        }).toList();
        int min = config.comparison().minCohort();
        Statistic overall = mixed ? null : suppress(stats.getOrDefault(CohortSql.OVERALL, empty(CohortSql.OVERALL)), min);
        List<Statistic> enablerStats = shared.compared().stream()
                .map(id -> suppress(stats.getOrDefault(id, empty(id)), min)).toList();
        return new ComparisonView(ComparisonView.NOTE, filters, versions, shared.compared(), leftOut, compared,
                new Statistics(METHOD, min, overall, enablerStats));
    }

    private static Statistic empty(String id) {
        return new Statistic(id, 0, 0, null, null, null, false, null);
    }

    /** Withholds the figures of a group with fewer organisations than readiness.comparison.min-cohort. */
    private static Statistic suppress(Statistic s, int min) {
        if (s.organisations() >= min) {
            return s;
        }
        return new Statistic(s.id(), s.n(), s.organisations(), null, null, null, true,
                "suppressed: " + s.organisations() + " organisation(s) have a score here, fewer than the " + min
                        + " needed before cohort statistics are shown");
    }

    /** The latest results with their enabler ratings, by id, in the order of the answer. */
    private static Map<UUID, Row> rows(Connection c, CohortSql sql) throws SQLException {
        Map<UUID, Row> rows = new LinkedHashMap<>();
        try (var s = sql.prepare(c, sql.rowsQuery()); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                UUID id = r.getObject("assessment_id", UUID.class);
                Row row = rows.get(id);
                if (row == null) {
                    row = new Row(r.getString("code"), r.getString("name"), OrganisationType.valueOf(r.getString("type")),
                            r.getString("region"), r.getString("scope"), r.getString("period"),
                            r.getObject("submitted_at", OffsetDateTime.class), r.getInt("questionnaire_version"),
                            r.getString("ruleset_version"),
                            new Rating(number(r, "overall_score"), Band.valueOf(r.getString("overall_band"))),
                            new ArrayList<>());
                    rows.put(id, row);
                }
                if (r.getString("rating_id") != null) {
                    row.enablers().add(new EnablerRating(r.getString("rating_id"), number(r, "score"),
                            Band.valueOf(r.getString("band"))));
                }
            }
        }
        return rows;
    }

    private static Map<String, Statistic> statistics(Connection c, CohortSql sql, Set<UUID> results) throws SQLException {
        Map<String, Statistic> stats = new HashMap<>();
        try (var s = sql.prepare(c, sql.statisticsQuery()); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                String id = r.getString("rating_id");
                stats.put(id, new Statistic(id, r.getInt("n"), r.getInt("organisations"), number(r, "q1"),
                        number(r, "q2"), number(r, "q3"), false, null));
            }
        }
        try (PreparedStatement s = c.prepareStatement(CohortSql.overallQuery(results.size()))) {
            bind(s, results, 1);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                stats.put(CohortSql.OVERALL, new Statistic(CohortSql.OVERALL, r.getInt("n"), r.getInt("organisations"),
                        number(r, "q1"), number(r, "q2"), number(r, "q3"), false, null));
            }
        }
        return stats;
    }

    private static int bind(PreparedStatement s, Set<UUID> ids, int from) throws SQLException {
        int i = from;
        for (UUID id : ids) {
            s.setObject(i++, id);
        }
        return i;
    }

    private static Double number(ResultSet r, String column) throws SQLException {
        double value = r.getDouble(column);
        return r.wasNull() ? null : value;
    }

    private String questionnaireIds() {
        return String.join(", ", new TreeSet<>(catalog.all().stream().map(Questionnaire::id).toList()));
    }
}
