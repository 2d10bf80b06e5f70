package org.readiness.assessment;

import org.readiness.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Reads back, after a restart, the result that {@link ResultPersistenceTest} stored.
 * <p>
 * Why this proves persistence across a restart: a test class with its own {@link TestProfile} makes Quarkus
 * stop the running application (its connection pool closes; an H2 file database closes with its last
 * connection) and start a new one, with new beans, a new pool and an empty cache, on the same database
 * (TestDatabase keeps one per test run: an H2 file, or a PostgreSQL schema). Quarkus runs test classes in
 * groups, one group per profile, ordered by the first class name in each (then by class name within): this
 * class's name sorts after ResultPersistenceTest's, so that class has run when this one starts. Run alone,
 * this class fails and says so rather than passing on nothing.
 */
@QuarkusTest
@TestProfile(ResultSurvivesRestartTest.Restarted.class)
class ResultSurvivesRestartTest {

    /** Changes nothing but the profile's identity, which is what forces the restart. */
    public static class Restarted implements QuarkusTestProfile {
    }

    @Test
    void aResultSubmittedBeforeTheRestartReadsBackIdentical() {
        String id = System.getProperty(ResultPersistenceTest.HANDOFF_ID);
        assertNotNull(id, "ResultPersistenceTest must run first in the same JVM: run the two classes together");
        assertEquals(System.getProperty(ResultPersistenceTest.HANDOFF_RESULT),
                Api.analyst().get("/api/v1/assessments/" + id + "/result").then().statusCode(200).extract().asString());
        assertEquals(System.getProperty(ResultPersistenceTest.HANDOFF_ASSESSMENT),
                Api.analyst().get("/api/v1/assessments/" + id).then().statusCode(200).extract().asString());
    }
}
