package org.readiness.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;
import org.readiness.testing.ServiceProcess;
import org.readiness.testing.SubmissionRun;
import org.readiness.testing.TestPostgres;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the packaged service while it takes submissions. On SIGTERM readiness turns DOWN while the service still
 * serves, so a load balancer stops sending before connections close, and every request it sent is answered; SIGKILL
 * loses no submission that was acknowledged, on the embedded H2 file database and on PostgreSQL.
 */
class ShutdownIT {

    /** Thousands of Basic requests: the cheapest bcrypt cost keeps the run about the database, not hashing. */
    static final String FAST_HASHES = "READINESS_SECURITY_PASSWORD_COST";

    static final int DRAFTS = 200;
    static final int THREADS = 16;
    /**
     * Enough that the submissions still go on when the load balancer stops sending, 1-2 s after SIGTERM: each
     * sender pauses between submissions, so the run takes at least 400 / (16 x 10/s) = 2.5 s however fast the service.
     */
    static final int GRACEFUL_DRAFTS = 400;
    static final Duration SENDER_PAUSE = Duration.ofMillis(100);

    /** The model load balancer's probe period, and how long it still sends after the probe saw DOWN. */
    static final Duration PROBE_PERIOD = Duration.ofMillis(250);
    static final Duration PROPAGATION = Duration.ofSeconds(1);
    static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aGracefulShutdownFinishesTheSubmissionsInFlight() throws Exception {
        try (ServiceProcess service = ServiceProcess.h2().env(FAST_HASHES, "4").name("graceful").start().useForRestAssured()) {
            SubmissionRun run = SubmissionRun.prepare(service, GRACEFUL_DRAFTS).start(THREADS, SENDER_PAUSE);
            run.awaitAcknowledged(40);
            int beforeSigterm = run.acknowledged();
            service.terminate();
            long sigterm = System.nanoTime();
            // A load balancer in front keeps sending until its probe sees readiness DOWN, and a moment beyond
            // (Kubernetes' endpoint update reaching every node): every request it sent must be answered.
            String readiness = untilNotReady(service);
            Thread.sleep(PROPAGATION.toMillis());
            run.stopTaking();
            run.await();
            // Still there once the balancer has stopped and nothing runs: the close waits for the delay, not for
            // the first moment without a request (when a request on its way would be reset).
            String afterwards = untilNotReady(service);
            long sinceSigterm = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sigterm);
            service.awaitExit();

            System.out.printf("graceful: %s; readiness after SIGTERM: %s, %d ms after it: %s; acknowledged after SIGTERM: %d%n",
                    run.histogram(), readiness, sinceSigterm, afterwards, run.acknowledged() - beforeSigterm);
            assertThat(run.outcomes().values()).as("requests sent until the load balancer stopped, answered: " + run.histogram())
                    .allMatch(o -> o.acknowledged() || o.status() == 503 || o.refusedConnection());
            assertThat(readiness).as("readiness once SIGTERM arrived, while the service still serves").isEqualTo("DOWN");
            assertThat(afterwards).as("readiness once the senders stopped, %d ms after SIGTERM", sinceSigterm).isEqualTo("DOWN");
            assertThat(run.outcomes()).as("the submissions were still going when the load balancer stopped")
                    .hasSizeLessThan(GRACEFUL_DRAFTS);
            List<String> acknowledged = run.acknowledgedDrafts();
            service.restart().useForRestAssured();
            assertStoredThroughTheApi(acknowledged);
            service.stopGracefully();
            assertConsistentH2(service, acknowledged);
        }
    }

    /**
     * Asks /q/health/ready every {@link #PROBE_PERIOD} until it is not UP: "DOWN" when the shutdown check says so
     * (the pre-shutdown delay), else the answer or what stood in for one (the service no longer listening).
     */
    static String untilNotReady(ServiceProcess service) throws InterruptedException {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = PROBE.send(ready, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    return response.statusCode() == 503 && shutdownCheckDown(response.body())
                            ? "DOWN" : "HTTP " + response.statusCode() + " " + response.body();
                }
            } catch (IOException e) {
                return e.getClass().getName();
            }
            Thread.sleep(PROBE_PERIOD.toMillis());
        }
        throw new AssertionError("readiness still UP 30 s after SIGTERM");
    }

    /** The health answer has Quarkus' "Graceful Shutdown" check, and it is DOWN. */
    static boolean shutdownCheckDown(String health) throws IOException {
        for (JsonNode check : JSON.readTree(health).path("checks")) {
            if ("Graceful Shutdown".equals(check.path("name").asText())) {
                return "DOWN".equals(check.path("status").asText());
            }
        }
        return false;
    }

    @Test
    void aKillDuringSubmissionsLosesNoAcknowledgedOneOnH2() throws Exception {
        try (ServiceProcess service = ServiceProcess.h2().env(FAST_HASHES, "4").name("kill-h2").start().useForRestAssured()) {
            List<String> acknowledged = killMidRun(service);
            service.restart().useForRestAssured();
            assertStoredThroughTheApi(acknowledged);
            service.stopGracefully();
            assertConsistentH2(service, acknowledged);
        }
    }

    @Test
    void aKillDuringSubmissionsLosesNoAcknowledgedOneOnPostgres() throws Exception {
        try (TestPostgres.Database db = TestPostgres.freshDatabase("kill");
             ServiceProcess service = ServiceProcess.pg(db).env(FAST_HASHES, "4").name("kill-pg").start().useForRestAssured()) {
            List<String> acknowledged = killMidRun(service);
            try (Connection c = db.connect()) {
                assertThat(SubmissionRun.storedOnce(c, acknowledged)).containsExactlyElementsOf(acknowledged);
                assertThat(SubmissionRun.halfWritten(c)).isEmpty();
            }
            service.restart().useForRestAssured();
            assertStoredThroughTheApi(acknowledged);
        }
    }

    /** Submits from several threads and kills the service mid-run; returns the drafts whose submission was acknowledged. */
    static List<String> killMidRun(ServiceProcess service) throws Exception {
        SubmissionRun run = SubmissionRun.prepare(service, DRAFTS).start(THREADS);
        run.awaitAcknowledged(60);
        service.kill9();
        run.stopTaking();
        run.await();
        assertThat(run.acknowledged()).as(run.histogram().toString()).isGreaterThanOrEqualTo(60).isLessThan(DRAFTS);
        System.out.printf("kill -9 (%s): %s%n", service.home().getFileName(), run.histogram());
        return run.acknowledgedDrafts();
    }

    static void assertStoredThroughTheApi(List<String> acknowledged) {
        for (String id : acknowledged) {
            Api.owner(id).get("/api/v1/assessments/" + id).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("SUBMITTED"));
            Api.owner(id).get("/api/v1/assessments/" + id + "/result").then().statusCode(200);
        }
    }

    /** With the service stopped, the H2 file itself: every acknowledged submission once, nothing half-written. */
    static void assertConsistentH2(ServiceProcess service, List<String> acknowledged) throws Exception {
        String url = "jdbc:h2:file:" + service.home().resolve("data/readiness").toAbsolutePath();
        try (Connection c = DriverManager.getConnection(url, "", "")) {
            assertThat(SubmissionRun.storedOnce(c, acknowledged)).containsExactlyElementsOf(acknowledged);
            assertThat(SubmissionRun.halfWritten(c)).isEmpty();
        }
    }
}
