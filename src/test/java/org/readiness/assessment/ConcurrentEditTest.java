package org.readiness.assessment;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two clients editing one draft at once: one wins and keeps everything it sent; the other gets 409. */
@QuarkusTest
class ConcurrentEditTest {

    // Items of the latest questionnaire version, which a draft that names none (Api.createDraft) is of.
    private static final String LEAD = """
            {"question":"DL-01","value":3},{"question":"DL-02","value":3},{"question":"DL-06","value":2},
            {"question":"DL-04","value":2},{"question":"DL-07","value":1}""";
    private static final String GOVERNANCE = """
            {"question":"GV-01","value":4},{"question":"GV-06","value":4},{"question":"GV-03","value":3},
            {"question":"GV-07","value":3},{"question":"GV-08","value":2}""";
    private static final Set<String> LEAD_ITEMS = Set.of("DL-01", "DL-02", "DL-06", "DL-04", "DL-07");
    private static final Set<String> GOVERNANCE_ITEMS = Set.of("GV-01", "GV-06", "GV-03", "GV-07", "GV-08");

    @Inject
    AgroalDataSource db;

    @Test
    void withTheSameIfMatchOneWriterWinsWholeAndTheOtherGets409() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = Api.createDraft();
            List<Response> responses = race(id, "\"0\"");
            List<Integer> statuses = responses.stream().map(Response::statusCode).toList();
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "statuses " + statuses);
            assertEquals(1, statuses.stream().filter(s -> s == 409).count(), "statuses " + statuses);
            Set<String> winner = statuses.get(0) == 200 ? LEAD_ITEMS : GOVERNANCE_ITEMS;
            assertEquals(winner, stored(id), "the winner's answers, all of them and nothing else");
            assertEquals("application/problem+json", responses.get(statuses.indexOf(409)).contentType());
        }
    }

    @Test
    void withoutIfMatchWritersAreSerialisedOrRefusedNeverMixed() throws Exception {
        for (int round = 0; round < 10; round++) {
            String id = Api.createDraft();
            List<Integer> statuses = race(id, null).stream().map(Response::statusCode).toList();
            Set<String> stored = stored(id);
            if (statuses.equals(List.of(200, 200))) {
                // The second writer started after the first committed and saw its answers: a merge of both.
                Set<String> both = new TreeSet<>(LEAD_ITEMS);
                both.addAll(GOVERNANCE_ITEMS);
                assertEquals(both, stored);
            } else {
                assertTrue(statuses.contains(200) && statuses.contains(409), "statuses " + statuses);
                assertEquals(statuses.get(0) == 200 ? LEAD_ITEMS : GOVERNANCE_ITEMS, stored);
            }
        }
    }

    /**
     * The race made certain: another transaction updates the assessment row and holds it while the PUT runs,
     * then commits. The PUT read the old version, so its version check at the database fails: 409, and none
     * of its answers are stored.
     */
    @Test
    void aWriterOvertakenAtTheDatabaseGets409AndStoresNothing() throws Exception {
        String id = Api.createDraft();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (var other = db.getConnection()) {
            other.setAutoCommit(false);
            try (var s = other.prepareStatement("UPDATE assessment SET row_version = row_version + 1 WHERE id = ?")) {
                s.setObject(1, UUID.fromString(id));
                assertEquals(1, s.executeUpdate());
            }
            Future<Response> put = pool.submit(() -> Api.putAnswers(id, LEAD));
            Thread.sleep(500);
            assertTrue(!put.isDone(), "the PUT waits for the row the other transaction holds");
            other.commit();
            Response response = put.get();
            assertEquals(409, response.statusCode(), response.asString());
            assertEquals("application/problem+json", response.contentType());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Set.of(), stored(id));
    }

    /** Sends the lead answers and the governance answers to one draft at the same moment. */
    private static List<Response> race(String id, String ifMatch) throws Exception {
        Api.leadOf(Api.organisationOf(id));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (String answers : List.of(LEAD, GOVERNANCE)) {
                futures.add(pool.submit(() -> {
                    start.await();
                    var request = Api.owner(id).contentType(ContentType.JSON).body("{\"answers\":[" + answers + "]}");
                    if (ifMatch != null) {
                        request.header("If-Match", ifMatch);
                    }
                    return request.put("/api/v1/assessments/" + id + "/answers");
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private Set<String> stored(String id) {
        Set<String> questions = new TreeSet<>();
        try (var c = db.getConnection();
             var s = c.prepareStatement("SELECT question FROM assessment_answer WHERE assessment_id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (var r = s.executeQuery()) {
                while (r.next()) {
                    questions.add(r.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return questions;
    }
}
