package org.readiness.testing;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Submissions against a running service ({@link ServiceProcess}) from several threads, one draft each, with what
 * came back for every draft: an HTTP status, or the exception that stood in for one. For tests that stop, kill or
 * cut off the service mid-run and then check that every acknowledged submission is stored exactly once.
 */
public final class SubmissionRun {

    /** What a submission got: a status (0 when none came) and the exception instead of it. */
    public record Outcome(int status, String exception) {
        public boolean acknowledged() {
            return status == 201 || status == 200;
        }

        /** Never reached the service: the connection was refused. */
        public boolean refusedConnection() {
            return ConnectException.class.getName().equals(exception);
        }
    }

    private final String baseUrl;
    private final String authorization;
    private final List<String> drafts;
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> queue;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ExecutorService pool;
    private final List<Future<?>> workers = new ArrayList<>();

    private SubmissionRun(String baseUrl, String user, List<String> drafts) {
        this.baseUrl = baseUrl;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + Api.PASSWORD).getBytes(StandardCharsets.UTF_8));
        this.drafts = List.copyOf(drafts);
        this.queue = new ConcurrentLinkedQueue<>(drafts);
    }

    /**
     * Makes {@code count} drafts of a new organisation, each with the critical items answered, through the API of
     * the service RestAssured points at ({@link ServiceProcess#useForRestAssured()}).
     */
    public static SubmissionRun prepare(ServiceProcess service, int count) throws Exception {
        String organisation = Api.createOrganisation();
        String lead = Api.leadOf(organisation);
        List<String> drafts = Concurrently.all(count, 8, i -> {
            String id = Api.createDraft(organisation);
            Api.putAnswers(id, Api.CRITICAL_ANSWERS + ",{\"question\":\"DL-02\",\"value\":" + (i % 5) + "}").then().statusCode(200);
            return id;
        });
        return new SubmissionRun(service.baseUrl(), lead, drafts);
    }

    /** Starts {@code threads} workers that take drafts one by one and submit each once, until none are left or stopped. */
    public SubmissionRun start(int threads) {
        return start(threads, Duration.ZERO);
    }

    /**
     * As {@link #start(int)}, each worker pausing {@code pause} after each submission: a test that needs the run to
     * last a while, whatever the machine's speed, bounds the rate instead of preparing ever more drafts.
     */
    public SubmissionRun start(int threads, Duration pause) {
        pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                String id;
                while (!stop.get() && (id = queue.poll()) != null) {
                    outcomes.put(id, submit(id));
                    Thread.sleep(pause.toMillis());
                }
                return null;
            }));
        }
        return this;
    }

    /** No worker takes another draft; those in flight finish. */
    public void stopTaking() {
        stop.set(true);
    }

    /** Waits for the workers (after {@link #stopTaking()}, or until every draft is done). */
    public SubmissionRun await() throws Exception {
        for (Future<?> worker : workers) {
            worker.get(300, TimeUnit.SECONDS);
        }
        pool.shutdownNow();
        return this;
    }

    public int acknowledged() {
        return (int) outcomes.values().stream().filter(Outcome::acknowledged).count();
    }

    /** Blocks until at least {@code n} submissions are acknowledged (or 120 s pass). */
    public void awaitAcknowledged(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (acknowledged() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Only " + acknowledged() + " of " + n + " submissions acknowledged in 120 s: " + histogram());
            }
            Thread.sleep(10);
        }
    }

    public List<String> drafts() {
        return drafts;
    }

    public Map<String, Outcome> outcomes() {
        return Map.copyOf(outcomes);
    }

    public List<String> acknowledgedDrafts() {
        return outcomes.entrySet().stream().filter(e -> e.getValue().acknowledged()).map(Map.Entry::getKey).sorted().toList();
    }

    /** Outcomes counted by status or exception, for messages. */
    public Map<String, Integer> histogram() {
        Map<String, Integer> counts = new TreeMap<>();
        outcomes.values().forEach(o -> counts.merge(o.exception() != null ? o.exception() : String.valueOf(o.status()), 1, Integer::sum));
        return counts;
    }

    private Outcome submit(String id) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/assessments/" + id + "/submit"))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.noBody()).build();
        try {
            return new Outcome(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode(), null);
        } catch (IOException e) {
            Throwable root = e;
            while (root.getCause() != null && !(root instanceof ConnectException)) {
                root = root.getCause();
            }
            return new Outcome(0, (root instanceof ConnectException ? root : e).getClass().getName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(0, e.getClass().getName());
        }
    }

    /**
     * Nothing half-written: every submitted assessment has its result, ratings, fired rules and summary; every
     * result belongs to a submitted assessment. Returns the violations found (empty when consistent).
     */
    public static List<String> halfWritten(Connection db) throws SQLException {
        Map<String, String> checks = Map.of(
                "submitted without a result", "SELECT COUNT(*) FROM assessment a WHERE a.status = 'SUBMITTED' "
                        + "AND NOT EXISTS (SELECT 1 FROM assessment_result r WHERE r.assessment_id = a.id)",
                "a result of a draft", "SELECT COUNT(*) FROM assessment_result r JOIN assessment a ON a.id = r.assessment_id "
                        + "WHERE a.status <> 'SUBMITTED'",
                "a result without ratings", "SELECT COUNT(*) FROM assessment_result r "
                        + "WHERE NOT EXISTS (SELECT 1 FROM result_rating x WHERE x.assessment_id = r.assessment_id)",
                "a result without fired rules", "SELECT COUNT(*) FROM assessment_result r "
                        + "WHERE NOT EXISTS (SELECT 1 FROM result_fired_rule x WHERE x.assessment_id = r.assessment_id)",
                "a result without its summary", "SELECT COUNT(*) FROM assessment_result r "
                        + "WHERE NOT EXISTS (SELECT 1 FROM result_summary x WHERE x.assessment_id = r.assessment_id)");
        List<String> violations = new ArrayList<>();
        try (Statement s = db.createStatement()) {
            for (Map.Entry<String, String> check : new TreeMap<>(checks).entrySet()) {
                try (ResultSet r = s.executeQuery(check.getValue())) {
                    r.next();
                    if (r.getLong(1) != 0) {
                        violations.add(r.getLong(1) + " x " + check.getKey());
                    }
                }
            }
        }
        return violations;
    }

    /** The ids among {@code ids} that are SUBMITTED with exactly one result. */
    public static List<String> storedOnce(Connection db, List<String> ids) throws SQLException {
        List<String> stored = new ArrayList<>();
        try (var s = db.prepareStatement("SELECT COUNT(*) FROM assessment a JOIN assessment_result r ON r.assessment_id = a.id "
                + "WHERE a.id = ? AND a.status = 'SUBMITTED'")) {
            for (String id : ids) {
                s.setObject(1, java.util.UUID.fromString(id));
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    if (r.getLong(1) == 1) {
                        stored.add(id);
                    }
                }
            }
        }
        return stored;
    }
}
