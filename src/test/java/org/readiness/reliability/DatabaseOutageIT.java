package org.readiness.reliability;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;
import org.readiness.testing.ServiceProcess;
import org.readiness.testing.StoppablePostgres;
import org.readiness.testing.SubmissionRun;
import org.readiness.testing.TestPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL goes away under load and comes back. While it is away, the service answers 503 problem+json and
 * reports not-ready; once it is back, the service recovers by itself (no restart), no acknowledged submission is
 * lost and nothing is half-written.
 * <p>
 * "Away" is made two ways: a PostgreSQL server of the test's own (embedded, {@link StoppablePostgres}) is stopped
 * and started again on the same port and data; and, on the shared server (the machine's in CI), the database
 * stops accepting connections ({@code ALTER DATABASE ... ALLOW_CONNECTIONS false}) while every open session on it
 * is terminated ({@code pg_terminate_backend}), so pooled connections break and new ones are refused.
 */
class DatabaseOutageIT {

    /** Thousands of Basic requests: the cheapest bcrypt cost keeps the run about the database, not hashing. */
    static final String FAST_HASHES = "READINESS_SECURITY_PASSWORD_COST";
    static final int DRAFTS = 150;

    /** Takes the database away and brings it back. */
    interface Outage {
        void begin() throws Exception;

        void end() throws Exception;
    }

    @Test
    void whileThePostgresServerIsStoppedTheServiceAnswers503AndRecoversWithoutLosingAWrite() throws Exception {
        try (StoppablePostgres server = StoppablePostgres.start("outage-stop")) {
            survives(server.database(), "outage-stop", new Outage() {
                public void begin() {
                    server.stop();
                }

                public void end() {
                    server.restart();
                }
            });
        }
    }

    @Test
    void whileItsConnectionsAreCutTheServiceAnswers503AndRecoversWithoutLosingAWrite() throws Exception {
        try (TestPostgres.Database db = TestPostgres.freshDatabase("outage")) {
            survives(db, "outage-cut", new Outage() {
                public void begin() throws Exception {
                    cut(db);
                }

                public void end() throws Exception {
                    restore(db);
                }
            });
        }
    }

    void survives(TestPostgres.Database db, String name, Outage outage) throws Exception {
        try (ServiceProcess service = ServiceProcess.pg(db).env(FAST_HASHES, "4").name(name).start().useForRestAssured()) {
            SubmissionRun run = SubmissionRun.prepare(service, DRAFTS).start(8);
            run.awaitAcknowledged(30);

            outage.begin();
            long began = System.nanoTime();
            try {
                await("not ready while the database is away", () -> given().get("/q/health/ready").statusCode() == 503);
                Response write = Api.admin().body("{\"code\":\"S97000001\",\"name\":\"During the outage\",\"type\":\"OTHER\"}")
                        .post("/api/v1/organisations");
                assertThat(write.statusCode()).as(write.asString()).isEqualTo(503);
                assertThat(write.contentType()).startsWith("application/problem+json");
                assertThat(write.header("Retry-After")).isNotBlank();
                assertThat(write.jsonPath().getString("type")).isEqualTo("urn:readiness:problem:database-unavailable");
                Response read = Api.admin().get("/api/v1/organisations");
                assertThat(read.statusCode()).as(read.asString()).isEqualTo(503);
                await("submissions refused while the database is away", () -> run.histogram().getOrDefault("503", 0) >= 5);
            } finally {
                outage.end();
            }
            long restored = System.nanoTime();
            await("ready again without a restart", () -> given().get("/q/health/ready").statusCode() == 200);
            report(name, began, restored, System.nanoTime());

            run.await();
            assertThat(run.outcomes().values()).as(run.histogram().toString())
                    .allMatch(o -> o.acknowledged() || o.status() == 503);
            List<String> acknowledged = run.acknowledgedDrafts();
            try (Connection c = db.connect()) {
                assertThat(SubmissionRun.storedOnce(c, acknowledged)).containsExactlyElementsOf(acknowledged);
                assertThat(SubmissionRun.halfWritten(c)).isEmpty();
            }
            // Those refused during the outage go through now.
            for (String id : run.drafts()) {
                assertThat(Api.submit(id).statusCode()).isIn(200, 201);
            }
            try (Connection c = db.connect()) {
                assertThat(SubmissionRun.storedOnce(c, run.drafts())).hasSameSizeAs(run.drafts());
                assertThat(SubmissionRun.halfWritten(c)).isEmpty();
            }
            Api.admin().body("{\"code\":\"S97000001\",\"name\":\"After the outage\",\"type\":\"OTHER\"}")
                    .post("/api/v1/organisations").then().statusCode(201);
            System.out.printf("%s: %s%n", name, run.histogram());
        }
    }

    static void report(String name, long began, long restored, long ready) {
        System.out.printf("%s: database away %.1f s; service ready %.1f s after it came back%n", name,
                (restored - began) / 1e9, (ready - restored) / 1e9);
    }

    static void cut(TestPostgres.Database db) throws Exception {
        onServer(db, "ALTER DATABASE " + db.name() + " ALLOW_CONNECTIONS false",
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db.name() + "'");
    }

    static void restore(TestPostgres.Database db) throws Exception {
        onServer(db, "ALTER DATABASE " + db.name() + " ALLOW_CONNECTIONS true");
    }

    static void onServer(TestPostgres.Database db, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(db.server().url(), db.user(), db.password());
             Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within 60 s: " + what);
            }
            Thread.sleep(100);
        }
    }
}
