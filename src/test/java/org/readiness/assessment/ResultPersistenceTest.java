package org.readiness.assessment;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;
import org.readiness.testing.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stored result reads back identical: through a fresh persistence context and in plain JDBC. After a restart of
 * the service: ServiceProcessIT (each build, after a graceful stop and after a SIGKILL).
 */
@QuarkusTest
class ResultPersistenceTest {

    @Inject
    AgroalDataSource db;

    @Inject
    EntityManager em;

    @Test
    void runsOnTheDatabaseOfThisTestRun() throws Exception {
        try (Connection c = db.getConnection()) {
            assertEquals(TestDatabase.postgres() ? "PostgreSQL" : "H2", c.getMetaData().getDatabaseProductName());
        }
    }

    @Test
    void aSubmittedResultReadsBackIdentical() throws Exception {
        String id = Api.submitted("""
                {"question":"DL-02","value":3,"evidence":"Trained in trauma-informed practice; delivers level two"},
                {"question":"GV-06","value":4,"evidence":"Reports to the corporate management team every quarter"}""");
        String result = Api.analyst().get("/api/v1/assessments/" + id + "/result").then().statusCode(200).extract().asString();

        // A new transaction with an empty persistence context: the entity is loaded from the database.
        String reloaded = QuarkusTransaction.requiringNew().call(() -> {
            em.clear();
            return em.find(AssessmentResult.class, UUID.fromString(id)).json;
        });
        assertEquals(result, reloaded);
        assertEquals(result, jdbcResult(id));
    }

    String jdbcResult(String id) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT result_json FROM assessment_result WHERE assessment_id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next());
                return r.getString(1);
            }
        }
    }
}
