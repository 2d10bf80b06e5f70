package org.readiness.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * PostgreSQL for tests of the packaged service ({@link ServiceProcess}): a new, empty database per call of
 * {@link #freshDatabase(String)} on the server named by READINESS_TEST_PG_URL (user postgres, or
 * READINESS_TEST_PG_USER / READINESS_TEST_PG_PASSWORD), or, without it, on an embedded PostgreSQL started once
 * for this JVM. A whole database rather than a schema (as {@link TestDatabase} uses) because the service under
 * test runs Flyway in its default schema, exactly as in production.
 */
public final class TestPostgres {

    /** A database of its own: its JDBC URL and credentials, ready for READINESS-style env or plain JDBC. */
    public record Database(String name, String url, String user, String password, Server server) implements AutoCloseable {

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }

        /** Drops the database, closing whatever sessions are still open on it (PostgreSQL 13 and later). */
        @Override
        public void close() {
            server.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /** A PostgreSQL server: the JDBC URL of its maintenance database and credentials that may create databases. */
    public record Server(String url, String user, String password, boolean embedded) {

        /** The JDBC URL of {@code database} on this server, keeping any query parameters. */
        public String urlOf(String database) {
            int query = url.indexOf('?');
            String base = query < 0 ? url : url.substring(0, query);
            String parameters = query < 0 ? "" : url.substring(query);
            return base.substring(0, base.lastIndexOf('/') + 1) + database + parameters;
        }

        void execute(String sql) {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot run '" + sql + "' on " + url + ": " + e.getMessage(), e);
            }
        }
    }

    private static Server server;

    private TestPostgres() {
    }

    /** A new empty database named readiness_it_&lt;label&gt;_&lt;random&gt;; close it to drop it. */
    public static Database freshDatabase(String label) {
        Server s = server();
        String name = ("readiness_it_" + label.replaceAll("[^A-Za-z0-9]", "_") + "_"
                + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT);
        s.execute("CREATE DATABASE " + name);
        return new Database(name, s.urlOf(name), s.user(), s.password(), s);
    }

    /** The configured server, or an embedded one started on first use and stopped when the JVM exits. */
    public static synchronized Server server() {
        if (server != null) {
            return server;
        }
        String configured = System.getenv("READINESS_TEST_PG_URL");
        if (configured != null && !configured.isBlank()) {
            server = new Server(configured, env("READINESS_TEST_PG_USER", "postgres"), env("READINESS_TEST_PG_PASSWORD", ""), false);
            return server;
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException e) {
                    // the JVM is exiting; the server's files are temporary
                }
            }));
            server = new Server("jdbc:postgresql://127.0.0.1:" + embedded.getPort() + "/postgres", "postgres", "", true);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
