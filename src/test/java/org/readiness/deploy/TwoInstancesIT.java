package org.readiness.deploy;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;
import org.readiness.testing.ServiceProcess;
import org.readiness.testing.TestPostgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the packaged PostgreSQL service on one database, started at the same moment (as a
 * Deployment's replicas are), behind no load balancer but called in turn: both serve, they agree on the ruleset,
 * and a submission made through either is stored exactly once and seen by both.
 */
class TwoInstancesIT {

    private static final int SUBMISSIONS = 24;
    private static final int RACED_DRAFTS = 8;

    private static TestPostgres.Database db;
    private static ServiceProcess a;
    private static ServiceProcess b;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        db = TestPostgres.freshDatabase("two_instances");
        // Both migrate and create the first admin against the same empty database at once.
        CompletableFuture<ServiceProcess> first = CompletableFuture.supplyAsync(() -> ServiceProcess.pg(db).name("two-instances-a").start());
        CompletableFuture<ServiceProcess> second = CompletableFuture.supplyAsync(() -> ServiceProcess.pg(db).name("two-instances-b").start());
        try {
            a = first.get(240, TimeUnit.SECONDS);
        } finally {
            // if the first failed, the second must still be stopped
            b = second.get(240, TimeUnit.SECONDS);
        }
        RestAssured.baseURI = "http://127.0.0.1";
    }

    @AfterAll
    static void stop() {
        RestAssured.reset();
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void bothServeAndAgreeOnTheRuleset() {
        String versionA = on(a, Api.auditor()).get("/api/v1/ruleset").then().statusCode(200).extract().path("version");
        String versionB = on(b, Api.auditor()).get("/api/v1/ruleset").then().statusCode(200).extract().path("version");
        assertThat(versionA).isNotBlank().isEqualTo(versionB);
        for (ServiceProcess instance : List.of(a, b)) {
            String ready = RestAssured.given().port(instance.port()).get("/q/health/ready").then().statusCode(200)
                    .extract().path("checks.find { it.name == 'ruleset' }.data.version");
            assertThat(ready).isEqualTo(versionA);
        }
    }

    @Test
    void concurrentSubmissionsThroughEitherAreStoredOnceAndSeenByBoth() throws Exception {
        String organisation = onDefault(a, Api::createOrganisation);
        List<String> drafts = new ArrayList<>();
        for (int i = 0; i < SUBMISSIONS; i++) {
            ServiceProcess via = i % 2 == 0 ? a : b;
            drafts.add(onDefault(via, () -> {
                String id = Api.createDraft(organisation);
                Api.putAnswers(id, Api.CRITICAL_ANSWERS).then().statusCode(200);
                return id;
            }));
        }

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < drafts.size(); i++) {
                String id = drafts.get(i);
                ServiceProcess via = i % 2 == 0 ? b : a; // the other instance than the one that made it
                statuses.add(pool.submit(() -> on(via, Api.owner(id)).post("/api/v1/assessments/" + id + "/submit").statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(count("SELECT COUNT(*) FROM assessment_result r JOIN assessment s ON s.id = r.assessment_id "
                + "JOIN organisation o ON o.id = s.organisation_id WHERE o.code = ?", organisation)).isEqualTo(SUBMISSIONS);
        assertThat(count("SELECT COUNT(*) FROM assessment s JOIN organisation o ON o.id = s.organisation_id "
                + "WHERE o.code = ? AND s.status = 'SUBMITTED'", organisation)).isEqualTo(SUBMISSIONS);
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'assessment.submit' AND target IN ("
                + "SELECT 'assessment/' || CAST(s.id AS varchar) FROM assessment s JOIN organisation o ON o.id = s.organisation_id "
                + "WHERE o.code = ?)", organisation)).as("each submission audited once").isEqualTo(SUBMISSIONS);
        on(a, Api.auditor()).get("/api/v1/audit/verify").then().statusCode(200).body("valid", org.hamcrest.Matchers.is(true));
        for (ServiceProcess instance : List.of(a, b)) {
            long total = ((Number) on(instance, Api.analyst())
                    .get("/api/v1/assessments?organisation=" + organisation + "&status=SUBMITTED&size=100")
                    .then().statusCode(200).extract().path("total")).longValue();
            assertThat(total).as("submitted, seen through port %d", instance.port()).isEqualTo(SUBMISSIONS);
        }
    }

    @Test
    void theSameDraftSubmittedThroughBothAtOnceHasExactlyOneResult() throws Exception {
        String organisation = onDefault(a, Api::createOrganisation);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < RACED_DRAFTS; i++) {
                String id = onDefault(i % 2 == 0 ? a : b, () -> {
                    String draft = Api.createDraft(organisation);
                    Api.putAnswers(draft, Api.CRITICAL_ANSWERS).then().statusCode(200);
                    return draft;
                });
                CyclicBarrier together = new CyclicBarrier(2);
                Future<Response> viaA = pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return on(a, Api.owner(id)).post("/api/v1/assessments/" + id + "/submit");
                });
                Future<Response> viaB = pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return on(b, Api.owner(id)).post("/api/v1/assessments/" + id + "/submit");
                });
                Response ra = viaA.get(60, TimeUnit.SECONDS);
                Response rb = viaB.get(60, TimeUnit.SECONDS);

                assertThat(List.of(ra.statusCode(), rb.statusCode())).as("one submits (201), the other gets it (200)")
                        .containsExactlyInAnyOrder(201, 200);
                Map<String, Object> resultA = ra.jsonPath().getMap("$");
                Map<String, Object> resultB = rb.jsonPath().getMap("$");
                assertThat(resultA).isEqualTo(resultB);
                assertThat(count("SELECT COUNT(*) FROM assessment_result WHERE assessment_id = CAST(? AS uuid)", id)).isEqualTo(1);
                assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'assessment.submit' AND target LIKE ?", "%" + id))
                        .as("one submission audited").isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** A request of {@code spec} sent to {@code instance}. */
    private static RequestSpecification on(ServiceProcess instance, RequestSpecification spec) {
        return spec.port(instance.port());
    }

    /** Runs Api helpers (which use RestAssured's defaults) against {@code instance}. */
    private static synchronized <T> T onDefault(ServiceProcess instance, java.util.function.Supplier<T> work) {
        instance.useForRestAssured();
        return work.get();
    }

    private static long count(String sql, String parameter) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
