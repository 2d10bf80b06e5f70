package org.readiness.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of one test's own that it may stop and start again, on the same port and data, to fault
 * the database under a running {@link ServiceProcess} without touching the server other tests share. Embedded
 * (io.zonky), with its data under target/it/&lt;name&gt;-postgres/; {@link #database()} is the JDBC source for
 * {@link ServiceProcess#pg(TestPostgres.Database)}.
 */
public final class StoppablePostgres implements AutoCloseable {

    private static final String DATABASE = "readiness";

    private final Path data;
    private final int port;
    private EmbeddedPostgres server;

    private StoppablePostgres(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    /** Starts a new, empty server. */
    public static StoppablePostgres start(String name) {
        try {
            Path data = ServiceProcess.projectDir().resolve("target/it").resolve(name + "-postgres");
            Files.createDirectories(data.getParent());
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            if (Files.exists(data)) {
                try (Stream<Path> old = Files.walk(data)) {
                    for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            StoppablePostgres pg = new StoppablePostgres(data, port);
            pg.launch();
            pg.maintenance().execute("CREATE DATABASE " + DATABASE);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Its database "readiness" (user postgres, no password), made at start. */
    public TestPostgres.Database database() {
        TestPostgres.Server server = maintenance();
        return new TestPostgres.Database(DATABASE, server.urlOf(DATABASE), "postgres", "", server);
    }

    private TestPostgres.Server maintenance() {
        return new TestPostgres.Server("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "", true);
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return server != null;
    }

    /** Stops the server (fast shutdown: open connections are cut), keeping its data. */
    public void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                server = null;
            }
        }
    }

    /** Starts it again on the same port with the same data. */
    public void restart() {
        if (server == null) {
            launch();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Never a clean data directory: zonky would delete it on stop. initdb runs when the folder is empty. */
    private void launch() {
        try {
            server = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start PostgreSQL on port " + port + " with data " + data, e);
        }
    }
}
