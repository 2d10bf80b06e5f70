package org.readiness.assessment;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;
import org.readiness.testing.Concurrently;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many writers at once: 1,000 submissions from 32 threads at distinct drafts, and 200 conflicting edits at one
 * draft. Every acknowledged write is in the database exactly once, every loser gets 409, and nothing answers 5xx
 * (a deadlock would show as one, or as a hang that the time-outs below catch).
 */
@QuarkusTest
class ConcurrencyAtScaleTest {

    static final int THREADS = 32;
    static final int SUBMISSIONS = 1_000;
    static final int EDITS = 200;

    @Inject
    DataSource db;

    @Test
    void aThousandSubmissionsFromThirtyTwoThreadsAreEachStoredExactlyOnce() throws Exception {
        String organisation = Api.createOrganisation();
        Api.leadOf(organisation);
        List<String> drafts = all(SUBMISSIONS, i -> {
            String id = Api.createDraft(organisation);
            Api.putAnswers(id, Api.CRITICAL_ANSWERS + ",{\"question\":\"DL-02\",\"value\":" + (i % 5) + "}").then().statusCode(200);
            return id;
        });

        List<Integer> statuses = all(SUBMISSIONS, i -> Api.submit(drafts.get(i)).statusCode());

        assertThat(histogram(statuses)).isEqualTo(Map.of(201, SUBMISSIONS));
        for (String id : drafts) {
            UUID uuid = UUID.fromString(id);
            assertThat(Api.count(db, "SELECT COUNT(*) FROM assessment_result WHERE assessment_id = ?", uuid)).as(id).isEqualTo(1);
            assertThat(Api.count(db, "SELECT COUNT(*) FROM assessment WHERE id = ? AND status = 'SUBMITTED'", uuid)).as(id).isEqualTo(1);
        }
        assertThat(Api.count(db, "SELECT COUNT(*) FROM assessment a JOIN organisation o ON o.id = a.organisation_id "
                + "WHERE o.code = ? AND a.status = 'SUBMITTED'", organisation)).isEqualTo(SUBMISSIONS);
    }

    @Test
    void twoHundredEditsAtOneVersionOfADraftHaveOneWinnerAndTheRestGet409() throws Exception {
        String id = Api.createDraft();
        String version = Api.owner(id).get("/api/v1/assessments/" + id).header("ETag");

        List<Response> responses = all(EDITS, i -> Api.owner(id).header("If-Match", version)
                .body("{\"answers\":[{\"question\":\"DL-01\",\"value\":2,\"evidence\":\"writer " + i + "\"}]}")
                .put("/api/v1/assessments/" + id + "/answers"));

        List<Integer> statuses = responses.stream().map(Response::statusCode).toList();
        assertThat(histogram(statuses)).isEqualTo(Map.of(200, 1, 409, EDITS - 1));
        responses.stream().filter(r -> r.statusCode() == 409)
                .forEach(r -> assertThat(r.contentType()).startsWith("application/problem+json"));
        int winner = statuses.indexOf(200);
        assertThat(evidence(id)).isEqualTo("writer " + winner);
        assertThat(rowVersion(id)).isEqualTo(Long.parseLong(version.replace("\"", "")) + 1);
    }

    @Test
    void twoHundredEditsWithoutAVersionAreEachAppliedOnceOrRefused() throws Exception {
        String id = Api.createDraft();
        long before = rowVersion(id);

        List<Response> responses = all(EDITS, i -> Api.owner(id)
                .body("{\"answers\":[{\"question\":\"DL-01\",\"value\":" + (i % 5) + ",\"evidence\":\"writer " + i + "\"}]}")
                .put("/api/v1/assessments/" + id + "/answers"));

        List<Integer> statuses = responses.stream().map(Response::statusCode).toList();
        assertThat(statuses).allMatch(s -> s == 200 || s == 409, "only 200 and 409: " + histogram(statuses));
        long acknowledged = statuses.stream().filter(s -> s == 200).count();
        assertThat(acknowledged).isPositive();
        // Each acknowledged write moved the version on by exactly one: none was lost, none applied twice.
        assertThat(rowVersion(id)).isEqualTo(before + acknowledged);
        Set<String> acknowledgedWriters = new java.util.TreeSet<>();
        for (int i = 0; i < EDITS; i++) {
            if (statuses.get(i) == 200) {
                acknowledgedWriters.add("writer " + i);
            }
        }
        assertThat(acknowledgedWriters).contains(evidence(id));
        assertThat(Api.count(db, "SELECT COUNT(*) FROM assessment_answer WHERE assessment_id = ?", UUID.fromString(id))).isEqualTo(1);
    }

    String evidence(String id) {
        return Api.owner(id).get("/api/v1/assessments/" + id).then().statusCode(200).extract().path("answers[0].evidence");
    }

    long rowVersion(String id) {
        return Api.count(db, "SELECT MAX(row_version) FROM assessment WHERE id = ?", UUID.fromString(id));
    }

    static Map<Integer, Integer> histogram(List<Integer> statuses) {
        Map<Integer, Integer> counts = new TreeMap<>();
        statuses.forEach(s -> counts.merge(s, 1, Integer::sum));
        return counts;
    }

    static <T> List<T> all(int n, IntFunction<T> task) throws Exception {
        return Concurrently.all(n, THREADS, task);
    }
}
