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
 * one is picked in the database; ratings are joined to the winners by primary key, and statistics are
 * aggregated there too. Measured on H2 with 10,000 results: scanning assessment_result's wide rows (each holds
 * the result JSON) cost most, hence the narrow result_summary (V4); and an IN list over result_rating's
 * composite key was planned as a scan, so ratings are joined from the window instead.
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
        // The window reads result_summary alone (narrow rows with period and scope, V4), joining the
        // organisation only to filter. Later joins from the window's winners are primary-key lookups.
        latest = "(SELECT r.assessment_id, ROW_NUMBER() OVER (PARTITION BY " + partition
                + " ORDER BY r.period DESC, r.submitted_at DESC) AS recency"
                + " FROM result_summary r"
                + (organisation ? " JOIN organisation o ON o.id = r.organisation_id" : "")
                + " WHERE " + where + ") l";
    }

    /** The latest result of each organisation (or organisation and scope) with its enabler ratings, by name. */
    String rowsQuery() {
        return "SELECT l.assessment_id, o.code, o.name, o.type, o.region, r.scope, r.period, r.submitted_at,"
                + " r.questionnaire_version, r.ruleset_version, r.overall_score, r.overall_band,"
                + " rr.rating_id, rr.score, rr.band"
                + " FROM " + latest
                + " JOIN result_summary r ON r.assessment_id = l.assessment_id"
                + " JOIN organisation o ON o.id = r.organisation_id"
                + " LEFT JOIN result_rating rr ON rr.assessment_id = l.assessment_id AND rr.level = 'ENABLER'"
                + " WHERE l.recency = 1"
                + " ORDER BY o.name, o.code, COALESCE(r.scope, ''), l.assessment_id, rr.rating_id";
    }

    /** Per enabler, over the latest results: how many scores, from how many organisations, the three quartiles. */
    String statisticsQuery() {
        return "SELECT rr.rating_id, COUNT(*) AS n, COUNT(DISTINCT r.organisation_id) AS organisations,"
                + String.format(QUARTILES, "rr.score")
                + " FROM " + latest
                + " JOIN result_rating rr ON rr.assessment_id = l.assessment_id AND rr.level = 'ENABLER'"
                + " JOIN result_summary r ON r.assessment_id = l.assessment_id"
                + " WHERE l.recency = 1 AND rr.score IS NOT NULL"
                + " GROUP BY rr.rating_id";
    }

    /**
     * The same over the overall scores of the given results (the ids the rows query found), so the window is not
     * evaluated a third time; result_summary's single-column primary key serves the IN list.
     */
    static String overallQuery(int results) {
        return "SELECT COUNT(*) AS n, COUNT(DISTINCT r.organisation_id) AS organisations,"
                + String.format(QUARTILES, "r.overall_score")
                + " FROM result_summary r WHERE r.overall_score IS NOT NULL AND r.assessment_id IN ("
                + marks(results) + ")";
    }

    private static final String QUARTILES = " PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY %1$s) AS q1,"
            + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY %1$s) AS q2,"
            + " PERCENTILE_CONT(0.75) WITHIN GROUP (ORDER BY %1$s) AS q3";

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
