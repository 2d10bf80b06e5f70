package org.readiness.organisation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.readiness.testing.Api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class OrganisationResourceTest {

    @Inject
    AgroalDataSource db;

    @Test
    void createsReadsAndListsAnOrganisation() {
        String code = Api.newCode();
        Api.admin().contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"name\":\"Argyll-like Council\",\"type\":\"LOCAL_AUTHORITY\",\"region\":\"West\"}")
                .post("/api/v1/organisations")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/organisations/" + code))
                .body("code", equalTo(code)).body("name", equalTo("Argyll-like Council"))
                .body("type", equalTo("LOCAL_AUTHORITY")).body("region", equalTo("West"))
                .body("createdBy", equalTo(Api.ADMIN)).body("createdAt", notNullValue());

        Api.analyst().get("/api/v1/organisations/" + code).then().statusCode(200)
                .body("code", equalTo(code)).body("region", equalTo("West"));
        Api.analyst().get("/api/v1/organisations").then().statusCode(200).body("code", hasItem(code));
    }

    @Test
    void acceptsACharityNumberAndNoRegion() {
        Api.admin().contentType(ContentType.JSON)
                .body("{\"code\":\"SC0" + Api.newCode().substring(4) + "\",\"name\":\"A trauma charity\",\"type\":\"THIRD_SECTOR\"}")
                .post("/api/v1/organisations")
                .then().statusCode(201).body("type", equalTo("THIRD_SECTOR"));
    }

    @Test
    void listsEveryProblemOfABodyAndStoresNothing() {
        long before = Api.rows(db, "organisation");
        Api.admin().contentType(ContentType.JSON)
                .body("{\"code\":\"12000035\",\"name\":\"  \",\"type\":\"COUNCIL\",\"region\":\"" + "x".repeat(101)
                        + "\",\"colour\":\"red\"}")
                .post("/api/v1/organisations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.pointer", containsInAnyOrder("/code", "/name", "/type", "/region", "/colour"));
        Api.admin().contentType(ContentType.JSON).body("{}").post("/api/v1/organisations")
                .then().statusCode(400).body("errors.pointer", containsInAnyOrder("/code", "/name", "/type"));
        Api.admin().contentType(ContentType.JSON).body("{\"code\":7,\"name\":[],\"type\":1}").post("/api/v1/organisations")
                .then().statusCode(400).body("errors.pointer", containsInAnyOrder("/code", "/name", "/type"));
        assertEquals(before, Api.rows(db, "organisation"));
    }

    @Test
    void refusesBodiesThatAreNotAJsonObject() {
        Api.admin().contentType(ContentType.JSON).body("[1]").post("/api/v1/organisations")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].pointer", equalTo(""));
        Api.admin().contentType(ContentType.JSON).body("{\"code\": ").post("/api/v1/organisations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:readiness:problem:malformed-json"));
        Api.admin().contentType(ContentType.TEXT).body("code=S12000035").post("/api/v1/organisations")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void aDuplicateCodeIsAConflictAndStoresNothing() {
        String code = Api.createOrganisation();
        long before = Api.rows(db, "organisation");
        Api.admin().contentType(ContentType.JSON)
                .body("{\"code\":\"" + code + "\",\"name\":\"Another\",\"type\":\"OTHER\"}")
                .post("/api/v1/organisations")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:readiness:problem:conflict"));
        assertEquals(before, Api.rows(db, "organisation"));
    }

    /** The existence check cannot see a concurrent insert; the unique key must turn the loser into a 409. */
    @Test
    void concurrentCreatesOfOneCodeGiveOneOrganisation() throws Exception {
        String code = Api.newCode();
        int writers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return Api.admin().contentType(ContentType.JSON)
                            .body("{\"code\":\"" + code + "\",\"name\":\"Race\",\"type\":\"OTHER\"}")
                            .post("/api/v1/organisations").statusCode();
                }));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                results.add(status.get());
            }
            assertEquals(1, results.stream().filter(s -> s == 201).count(), "statuses " + results);
            assertEquals(writers - 1, results.stream().filter(s -> s == 409).count(), "statuses " + results);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, Api.count(db, "SELECT COUNT(*) FROM organisation WHERE code = ?", code));
    }

    @Test
    void anUnknownCodeIsNotFound() {
        Api.analyst().get("/api/v1/organisations/S99999999").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:readiness:problem:not-found"));
        Api.analyst().get("/api/v1/organisations/%20nonsense%3B").then().statusCode(404).contentType("application/problem+json");
    }
}
