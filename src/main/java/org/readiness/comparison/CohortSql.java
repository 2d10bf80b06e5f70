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
 * one is picked in the database; ratings are joined only for those; statistics are aggregated there too.
 * Filter values are always bound parameters, never spliced into the text.
 */
final class CohortSql {

    /** The statistics row of the overall score, beside one row per enabler id. */
    static final String OVERALL = "(overall)";

    private final String latest;
    private final List<Object> parameters = new ArrayList<>();

    CohortSql(Filters f) {
        StringBuilder where = new StringBuilder("r.questionnaire_id = ?");
        parameters.add(f.questionnaire());
        if (f.version() != null) {
            where.append(" AND r.questionnaire_version = ?");
            parameters.add(f.version());
        }
        if (f.region() != null) {
            where.append(" AND o.region = ?");
            parameters.add(f.region());
        }
        if (f.type() != null) {
            where.append(" AND o.type = ?");
            parameters.add(f.type().name());
        }
        if (f.period() != null) {
            // Results of periods up to the given one: "as of" that period. A month includes every day in it,
            // so 2025-06 admits 2025-06-30; periods are ISO text, which sorts in time order.
            where.append(" AND a.period <= ?");
            parameters.add(f.period().length() == 7 ? f.period() + "-31" : f.period());
        }
        if (f.scope() != null) {
            where.append(" AND a.scope = ?");
            parameters.add(f.scope());
        }
        String partition = f.byScope() || f.scope() != null ? "r.organisation_id, COALESCE(a.scope, '')" : "r.organisation_id";
        latest = "WITH candidate AS (SELECT r.assessment_id, r.organisation_id, a.scope, a.period,"
                + " r.questionnaire_version, r.ruleset_version, r.overall_score, r.overall_band, r.submitted_at,"
                + " ROW_NUMBER() OVER (PARTITION BY " + partition
                + " ORDER BY a.period DESC, r.submitted_at DESC) AS recency"
                + " FROM assessment_result r"
                + " JOIN assessment a ON a.id = r.assessment_id"
                + " JOIN organisation o ON o.id = r.organisation_id"
                + " WHERE " + where + "),"
                + " latest AS (SELECT * FROM candidate WHERE recency = 1) ";
    }

    /** One row per latest result and enabler rating, by organisation name. */
    String rowsQuery() {
        return latest + "SELECT l.assessment_id, o.code, o.name, o.type, o.region, l.scope, l.period, l.submitted_at,"
                + " l.questionnaire_version, l.ruleset_version, l.overall_score, l.overall_band,"
                + " rr.rating_id, rr.score, rr.band"
                + " FROM latest l JOIN organisation o ON o.id = l.organisation_id"
                + " LEFT JOIN result_rating rr ON rr.assessment_id = l.assessment_id AND rr.level = 'ENABLER'"
                + " ORDER BY o.name, o.code, COALESCE(l.scope, ''), l.assessment_id, rr.rating_id";
    }

    /** Per enabler, and overall: how many scores, from how many organisations, and the three quartiles. */
    String statisticsQuery() {
        String quartiles = " PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY %1$s) AS q1,"
                + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY %1$s) AS q2,"
                + " PERCENTILE_CONT(0.75) WITHIN GROUP (ORDER BY %1$s) AS q3";
        return latest + "SELECT rr.rating_id, COUNT(*) AS n, COUNT(DISTINCT l.organisation_id) AS organisations,"
                + String.format(quartiles, "rr.score")
                + " FROM latest l JOIN result_rating rr ON rr.assessment_id = l.assessment_id"
                + " AND rr.level = 'ENABLER' AND rr.score IS NOT NULL"
                + " GROUP BY rr.rating_id"
                + " UNION ALL SELECT '" + OVERALL + "', COUNT(*), COUNT(DISTINCT l.organisation_id),"
                + String.format(quartiles, "l.overall_score")
                + " FROM latest l WHERE l.overall_score IS NOT NULL";
    }

    PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            s.setObject(i + 1, parameters.get(i));
        }
        return s;
    }
}
