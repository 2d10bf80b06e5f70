package org.readiness.reliability;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.readiness.problem.BadInputTest;
import org.readiness.problem.BadValuesTest;
import org.readiness.testing.Api;
import org.readiness.testing.ServiceProcess;
import org.readiness.testing.SubmissionRun;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15, item 12: the embedded service, for minutes, fed the hostile battery (BadInputTest, BadValuesTest)
 * mixed with concurrent writes (drafts, answers, submissions, racing edits of one draft, targets), with the pool
 * closing and reopening connections as a long-running service does (a short max lifetime: in the report, the
 * pool closing the connection that had migrated the schema made every write fail). Every request must get its
 * expected answer (never a 5xx); afterwards every kind of write must still work, readiness must be UP, every
 * acknowledged submission stored once and nothing half-written.
 * <p>
 * How long: the system property {@code soak.duration} or the environment variable SOAK_DURATION (ISO-8601, such
 * as PT10M), 2 minutes when neither is set.
 */
class SoakIT {

    static final int THREADS = 6;

    final List<BadInputTest.Case> badInput = BadInputTest.cases().toList();
    final List<BadValuesTest.Case> badValues = BadValuesTest.cases().toList();
    final ConcurrentLinkedQueue<String> submitted = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
    final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
    String organisation;
    String draft;
    String user;
    String raced;

    @Test
    void theServiceKeepsTakingWritesThroughMinutesOfHostileAndConcurrentRequests() throws Exception {
        Duration duration = Duration.parse(System.getProperty("soak.duration",
                System.getenv().getOrDefault("SOAK_DURATION", "PT2M")));
        try (ServiceProcess service = ServiceProcess.h2().name("soak")
                .env(DatabaseOutageIT.FAST_HASHES, "4")
                .env("QUARKUS_DATASOURCE_JDBC_MAX_LIFETIME", "PT15S")
                .env("QUARKUS_DATASOURCE_JDBC_MIN_SIZE", "2")
                .start().useForRestAssured()) {
            organisation = Api.createOrganisation();
            draft = Api.createDraft(organisation);
            user = Api.user("soak-" + organisation.toLowerCase(), "analyst", null);
            raced = Api.createDraft(organisation);
            Api.user(Api.ANALYST, "analyst", null);
            Api.user(Api.AUDITOR, "auditor", null);
            long end = System.nanoTime() + duration.toNanos();

            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Random random = new Random(t);
                Thread worker = new Thread(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            step(random);
                        } catch (RuntimeException | AssertionError e) {
                            note(Thread.currentThread().getName() + ": " + e);
                        }
                    }
                }, "soak-" + t);
                workers.add(worker);
                worker.start();
            }
            for (Thread worker : workers) {
                worker.join(duration.plusMinutes(2).toMillis());
            }
            System.out.printf("SoakIT: %s, %d threads, answers by status %s, %d submissions%n", duration, THREADS,
                    statuses, submitted.size());
            assertThat(wrong).as("requests not answered as expected").isEmpty();

            // Afterwards: readiness UP (the write probe included), and every kind of write works.
            Response ready = given().get("/q/health/ready");
            assertThat(ready.statusCode()).as(ready.asString()).isEqualTo(200);
            assertThat(ready.jsonPath().getString("checks.find { it.name == 'database-writes' }.status")).isEqualTo("UP");
            String after = Api.createOrganisation();
            Api.user("soak-after-" + after.toLowerCase(), "analyst", null);
            String last = Api.createDraft(after);
            Api.putAnswers(last, Api.CRITICAL_ANSWERS).then().statusCode(200);
            Api.submit(last).then().statusCode(201);
            submitted.add(last);
            Api.as(Api.leadOf(after)).contentType(ContentType.JSON)
                    .body("{\"targets\":[{\"enabler\":\"dedicated-lead\",\"band\":\"DEVELOPING\"}]}")
                    .put("/api/v1/organisations/" + after + "/targets").then().statusCode(200);

            service.stopGracefully();
            String url = "jdbc:h2:file:" + service.home().resolve("data/readiness").toAbsolutePath();
            try (Connection c = DriverManager.getConnection(url, "", "")) {
                List<String> ids = List.copyOf(submitted);
                assertThat(SubmissionRun.storedOnce(c, ids)).containsExactlyInAnyOrderElementsOf(ids);
                assertThat(SubmissionRun.halfWritten(c)).isEmpty();
            }
        }
    }

    /** One request of the mix (two of them for a draft's life), checked against the answer it must get. */
    void step(Random random) {
        switch (random.nextInt(6)) {
            case 0, 1 -> {
                BadInputTest.Case c = badInput.get(random.nextInt(badInput.size()));
                expect(c.toString(), BadInputTest.send(c, organisation, draft, user), c.status());
            }
            case 2 -> {
                BadValuesTest.Case c = badValues.get(random.nextInt(badValues.size()));
                expect(c.toString(), BadValuesTest.send(c, organisation, draft), c.status());
            }
            case 3 -> {
                String id = Api.createDraft(organisation);
                expect("answers of " + id, Api.putAnswers(id, Api.CRITICAL_ANSWERS
                        + ",{\"question\":\"DL-02\",\"value\":" + random.nextInt(5) + "}"), 200);
                if (expect("submit " + id, Api.submit(id), 201)) {
                    submitted.add(id);
                }
            }
            case 4 -> {
                // Racing edits of one draft, each with the version it read: 200 or 409, nothing else.
                String version = Api.owner(raced).get("/api/v1/assessments/" + raced).header("ETag");
                Response r = Api.owner(raced).header("If-Match", version).contentType(ContentType.JSON)
                        .body("{\"answers\":[{\"question\":\"DL-06\",\"value\":" + random.nextInt(5) + "}]}")
                        .put("/api/v1/assessments/" + raced + "/answers");
                expect("a racing edit", r, r.statusCode() == 409 ? 409 : 200);
            }
            default -> {
                String lead = Api.leadOf(organisation);
                // Threads set the same organisation's targets at once: 200, or 409 for the one that lost the race.
                Response targets = Api.as(lead).contentType(ContentType.JSON)
                        .body("{\"targets\":[{\"enabler\":\"governance\",\"score\":" + random.nextInt(5) + "}]}")
                        .put("/api/v1/organisations/" + organisation + "/targets");
                boolean race = targets.statusCode() == 409 && targets.asString().contains("urn:readiness:problem:conflict");
                expect("targets", targets, race ? 409 : 200);
                expect("a create with an Idempotency-Key", Api.as(lead).header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(ContentType.JSON).body("{\"organisation\":\"" + organisation + "\",\"questionnaire\":\""
                                + Api.QUESTIONNAIRE + "\",\"period\":\"2025-06\"}").post("/api/v1/assessments"), 201);
            }
        }
    }

    boolean expect(String what, Response r, int status) {
        statuses.computeIfAbsent(String.valueOf(r.statusCode()), s -> new AtomicInteger()).incrementAndGet();
        if (r.statusCode() != status) {
            note(what + ": expected " + status + ", got " + r.statusCode() + " " + r.asString());
            return false;
        }
        return true;
    }

    /** The first 50 surprises are kept for the report; the test fails on any. */
    void note(String surprise) {
        if (wrong.size() < 50) {
            wrong.add(surprise.length() > 500 ? surprise.substring(0, 500) + "..." : surprise);
        }
    }
}
