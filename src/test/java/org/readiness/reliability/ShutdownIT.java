package org.readiness.reliability;

import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;
import org.readiness.testing.ServiceProcess;
import org.readiness.testing.SubmissionRun;
import org.readiness.testing.TestPostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping the packaged service while it takes submissions. SIGTERM lets the requests in flight finish; SIGKILL
 * loses no submission that was acknowledged, on the embedded H2 file database and on PostgreSQL.
 */
class ShutdownIT {

    /** Thousands of Basic requests: the cheapest bcrypt cost keeps the run about the database, not hashing. */
    static final String FAST_HASHES = "READINESS_SECURITY_PASSWORD_COST";

    static final int DRAFTS = 200;
    static final int THREADS = 16;

    @Test
    void aGracefulShutdownFinishesTheSubmissionsInFlight() throws Exception {
        try (ServiceProcess service = ServiceProcess.h2().env(FAST_HASHES, "4").name("graceful").start().useForRestAssured()) {
            SubmissionRun run = SubmissionRun.prepare(service, DRAFTS).start(THREADS);
            run.awaitAcknowledged(40);
            // Every request sent from here on was sent before SIGTERM: each must be answered, not cut off.
            run.stopTaking();
            service.stopGracefully();
            run.await();

            assertThat(run.outcomes().values()).as("in-flight requests answered: " + run.histogram())
                    .allMatch(o -> o.acknowledged() || o.status() == 503 || o.refusedConnection());
            System.out.printf("graceful: %s%n", run.histogram());
            List<String> acknowledged = run.acknowledgedDrafts();
            service.restart().useForRestAssured();
            assertStoredThroughTheApi(acknowledged);
            service.stopGracefully();
            assertConsistentH2(service, acknowledged);
        }
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
