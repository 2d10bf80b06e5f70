package org.readiness.comparison;

import org.readiness.comparison.ComparisonView.Filters;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of the comparison, written once for H2 and PostgreSQL (both have window functions and
 * PERCENTILE_CONT ... WITHIN GROUP). A window numbers each organisation's results newest first, so the latest
 * one is picked in the database, once; the ratings and the statistics of those results are then read by
 * primary key (an IN list of at most one id per organisation and scope) and aggregated there too. Measured on
 * H2, evaluating the window once and not inside each later query was the difference that mattered.
 * Filter values are always bound parameters, never spliced into the text.
 */
final class CohortSql {

    /** The statistics row of the overall score, beside one row per enabler id. */
    static final String OVERALL = "(overall)";

    private final String latest;
    private final List<Object> parameters = new ArrayList<>();

    CohortSql(Filters f) {
        StringBuilder where = new StringBuilder("r.questionnaire_id = ?");
        boolean organisation = false;
        parameters.add(f.questionnaire());
        if (f.version() != null) {
            where.append(" AND r.questionnaire_version = ?");
            parameters.add(f.version());
        }
        if (f.region() != null) {
            where.append(" AND o.region = ?");
            organisation = true;
            parameters.add(f.region());
        }
        if (f.type() != null) {
            where.append(" AND o.type = ?");
            organisation = true;
            parameters.add(f.type().name());
        }
        if (f.period() != null) {
            // Results of periods up to the given one: "as of" that period. A month includes every day in it,
            // so 2025-06 admits 2025-06-30; periods are ISO text, which sorts in time order.
            where.append(" AND r.period <= ?");
            parameters.add(f.period().length() == 7 ? f.period() + "-31" : f.period());
        }
        if (f.scope() != null) {
            where.append(" AND r.scope = ?");
            parameters.add(f.scope());
        }
        String partition = f.byScope() || f.scope() != null ? "r.organisation_id, COALESCE(r.scope, '')" : "r.organisation_id";
        // The window reads assessment_result alone (period and scope are copied onto it, V4), joining the
        // organisation only to filter; the winners' other columns are then read by primary key.
        latest = "SELECT l.assessment_id, o.code, o.name, o.type, o.region, r.scope, r.period, r.submitted_at,"
                + " r.questionnaire_version, r.ruleset_version, r.overall_score, r.overall_band"
                + " FROM (SELECT r.assessment_id, ROW_NUMBER() OVER (PARTITION BY " + partition
                + " ORDER BY r.period DESC, r.submitted_at DESC) AS recency"
                + " FROM assessment_result r"
                + (organisation ? " JOIN organisation o ON o.id = r.organisation_id" : "")
                + " WHERE " + where + ") l"
                + " JOIN assessment_result r ON r.assessment_id = l.assessment_id"
                + " JOIN organisation o ON o.id = r.organisation_id"
                + " WHERE l.recency = 1"
                + " ORDER BY o.name, o.code, COALESCE(r.scope, ''), l.assessment_id";
    }

    /** The latest result of each organisation (or organisation and scope), by organisation name. */
    String latestQuery() {
        return latest;
    }

    /** The enabler ratings of the given results. */
    static String ratingsQuery(int results) {
        return "SELECT assessment_id, rating_id, score, band FROM result_rating"
                + " WHERE level = 'ENABLER' AND assessment_id IN (" + marks(results) + ")";
    }

    /**
     * Per enabler, and overall, over the given results: how many scores, from how many organisations, and the
     * three quartiles. Binds the result ids twice.
     */
    static String statisticsQuery(int results) {
        String quartiles = " PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY %1$s) AS q1,"
                + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY %1$s) AS q2,"
                + " PERCENTILE_CONT(0.75) WITHIN GROUP (ORDER BY %1$s) AS q3";
        return "SELECT rr.rating_id, COUNT(*) AS n, COUNT(DISTINCT r.organisation_id) AS organisations,"
                + String.format(quartiles, "rr.score")
                + " FROM result_rating rr JOIN assessment_result r ON r.assessment_id = rr.assessment_id"
                + " WHERE rr.level = 'ENABLER' AND rr.score IS NOT NULL AND rr.assessment_id IN (" + marks(results) + ")"
                + " GROUP BY rr.rating_id"
                + " UNION ALL SELECT '" + OVERALL + "', COUNT(*), COUNT(DISTINCT r.organisation_id),"
                + String.format(quartiles, "r.overall_score")
                + " FROM assessment_result r WHERE r.overall_score IS NOT NULL AND r.assessment_id IN (" + marks(results) + ")";
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            s.setObject(i + 1, parameters.get(i));
        }
        return s;
    }
}
