package org.readiness.seed;

import org.readiness.testing.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.readiness.testing.TestDatabase;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo seeds load into an empty database at start-up, once, and say what the report says of sites like
 * the three trial areas. Runs on a database of its own, because seeding needs an empty one.
 */
@QuarkusTest
@TestProfile(DemoSeedsTest.WithSeeds.class)
class DemoSeedsTest {

    static final String ARGYLL = "S12000035";
    static final String GLASGOW = "S12000049";
    static final String MIDLOTHIAN = "S12000019";

    public static class WithSeeds implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("readiness.seeds.enabled", "true");
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TestDatabase.class, Map.of(TestDatabase.DATABASE, "seeds")));
        }
    }

    @Inject
    DemoSeeds seeds;

    @Inject
    AgroalDataSource db;

    @Test
    void loadsTheThreeTrialAreasWithThreeSubmittedAssessmentsMonthsApartTheLatestInVersionTwo() {
        Api.as("analyst", "demo").get("/api/v1/organisations").then().statusCode(200)
                .body("code", containsInAnyOrder(ARGYLL, GLASGOW, MIDLOTHIAN))
                .body("name", containsInAnyOrder("Argyll and Bute Council", "Glasgow City Council", "Midlothian Council"))
                .body("type", everyItem(equalTo("LOCAL_AUTHORITY")));
        for (String code : List.of(ARGYLL, GLASGOW, MIDLOTHIAN)) {
            JsonPath page = Api.as("analyst", "demo").get("/api/v1/assessments?status=SUBMITTED&organisation=" + code)
                    .then().statusCode(200).body("items.period", contains("2026-03", "2025-10", "2025-03"))
                    .body("items.questionnaire.version", contains(2, 1, 1))
                    .body("items.scope", everyItem(nullValue())).extract().jsonPath();
            for (int i = 0; i < 2; i++) {
                Instant later = Instant.parse(page.getString("items[" + i + "].submittedAt"));
                Instant earlier = Instant.parse(page.getString("items[" + (i + 1) + "].submittedAt"));
                assertTrue(Duration.between(earlier, later).toDays() > 120, code + " submissions months apart");
            }
            Api.as("analyst", "demo").get("/api/v1/assessments/" + page.getString("items[0].id")).then()
                    .body("createdBy", equalTo("demo-seed")).body("submittedBy", equalTo("demo-seed"))
                    .body("answers.size()", equalTo(73));
            Api.as("analyst", "demo").get("/api/v1/assessments/" + page.getString("items[1].id")).then()
                    .body("answers.size()", equalTo(65));
        }
    }

    @Test
    void argyllLikeSiteIsHeldBackByTheMissingLeadThenMovesOn() {
        JsonPath before = result("5eed0035-0000-4000-8000-000000202503");
        JsonPath after = result("5eed0035-0000-4000-8000-000000202510");
        assertTrue(before.getList("trace.rule").contains("GATE-NO-LEAD"));
        assertEquals("REC-DL-APPOINT", before.getString("recommendations[0].id"));
        assertTrue(!after.getList("trace.rule").contains("GATE-NO-LEAD"));
        assertTrue(enabler(after, "dedicated-lead", "score") instanceof Number s
                && s.doubleValue() > ((Number) enabler(before, "dedicated-lead", "score")).doubleValue());
        assertEquals("GETTING_STARTED", enabler(before, "dedicated-lead", "band"));
        assertEquals("DEVELOPING", before.getString("overall.band"));
        assertEquals("ESTABLISHED", after.getString("overall.band"));
    }

    @Test
    void argyllLikeSiteInVersionTwoHasItsLeadAndWorksOnSupportForLeadersAndEvaluatingTraining() {
        JsonPath now = result("5eed0035-0000-4000-8000-000000202603");
        assertEquals(2, now.getInt("questionnaire.version"));
        assertEquals("ESTABLISHED", now.getString("overall.band"));
        assertEquals(List.of(), now.getList("overall.cappedBy"));
        assertTrue(!now.getList("trace.rule").contains("GATE-NO-LEAD"));
        assertTrue(!now.getList("trace.rule").contains("GATE-NO-LEAD-TIME"));
        assertEquals("ESTABLISHED", enabler(now, "dedicated-lead", "band"));
        assertTrue(now.getList("recommendations.id").containsAll(List.of("REC-IS-06", "REC-TN-09")));
        assertTrue(!now.getList("recommendations.id").contains("REC-DL-APPOINT"));
    }

    @Test
    void glasgowLikeSiteHasEmbeddedGovernanceAndLearnsToSupportLivedExperience() {
        JsonPath before = result("5eed0049-0000-4000-8000-000000202503");
        JsonPath after = result("5eed0049-0000-4000-8000-000000202510");
        assertEquals("EMBEDDED", enabler(before, "governance", "band"));
        assertEquals("EMBEDDED", enabler(after, "governance", "band"));
        assertTrue(before.getList("trace.rule").contains("GATE-LIVED-EXPERIENCE-UNSUPPORTED"));
        assertTrue(before.getList("recommendations.id").contains("REC-LS-SUPPORT"));
        assertTrue(!after.getList("trace.rule").contains("GATE-LIVED-EXPERIENCE-UNSUPPORTED"));
        assertEquals("ESTABLISHED", after.getString("overall.band"));
    }

    @Test
    void glasgowLikeSiteInVersionTwoIsEmbeddedAndToldToSustainAndSpread() {
        JsonPath now = result("5eed0049-0000-4000-8000-000000202603");
        assertEquals(2, now.getInt("questionnaire.version"));
        assertEquals("EMBEDDED", now.getString("overall.band"));
        assertEquals("EMBEDDED", enabler(now, "governance", "band"));
        assertEquals("EMBEDDED", enabler(now, "lived-experience-support", "band"));
        // Every rated result has next steps: at Embedded, to sustain, spread and share (each enabler's *-EMBEDDED step)
        List<String> steps = now.getList("recommendations.id");
        assertTrue(steps.containsAll(List.of("REC-GV-EMBEDDED", "REC-DL-EMBEDDED", "REC-LS-EMBEDDED")), steps.toString());
        assertEquals(steps.size(), new java.util.HashSet<>(now.getList("recommendations.text")).size());
    }

    @Test
    void midlothianLikeSiteStartsTrainingLedThenPlansForTransformation() {
        JsonPath before = result("5eed0019-0000-4000-8000-000000202503");
        JsonPath after = result("5eed0019-0000-4000-8000-000000202510");
        assertTrue(before.getList("trace.rule").contains("PATTERN-TRAINING-LED"));
        assertTrue(before.getList("trace.rule").contains("PATTERN-TRAINED-WITHOUT-NEEDS-ANALYSIS"));
        assertEquals("REC-SP-TRANSFORM", before.getString("recommendations[0].id"));
        assertEquals("DEVELOPING", enabler(before, "strategic-plan", "band"));
        assertEquals("ESTABLISHED", enabler(after, "strategic-plan", "band"));
        assertTrue(!after.getList("trace.rule").contains("PATTERN-TRAINING-LED"));
        assertTrue(!after.getList("trace.rule").contains("PATTERN-TRAINED-WITHOUT-NEEDS-ANALYSIS"));
    }

    @Test
    void midlothianLikeSiteInVersionTwoFollowsItsActionPlan() {
        JsonPath now = result("5eed0019-0001-4000-8000-000000202603");
        assertEquals(2, now.getInt("questionnaire.version"));
        assertEquals("ESTABLISHED", now.getString("overall.band"));
        assertEquals("EMBEDDED", enabler(now, "strategic-plan", "band"));
        assertTrue(!now.getList("trace.rule").contains("PATTERN-TRAINING-LED"));
        assertTrue(now.getList("recommendations.id").containsAll(List.of("REC-SP-EMBEDDED", "REC-TN-09")));
        assertTrue(!now.getList("recommendations.id").contains("REC-SP-TRANSFORM"));
    }

    @Test
    void leavesAScopedDraftInVersionTwoOpenToWorkOn() {
        Api.as("analyst", "demo").get("/api/v1/assessments/5eed0019-0000-4000-8000-000000202603").then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("scope", equalTo("Justice social work"))
                .body("questionnaire.version", equalTo(2))
                .body("answers.question", containsInAnyOrder("DL-01", "SR-03", "SP-02", "GV-01", "GV-06", "PT-02"));
        Api.as("lead-s12000019", "demo").post("/api/v1/assessments/5eed0019-0000-4000-8000-000000202603/submit").then().statusCode(422)
                .body("errors.pointer", contains("PT-01"));
    }

    @Test
    void seedingAgainChangesNothing() {
        long organisations = count("organisation");
        long assessments = count("assessment");
        long answers = count("assessment_answer");
        long results = count("assessment_result");
        assertEquals(0, seeds.seedIfEmpty());
        assertEquals(List.of(organisations, assessments, answers, results),
                List.of(count("organisation"), count("assessment"), count("assessment_answer"), count("assessment_result")));
        Api.as("analyst", "demo").get("/api/v1/assessments?organisation=" + ARGYLL).then().body("total", equalTo(3))
                .body("items.id", containsInAnyOrder("5eed0035-0000-4000-8000-000000202503",
                        "5eed0035-0000-4000-8000-000000202510", "5eed0035-0000-4000-8000-000000202603"));
    }

    private static JsonPath result(String id) {
        return Api.as("analyst", "demo").get("/api/v1/assessments/" + id + "/result").then().statusCode(200).extract().jsonPath();
    }

    private static Object enabler(JsonPath result, String id, String field) {
        return result.get("enablers.find { it.id == '" + id + "' }." + field);
    }

    private long count(String table) {
        return org.readiness.testing.Api.rows(db, table);
    }
}
