package org.readiness.audit;

import org.readiness.persistence.Digests;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * What someone who can write to the database (and holds no audit key) can do to the chain, in plain JDBC, and the
 * undoing of it: rows from a number on and the head are kept by {@link #keep} and put back by {@link Kept#close},
 * so that later tests on the shared database see a whole chain.
 */
final class ChainTampering {

    private static final String COLUMNS = "id, at, actor, action, target, before_digest, after_digest, prev_hash, row_hash, key_id";

    private ChainTampering() {
    }

    record Row(long id, OffsetDateTime at, String actor, String action, String target, String before, String after,
               String prev, String hash, String keyId) {
    }

    /** Rows from {@code from} on and the head, as they are now; closing puts them back. */
    static Kept keep(DataSource db, long from) throws SQLException {
        return new Kept(db, from, rows(db, from), head(db));
    }

    record Kept(DataSource db, long from, List<Row> rows, Object[] head) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            try (Connection c = db.getConnection()) {
                update(c, "DELETE FROM audit_log WHERE id >= ?", from);
                for (Row r : rows) {
                    insert(c, r);
                }
                update(c, "UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1", head[0], head[1]);
            }
        }
    }

    static List<Row> rows(DataSource db, long from) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log WHERE id >= ? ORDER BY id")) {
            s.setLong(1, from);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(r.getLong(1), r.getObject(2, OffsetDateTime.class), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10)));
                }
            }
        }
        return rows;
    }

    static Object[] head(DataSource db) throws SQLException {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT last_id, last_hash FROM audit_head WHERE id = 1");
             ResultSet r = s.executeQuery()) {
            r.next();
            return new Object[]{r.getLong(1), r.getString(2)};
        }
    }

    /**
     * The old forgery: rows from {@code from} on rewritten with {@code actor} at {@code from} (null: as it
     * was), each rehashed with plain
     * sha-256 as before V7 and chained to the one before, and the head moved to the new last hash; with
     * {@code asUnkeyed} their key ids are removed too, passing them off as rows from before V7.
     */
    static void rewrite(DataSource db, long from, String actor, boolean asUnkeyed) throws SQLException {
        List<Row> rows = rows(db, from);
        String prev = rows.get(0).prev();
        try (Connection c = db.getConnection()) {
            for (Row r : rows) {
                String who = r.id() == from && actor != null ? actor : r.actor();
                String hash = Digests.row(r.id(), r.at().toInstant(), who, r.action(), r.target(), r.before(), r.after(), prev);
                update(c, "UPDATE audit_log SET actor = ?, prev_hash = ?, row_hash = ?" + (asUnkeyed ? ", key_id = NULL" : "")
                        + " WHERE id = ?", who, prev, hash, r.id());
                prev = hash;
            }
            update(c, "UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1", rows.get(rows.size() - 1).id(), prev);
        }
    }

    /** Removes the rows from {@code from} on and moves the head back to the row before them. */
    static void truncate(DataSource db, long from) throws SQLException {
        String prev = rows(db, from).get(0).prev();
        try (Connection c = db.getConnection()) {
            update(c, "DELETE FROM audit_log WHERE id >= ?", from);
            update(c, "UPDATE audit_head SET last_id = ?, last_hash = ? WHERE id = 1", from - 1, prev);
        }
    }

    static void update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }

    private static void insert(Connection c, Row r) throws SQLException {
        update(c, "INSERT INTO audit_log (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.id(), r.at(),
                r.actor(), r.action(), r.target(), r.before(), r.after(), r.prev(), r.hash(), r.keyId());
    }
}
