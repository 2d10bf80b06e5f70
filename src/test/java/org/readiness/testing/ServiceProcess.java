package org.readiness.testing;

import io.restassured.RestAssured;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged service (target/quarkus-app or target/quarkus-app-pg, built by {@code package}) as a child
 * process, for *IT tests run by failsafe: start on a free port, wait until /q/health/ready says UP, then stop
 * it with SIGTERM ({@link #stopGracefully()}), kill it ({@link #kill9()}) or start it again on the same data
 * ({@link #restart()}).
 * <pre>
 * try (TestPostgres.Database db = TestPostgres.freshDatabase("crash");
 *      ServiceProcess service = ServiceProcess.pg(db).name("crash").start()) {
 *     service.useForRestAssured();           // Api helpers now talk to it, as Api.ADMIN
 *     ...
 *     service.kill9();
 *     service.restart();                     // same database, same port when still free
 * }
 * </pre>
 * Every instance runs with the rules and questionnaires of the work tree (absolute paths), demo seeds off, the
 * first admin {@link Api#ADMIN} / {@link Api#ADMIN_PASSWORD} (so Api's helpers work unchanged), a shared form
 * session key (so instances accept each other's cookies), and its own folder target/it/&lt;name&gt;/ as working
 * directory and H2 data folder (emptied by {@link Builder#start()}, kept by {@link #restart()}).
 * {@link Builder#env} and {@link Builder#property} override any of that.
 * Its output goes to target/it/&lt;name&gt;/service-&lt;n&gt;.log, one file per start.
 */
public final class ServiceProcess implements AutoCloseable {

    /** The two packages that {@code package} builds. */
    public enum Build {
        H2("readiness.it.h2-app", "target/quarkus-app"),
        PG("readiness.it.pg-app", "target/quarkus-app-pg");

        private final String property;
        private final String fallback;

        Build(String property, String fallback) {
            this.property = property;
            this.fallback = fallback;
        }

        /** The fast-jar folder: failsafe passes it as a system property; the fallback serves IDE runs. */
        public Path folder() {
            return Path.of(System.getProperty(property, projectDir().resolve(fallback).toString()));
        }
    }

    private static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Builder spec;
    private final Path home;
    private Process process;
    private int port;
    private int starts;
    private Path log;

    private ServiceProcess(Builder spec) {
        this.spec = spec;
        this.home = projectDir().resolve("target/it").resolve(spec.name);
    }

    /** The embedded default: an H2 file database under target/it/&lt;name&gt;/data. */
    public static Builder h2() {
        return new Builder(Build.H2);
    }

    /** The PostgreSQL build on {@code database} (see {@link TestPostgres#freshDatabase(String)}). */
    public static Builder pg(TestPostgres.Database database) {
        return new Builder(Build.PG)
                .env("QUARKUS_DATASOURCE_JDBC_URL", database.url())
                .env("QUARKUS_DATASOURCE_USERNAME", database.user())
                .env("QUARKUS_DATASOURCE_PASSWORD", database.password());
    }

    /** How to start an instance; {@link #start()} starts it. */
    public static final class Builder {
        private final Build build;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final List<String> jvmOptions = new ArrayList<>(List.of("-Xmx512m"));
        private String name = "service";
        private Duration readyTimeout = DEFAULT_READY_TIMEOUT;

        private Builder(Build build) {
            this.build = build;
            Path project = projectDir();
            env.put("READINESS_RULES_PATH", project.resolve("rules").toString());
            env.put("READINESS_QUESTIONNAIRES_PATH", project.resolve("questionnaires").toString());
            env.put("READINESS_SEEDS_PATH", project.resolve("seeds").toString());
            env.put("READINESS_SEEDS_ENABLED", "false");
            env.put("READINESS_ADMIN_USERNAME", Api.ADMIN);
            env.put("READINESS_ADMIN_PASSWORD", Api.ADMIN_PASSWORD);
            env.put("QUARKUS_HTTP_AUTH_SESSION_ENCRYPTION_KEY", "it-only-form-session-key-0123456789abcdef");
            env.put("READINESS_AUDIT_KEY", "it-only-audit-chain-key-0123456789abcdef");
        }

        /** Names the folder under target/it/ (working directory, H2 data, logs); unique per instance. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** An environment variable of the service (READINESS_..., QUARKUS_...); null removes a default. */
        public Builder env(String key, String value) {
            if (value == null) {
                env.remove(key);
            } else {
                env.put(key, value);
            }
            return this;
        }

        /** A -D system property of the service; outranks environment variables in Quarkus' configuration. */
        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        /** A JVM option such as -Xmx256m (replaces the default heap limit when it is one). */
        public Builder jvmOption(String option) {
            if (option.startsWith("-Xmx")) {
                jvmOptions.removeIf(o -> o.startsWith("-Xmx"));
            }
            jvmOptions.add(option);
            return this;
        }

        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = timeout;
            return this;
        }

        /** Starts the service and waits until it is ready. */
        public ServiceProcess start() {
            ServiceProcess service = new ServiceProcess(this);
            // A new instance starts empty: an earlier run's H2 data and logs under the same name go first.
            deleteRecursively(service.home);
            service.launch(freePort());
            return service;
        }

        /**
         * Starts the service expecting it to refuse: returns the whole log of that start once the process has
         * exited (the failure of {@link #start()} quotes only its last lines); fails if it became ready instead.
         */
        public String startRefused() {
            ServiceProcess service = new ServiceProcess(this);
            deleteRecursively(service.home);
            try {
                service.launch(freePort());
            } catch (IllegalStateException e) {
                if (service.isAlive() || !e.getMessage().contains("exited")) {
                    throw e;
                }
                try {
                    return Files.readString(service.log);
                } catch (IOException unreadable) {
                    throw new UncheckedIOException(unreadable);
                }
            }
            service.close();
            throw new AssertionError("Service " + name + " started and became ready; it was expected to refuse");
        }
    }

    /** http://127.0.0.1:port, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The log of the current (or last) start. */
    public Path logFile() {
        return log;
    }

    /** The folder of this instance: its working directory; with H2 its data is in data/ under it. */
    public Path home() {
        return home;
    }

    /** Points RestAssured's defaults (and so {@link Api}'s helpers) at this instance. */
    public ServiceProcess useForRestAssured() {
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = port;
        return this;
    }

    /** SIGTERM, then waits for the exit (at most 30 s, else kills it and fails); returns the exit code. */
    public int stopGracefully() {
        terminate();
        return awaitExit();
    }

    /** SIGTERM without waiting: the shutdown runs while the caller watches it; {@link #awaitExit()} then waits. */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the exit after {@link #terminate()} (at most 30 s, else kills it and fails); returns the exit code. */
    public int awaitExit() {
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("Service " + spec.name + " did not stop within " + STOP_TIMEOUT + " of SIGTERM; see " + log);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGKILL (on Unix, Process.destroyForcibly): no shutdown hook runs. Waits until the process is gone. */
    public void kill9() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts the service again with the same settings and data (H2 folder or PostgreSQL database), on the same
     * port when it is free. The previous process must have exited (stopGracefully or kill9).
     */
    public ServiceProcess restart() {
        if (isAlive()) {
            throw new IllegalStateException("Service " + spec.name + " is still running: stop or kill it first");
        }
        launch(portFree(port) ? port : freePort());
        return this;
    }

    /** Stops the service if it still runs (SIGTERM, then SIGKILL after the timeout). */
    @Override
    public void close() {
        if (isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void launch(int chosenPort) {
        Path jar = spec.build.folder().resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: run the package phase first (failsafe runs after it)");
        }
        port = chosenPort;
        starts++;
        try {
            Files.createDirectories(home);
            log = home.resolve("service-" + starts + ".log");
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(spec.jvmOptions);
            command.add("-Dquarkus.http.port=" + port);
            command.add("-Dquarkus.http.host=127.0.0.1");
            spec.properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
            command.add("-jar");
            command.add(jar.toString());
            ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("READINESS_DATA_DIR", home.resolve("data").toString());
            builder.environment().putAll(spec.env);
            process = builder.start();
            Process started = process;
            // A test JVM that exits (or fails before closing this) must not leave the service running.
            Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + jar, e);
        }
        awaitReady();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + spec.readyTimeout.toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Service " + spec.name + " exited with " + process.exitValue()
                        + " before it was ready; its log:\n" + tail());
            }
            try {
                HttpResponse<String> response = HTTP.send(ready, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        close();
        throw new IllegalStateException("Service " + spec.name + " was not ready within " + spec.readyTimeout + "; its log:\n" + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot clear " + folder, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Path projectDir() {
        return Path.of(System.getProperty("readiness.it.project-dir", "")).toAbsolutePath();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean portFree(int candidate) {
        try (ServerSocket socket = new ServerSocket(candidate)) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
