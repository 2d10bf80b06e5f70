package org.readiness.testing;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The row count of every table of the service's schema, and the versions of its assessments: two snapshots are
 * equal when nothing was added, removed or changed in a versioned row. Tests of refused requests compare one
 * taken before with one taken after.
 */
public record DatabaseSnapshot(Map<String, Long> rows, long assessmentVersions) {

    public static DatabaseSnapshot of(DataSource db) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = c.getMetaData().getTables(null, c.getSchema(), "%", new String[]{"TABLE"})) {
                while (r.next()) {
                    String table = r.getString("TABLE_NAME");
                    if (!table.toLowerCase().startsWith("flyway")) {
                        tables.add(table);
                    }
                }
            }
            if (tables.isEmpty()) {
                throw new IllegalStateException("No table found in schema " + c.getSchema());
            }
            Map<String, Long> rows = new TreeMap<>();
            for (String table : tables) {
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    r.next();
                    rows.put(table.toLowerCase(), r.getLong(1));
                }
            }
            try (ResultSet r = s.executeQuery("SELECT COALESCE(SUM(row_version), 0) FROM assessment")) {
                r.next();
                return new DatabaseSnapshot(rows, r.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take a snapshot of the database", e);
        }
    }

    /**
     * This snapshot with one more audit row: impact analyses and replays that reach their endpoint leave one whatever
     * their outcome, refusals too (org.readiness.audit.ActivityLog), and nothing else.
     */
    public DatabaseSnapshot withAuditRowIf(boolean audited) {
        if (!audited) {
            return this;
        }
        Map<String, Long> more = new TreeMap<>(rows);
        more.merge("audit_log", 1L, Long::sum);
        return new DatabaseSnapshot(more, assessmentVersions);
    }

    /** Whether a request that reaches the endpoint of {@code path} is audited even when it is refused. */
    public static boolean auditsRefusals(String path) {
        return path.startsWith("/api/v1/rulesets/impact") || path.matches("/api/v1/assessments/[^/]+/replay");
    }
}
