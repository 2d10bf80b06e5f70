package org.readiness.assessment;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.ClientProxy;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.readiness.scoring.engine.ScoreResult;
import org.readiness.testing.Api;

import java.time.Instant;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A write that fails part-way leaves nothing behind. Submission is the write with the most parts (the status
 * change, the result row, one row per rating), so it fails here after all of them reached the database.
 */
@QuarkusTest
class AtomicWritesTest {

    @Inject
    AgroalDataSource db;

    @Inject
    ResultStore store;

    @Test
    void aSubmissionThatFailsAfterWritingItsRowsLeavesTheDraftAsItWas() {
        String id = Api.createDraft();
        Api.putAnswers(id, Api.CRITICAL_ANSWERS).then().statusCode(200);
        UUID uuid = UUID.fromString(id);
        String draft = Api.analyst().get("/api/v1/assessments/" + id).asString();
        long results = Api.rows(db, "assessment_result");
        long ratings = Api.rows(db, "result_rating");

        ResultStore real = ClientProxy.unwrap(store);
        QuarkusMock.installMockForType(new ResultStore() {
            @Override
            public String store(Assessment assessment, ScoreResult score, Instant submittedAt) {
                real.store(assessment, score, submittedAt);
                Panache.getEntityManager().flush();
                assertEquals(1, AssessmentResult.count("assessmentId", assessment.id), "rows written before the failure");
                throw new IllegalStateException("simulated failure after the result rows were written");
            }
        }, ResultStore.class);

        Api.submit(id).then().statusCode(500).contentType("application/problem+json");

        assertEquals(draft, Api.analyst().get("/api/v1/assessments/" + id).asString());
        assertEquals(results, Api.rows(db, "assessment_result"));
        assertEquals(ratings, Api.rows(db, "result_rating"));
        assertEquals(0, Api.count(db, "SELECT COUNT(*) FROM assessment WHERE id = ? AND status <> 'DRAFT'", uuid));
    }

    @Test
    void theDraftCanBeSubmittedOnceTheFailureIsGone() {
        // QuarkusMock replacements last for one test only: here the real store is back.
        String id = Api.createDraft();
        Api.putAnswers(id, Api.CRITICAL_ANSWERS).then().statusCode(200);
        Api.submit(id).then().statusCode(201);
        Api.analyst().get("/api/v1/assessments/" + id).then().body("status", equalTo("SUBMITTED"));
    }
}
